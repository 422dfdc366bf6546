// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds personal data: contact details, government and financial identifiers, network identifiers.
///
/// ```yaml
/// - id: pii-in-prompt
///   check: pii
///   entities: [email, phone, ssn, credit_card, iban]   # default: every core entity
///   min_confidence: 0.5
///   context_words: {passport: [reisepass]}            # added to the built-in words
///   allow: ['/@example\.(com|org)$/', 'support@corp.com']
///   action: redact
/// ```
///
/// Each entity is a candidate pattern plus a validator where the format has one (Luhn for cards, mod 97
/// for IBANs, area/group/serial rules for SSNs, …), so look-alikes such as order numbers, ISBNs, Unix
/// timestamps and version strings are not reported. Candidates get a confidence; context words near a
/// candidate (on token boundaries) raise it, words such as "order" or "version" lower it, and candidates
/// under `min_confidence` are dropped.
public struct PIICheck: Check {
    /// What the check can find. Categories are `pii.<raw value>`.
    public enum Entity: String, Sendable, CaseIterable {
        case email, phone, ssn, creditCard = "credit_card", iban, ipAddress = "ip_address"
        case macAddress = "mac_address", urlCredentials = "url_credentials", dateOfBirth = "date_of_birth"
        case passport, driverLicense = "driver_license"
        // Country packs: reported only when listed in `entities`.
        case ukNHS = "uk_nhs", caSIN = "ca_sin", deTaxID = "de_tax_id", esNIF = "es_nif"
        case itFiscalCode = "it_fiscal_code", plPESEL = "pl_pesel", inAadhaar = "in_aadhaar", krRRN = "kr_rrn"

        /// Entities checked when a rule lists none.
        public static let core: [Entity] = [
            .email, .phone, .ssn, .creditCard, .iban, .ipAddress, .macAddress, .urlCredentials, .dateOfBirth,
            .passport, .driverLicense,
        ]
    }

    public static let description = CheckDescription(
        id: "pii",
        summary: "Finds personal data such as emails, phone numbers, government ids and card numbers",
        options: [
            OptionDescription(
                "entities", .stringList,
                summary: "entities to find (default: the core set; `all` adds the country packs)"),
            OptionDescription("min_confidence", .number, summary: "drop candidates below this confidence (default 0.5)"),
            OptionDescription(
                "context_words", .mapping, summary: "per entity, extra words that raise confidence when nearby"),
            OptionDescription(
                "allow", .stringList, summary: "values never reported: literal (case-insensitive) or /regex/"),
        ],
        passingExamples: [
            CheckExample("Order #4111-1111-1111-1112 shipped"),
            CheckExample("ISBN 978-3-16-148410-0, build 1.2.3.4 of version 10.0.19041.1"),
            CheckExample("timestamp 1700000000123 and SSN-shaped 666-12-3456"),
            CheckExample("This INTRODUCTORY course is public"),
            CheckExample("IBAN GB82 WEST 1234 5698 7654 31 has a bad checksum"),
        ],
        failingExamples: [
            CheckExample("mail ⟦jane.doe@corp.com⟧ or call ⟦+1 (415) 555-0132⟧"),
            CheckExample("card ⟦4111 1111 1111 1111⟧, SSN ⟦123-45-6789⟧"),
            CheckExample("IBAN ⟦GB82 WEST 1234 5698 7654 32⟧ from ⟦192.168.1.20⟧"),
            CheckExample("date of birth: ⟦1985-03-12⟧, passport number ⟦X1234567⟧"),
            CheckExample("db at postgres://⟦admin:s3cret⟧@db.internal:5432"),
            CheckExample("전화 ⟦010-1234-5678⟧ 한국어"),
        ]
    )

    /// The entities this rule finds.
    public let entities: [Entity]
    /// Candidates below this confidence are dropped.
    public let minimumConfidence: Double
    private let recognizers: [Recognizer]
    private let contextWords: [Entity: ContextWords]
    private let allowedValues: Set<String>
    private let allowedPatterns: [Pattern]
    /// ``ibanShapes`` of the check's replica.
    private let ibanShape: Pattern

    public init(options: CheckOptions) throws(CheckOptionsError) {
        var entities: [Entity] = []
        for (index, name) in (try options.strings("entities") ?? ["core"]).enumerated() {
            switch name {
            case "all": entities += Entity.allCases
            case "core": entities += Entity.core
            default:
                guard let entity = Entity(rawValue: name) else {
                    let names = ["all", "core"] + Entity.allCases.map(\.rawValue)
                    throw .invalid(
                        "entities", index: index,
                        "unknown entity '\(name)'" + NearestName.hint(for: name, among: names)
                            + "; entities: \(names.joined(separator: ", "))")
                }
                entities.append(entity)
            }
        }
        var seen = Set<Entity>()
        self.entities = entities.filter { seen.insert($0).inserted }
        self.minimumConfidence = try options.number("min_confidence") ?? 0.5
        guard (0...1).contains(minimumConfidence) else {
            throw .invalid("min_confidence", "'min_confidence' must be between 0 and 1, found \(minimumConfidence)")
        }
        var extraWords: [Entity: [String]] = [:]
        if let mapping = try options.mapping("context_words") {
            for (name, value) in mapping {
                guard let entity = Entity(rawValue: name) else {
                    throw .invalid("context_words", "unknown entity '\(name)' in 'context_words'")
                }
                guard case .list(let items) = value else {
                    throw .invalid("context_words", "'context_words.\(name)' must be a list of words")
                }
                extraWords[entity] = items.compactMap { if case .string(let word) = $0 { word } else { nil } }
            }
        }
        self.contextWords = Dictionary(
            uniqueKeysWithValues: self.entities.map { ($0, ContextWords(Self.defaultContextWords[$0, default: []] + extraWords[$0, default: []])) })
        var values = Set<String>()
        var patterns: [Pattern] = []
        for (index, entry) in (try options.strings("allow") ?? []).enumerated() {
            if entry.count > 2, entry.hasPrefix("/"), entry.hasSuffix("/") {
                do {
                    patterns.append(try Pattern(String(entry.dropFirst().dropLast()), options: .caseless, limits: options.matchLimits))
                } catch {
                    throw CheckOptionsError(
                        kind: .invalidPattern, key: "allow", index: index, utf8OffsetInValue: error.utf8Offset + 1,
                        message: "invalid regex: \(error.message) (at offset \(error.utf8Offset) in the pattern)")
                }
            } else {
                values.insert(entry.lowercased())
            }
        }
        self.allowedValues = values
        self.allowedPatterns = patterns
        let enabled = Set(self.entities)
        self.recognizers = Self.allRecognizers(options.replica).filter { enabled.contains($0.entity) }
        self.ibanShape = Self.ibanShapes(options.replica)
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { recognizers.map(\.pattern) + [ibanShape] + allowedPatterns }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        var weighing = Weighing(
            text: subject.text, recognizers: recognizers, contextWords: contextWords,
            minimumConfidence: minimumConfidence)
        for index in recognizers.indices {
            try recognizers[index].pattern.forEachMatch(in: subject) { weighing.consider($0, from: index) }
        }
        let text = subject.text
        var candidates = weighing.candidates
        guard !candidates.isEmpty else { return }
        // Digits inside something shaped like an IBAN (even one with a bad checksum) are not phone or card numbers.
        var ibanShaped: [Span] = []
        try ibanShape.forEachMatch(in: subject) { ibanShaped.append($0) }
        if !ibanShaped.isEmpty {
            candidates.removeAll { candidate in
                candidate.category != "pii.iban"
                    && ibanShaped.contains { $0.start <= candidate.span.start && candidate.span.end <= $0.end }
            }
        }
        // Keep the most specific finding where candidates overlap (a card number is not also a phone number).
        candidates.sort { ($0.span.start, -$0.span.count) < ($1.span.start, -$1.span.count) }
        var kept: [Finding] = []
        for candidate in candidates {
            if let last = kept.last, last.span.overlaps(candidate.span) {
                if candidate.confidence > last.confidence, candidate.span.count >= last.span.count {
                    kept[kept.count - 1] = candidate
                }
                continue
            }
            kept.append(candidate)
        }
        for finding in kept where try !isAllowed(finding.span.text(in: text), subject: subject) {
            findings.append(finding)
        }
    }

    /// Weighs one evaluation's matches into candidates.
    ///
    /// The closure of each recognizer's scan captures it as a variable, which is passed by address: when it
    /// captured these values as constants, each was retained and released for every recognizer and text.
    private struct Weighing {
        let text: String
        let recognizers: [Recognizer]
        let contextWords: [Entity: ContextWords]
        let minimumConfidence: Double
        var candidates: [Finding] = []

        /// Adds the match at `span` of recognizer `index` when it is valid and confident enough.
        mutating func consider(_ span: Span, from index: Int) {
            let recognizer = recognizers[index]
            guard var confidence = recognizer.validate(span.text(in: text)) else { return }
            if !recognizer.ignoresContext {
                if contextWords[recognizer.entity]?.appear(near: span, in: text) == true { confidence += 0.3 }
                if PIICheck.lookAlikeWords.appear(near: span, in: text, window: 24) { confidence -= 0.4 }
            }
            confidence = min(confidence, 1)
            guard confidence >= minimumConfidence else { return }
            candidates.append(
                Finding(
                    category: "pii.\(recognizer.entity.rawValue)", span: span, message: recognizer.message,
                    confidence: confidence))
        }
    }

    private func isAllowed(_ value: Substring, subject: Subject) throws -> Bool {
        if allowedValues.contains(value.lowercased()) { return true }
        for pattern in allowedPatterns where try pattern.firstMatch(in: String(value), scratch: subject.scratch) != nil {
            return true
        }
        return false
    }
}

// MARK: - Recognizers

extension PIICheck {
    /// A candidate pattern and what makes a candidate real.
    struct Recognizer: Sendable {
        let entity: Entity
        let pattern: Pattern
        let message: String
        /// Labelled entities carry their context in the pattern; other context words do not change them.
        let ignoresContext: Bool
        /// The candidate's confidence, or `nil` when it is a look-alike.
        let validate: @Sendable (Substring) -> Double?

        /// A recognizer as written, its pattern not yet compiled.
        struct Definition {
            let entity: Entity
            let source: String
            let message: String
            let ignoresContext: Bool
            let validate: @Sendable (Substring) -> Double?

            init(
                _ entity: Entity, _ source: String, _ message: String, ignoresContext: Bool = false,
                validate: @escaping @Sendable (Substring) -> Double?
            ) {
                self.entity = entity
                self.source = source
                self.message = message
                self.ignoresContext = ignoresContext
                self.validate = validate
            }
        }

        /// The recognizers of `definitions`, their patterns compiled together.
        static func compiling(_ definitions: [Definition]) -> [Recognizer] {
            zip(definitions, BuiltInPatterns.compile(definitions.map(\.source))).map { definition, pattern in
                Recognizer(
                    entity: definition.entity, pattern: pattern, message: definition.message,
                    ignoresContext: definition.ignoresContext, validate: definition.validate)
            }
        }
    }

    /// Anything shaped like an IBAN, valid or not, compiled once per replica.
    static let ibanShapes = PerReplica {
        try! Pattern(#"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\w])"#)
    }

    /// Words that say a number is an identifier of something else.
    static let lookAlikeWords = ContextWords([
        "order", "invoice", "tracking", "isbn", "sku", "serial", "version", "ver", "build", "ref", "reference",
        "ticket", "timestamp", "epoch", "unix", "commit", "release", "model", "part", "issue", "pr", "item",
        "chapter", "section", "page", "figure", "table", "step", "clause", "§", "lot", "batch",
    ])

    static let defaultContextWords: [Entity: [String]] = [
        .phone: ["phone", "tel", "telephone", "call", "mobile", "cell", "fax", "whatsapp", "text me", "sms", "contact", "전화", "휴대폰", "연락처", "téléphone", "telefon", "teléfono", "handy"],
        .ssn: ["ssn", "social security", "social security number", "ss#", "ssn#", "taxpayer"],
        .creditCard: ["card", "credit", "visa", "mastercard", "amex", "payment", "cc", "debit"],
        .iban: ["iban", "bank", "account", "transfer", "wire"],
        .ipAddress: ["ip", "address", "host", "server", "client", "from", "addr"],
        .macAddress: ["mac", "hardware", "ethernet", "wifi", "device"],
        .ukNHS: ["nhs", "nhs number", "national health"],
        .caSIN: ["sin", "social insurance", "nas"],
        .deTaxID: ["steuer", "steuer-id", "steuerid", "steueridentifikationsnummer", "idnr", "tax id", "tin"],
        .esNIF: ["nif", "nie", "dni", "documento"],
        .itFiscalCode: ["codice fiscale", "cf", "fiscal code", "tessera sanitaria"],
        .plPESEL: ["pesel"],
        .inAadhaar: ["aadhaar", "aadhar", "uidai", "uid"],
        .krRRN: ["주민등록번호", "주민번호", "resident registration", "rrn"],
    ]

    /// The recognizers, compiled once per replica of the built-in patterns (see ``CheckOptions/replica``).
    static let allRecognizers = PerReplica { Recognizer.compiling(definitions) }

    private static let definitions: [Recognizer.Definition] = [
        .init(
            .email, #"(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"#,
            "email address"
        ) { value in
            // No two dots in a row (a byte scan: this runs for every address).
            zip(value.utf8, value.utf8.dropFirst()).contains { $0 == 0x2E && $1 == 0x2E } ? nil : 0.95
        },

        // International: +CC and 6–14 more digits in groups.
        .init(.phone, #"(?<![\w+])\+[1-9]\d{0,2}(?:[ .\-]?(?:\(\d{1,4}\)|\d{1,5})){1,5}(?![\w-]|[ .\-/]?\d)"#, "phone number") {
            value in
            let digits = Checksums.wholeNumberCount(value)
            return (8...15).contains(digits) ? 0.85 : nil
        },
        // NANP with separators or parentheses: (415) 555-0132, 415-555-0132, 415.555.0132.
        .init(
            .phone, #"(?<![\w+\-.])(?<!\d[ .\-/])(?:1[ .\-]?)?(?:\([2-9]\d{2}\)[ ]?|[2-9]\d{2}[ .\-])[2-9]\d{2}[ .\-]\d{4}(?![\w\-]|[ .\-/]?\d)"#,
            "phone number"
        ) { _ in 0.7 },
        // National formats with a trunk 0 and separators: UK 020 7946 0958, DE 030 12345678, FR 01 23 45 67 89, KR 010-1234-5678.
        .init(.phone, #"(?<![\w+\-./])(?<!\d[ .\-/])0[1-9]\d{0,3}(?:[ /.\-]\d{2,8}){1,4}(?![\w\-/]|[ .\-/]?\d)"#, "phone number") { value in
            let digits = Checksums.wholeNumberCount(value)
            return (9...12).contains(digits) && !looksLikeDateOrSSN(value) ? 0.6 : nil
        },
        // Bare national numbers: only with a context word (0.2 + 0.3 = 0.5).
        .init(.phone, #"(?<![\w+\-.])(?<!\d[ .\-/])0[1-9]\d{8,9}(?![\w\-]|[ .\-/]?\d)"#, "phone number") { _ in 0.2 },

        .init(.ssn, #"(?<![\w\-.])(?<!\d[ .\-/])\d{3}-\d{2}-\d{4}(?![\w\-]|[ .\-/]?\d)"#, "US social security number") { value in
            validSSN(value) ? 0.8 : nil
        },
        .init(.ssn, #"(?<![\w\-.])(?<!\d[ .\-/])\d{3} \d{2} \d{4}(?![\w\-]|[ .\-/]?\d)"#, "US social security number") { value in
            validSSN(value) ? 0.55 : nil
        },
        .init(.ssn, #"(?<![\w\-.])(?<!\d[ .\-/])\d{9}(?![\w\-]|[ .\-/]?\d)"#, "US social security number") { value in
            validSSN(value) ? 0.25 : nil
        },

        .init(.creditCard, #"(?<![\w\-.])(?<!\d[ .\-/])\d(?:[ \-]?\d){12,18}(?![\w\-]|[ .\-/]?\d)"#, "payment card number") { value in
            validCard(value) ? 0.9 : nil
        },

        .init(.iban, #"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\w])"#, "IBAN") { value in
            Checksums.iban(value) ? 0.95 : nil
        },

        .init(
            .ipAddress,
            #"(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w]|\.\d)"#,
            "IP address"
        ) { value in value.hasPrefix("0.") ? nil : 0.75 },
        .init(
            .ipAddress,
            #"(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,7}|[0-9A-Fa-f]{1,4})(?![\w:])|(?<![\w:])::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}(?![\w:])"#,
            "IP address"
        ) { value in validIPv6(value) ? 0.8 : nil },

        .init(
            .macAddress, #"(?<![\w:\-])[0-9A-Fa-f]{2}([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:\-])|(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])"#,
            "MAC address"
        ) { value in value.contains(where: \.isLetter) || value.contains(":") ? 0.8 : 0.6 },

        .init(
            .urlCredentials, #"(?i)\b[a-z][a-z0-9+.\-]{1,20}://\K[^\s:/@?#]{1,64}:[^\s@/?#]{1,128}(?=@[\w.\-])"#,
            "credentials in a URL", ignoresContext: true
        ) { _ in 0.95 },

        .init(
            .dateOfBirth,
            #"(?i)(?:\b(?:date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|born(?:\s+on)?|geburtsdatum|fecha\s+de\s+nacimiento|date\s+de\s+naissance)|생년월일)\s*(?:is\s*)?[:\-=]?\s*\K(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}년\s*\d{1,2}월\s*\d{1,2}일)"#,
            "date of birth", ignoresContext: true
        ) { _ in 0.9 },

        .init(
            .passport,
            #"(?i)\b(?:passport|passeport|reisepass|pasaporte|passaporto|여권)(?:\s+(?:no|number|num|nr|n°|#|번호))?\.?\s*(?:is\s*)?[:#]?\s*\K(?-i:[A-Z0-9]{6,9})(?![\w])"#,
            "passport number", ignoresContext: true
        ) { value in value.contains(where: \.isNumber) ? 0.85 : nil },
        .init(
            .driverLicense,
            #"(?i)\b(?:driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|(?-i:DL)|licen[cs]e\s+(?:no|number|#))(?:\s+(?:no|number|num|#))?\.?\s*(?:is\s*)?[:#]?\s*\K(?-i:[A-Z0-9][A-Z0-9\-]{4,20})(?![\w\-])"#,
            "driver's license number", ignoresContext: true
        ) { value in value.filter(\.isNumber).count >= 4 ? 0.85 : nil },

        // Country packs.
        .init(.ukNHS, #"(?<![\w\-.])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\w\-]|[ .\-/]?\d)"#, "UK NHS number") { value in
            Checksums.digits(value).map(Checksums.nhs) == true ? 0.45 : nil
        },
        .init(.caSIN, #"(?<![\w\-.])[1-79]\d{2}[ \-]?\d{3}[ \-]?\d{3}(?![\w\-]|[ .\-/]?\d)"#, "Canadian social insurance number") {
            value in
            Checksums.digits(value).map(Checksums.luhn) == true ? 0.45 : nil
        },
        .init(.deTaxID, #"(?<![\w\-.])[1-9]\d(?: ?\d{3}){3}(?![\w\-]|[ .\-/]?\d)"#, "German tax id") { value in
            Checksums.digits(value).map(Checksums.germanTaxID) == true ? 0.5 : nil
        },
        .init(.esNIF, #"(?<![\w\-])(?:\d{8}|[XYZxyz]\d{7})-?[A-Za-z](?![\w\-])"#, "Spanish NIF/NIE") { value in
            Checksums.spanishID(value) ? 0.8 : nil
        },
        .init(
            .itFiscalCode,
            #"(?<![\w])(?i:[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])(?![\w])"#,
            "Italian fiscal code"
        ) { value in Checksums.italianFiscalCode(value) ? 0.9 : nil },
        .init(.plPESEL, #"(?<![\w\-.])\d{11}(?![\w\-]|[ .\-/]?\d)"#, "Polish PESEL") { value in
            Checksums.digits(value).map(Checksums.pesel) == true ? 0.45 : nil
        },
        .init(.inAadhaar, #"(?<![\w\-.])[2-9]\d{3}[ \-]?\d{4}[ \-]?\d{4}(?![\w\-]|[ .\-/]?\d)"#, "Aadhaar number") { value in
            Checksums.digits(value).map(Checksums.verhoeff) == true ? 0.5 : nil
        },
        .init(.krRRN, #"(?<![\w\-.])\d{6}[ \-]?[1-8]\d{6}(?![\w\-]|[ .\-/]?\d)"#, "Korean resident registration number") {
            value in
            guard let digits = Checksums.digits(value), Checksums.koreanRRNShape(digits) else { return nil }
            // Numbers issued since October 2020 have no check digit: without one, only with a dash and context.
            return Checksums.koreanRRN(digits) ? 0.8 : (value.contains("-") ? 0.3 : nil)
        },
    ]

    private static let dateOrSSNShape = try! Pattern(#"^(?:\d{1,4}([/.\-])\d{1,2}\1\d{2,4}(?:$|\s)|\d{3}-\d{2}-\d{4}$)"#)

    /// Values that start with a date (`07/03/2025`, `2024-05-01 17`) or are SSN-shaped are not phone numbers.
    static func looksLikeDateOrSSN(_ value: Substring) -> Bool {
        (try? dateOrSSNShape.firstMatch(in: String(value))) != nil
    }

    /// US SSN: area not 000, 666 or 900–999; group not 00; serial not 0000; not a well-known sample.
    static func validSSN(_ value: Substring) -> Bool {
        guard let digits = Checksums.digits(value), digits.count == 9 else { return false }
        let area = digits[0] * 100 + digits[1] * 10 + digits[2]
        let group = digits[3] * 10 + digits[4]
        let serial = digits[5...].reduce(0) { $0 * 10 + $1 }
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        return digits.contains { $0 != digits[0] }  // 111-11-1111 style fillers
    }

    /// A card number: 13–19 digits, consistent grouping, a known issuer prefix and length, Luhn.
    static func validCard(_ value: Substring) -> Bool {
        guard let digits = Checksums.digits(value, allowing: [" ", "-"]), (13...19).contains(digits.count) else { return false }
        // The digits came out, so every other character is an ASCII space or hyphen.
        let separators = Set(value.utf8.filter { $0 &- 0x30 >= 10 })
        guard separators.count <= 1 else { return false }
        if let separator = separators.first {
            // Printed card numbers group as 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4; order numbers do not.
            let groups = value.utf8.split(separator: separator).map(\.count)
            let fours = groups.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(groups.last ?? 0)
            guard fours || groups == [4, 6, 5] || groups == [4, 6, 4] else { return false }
        }
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + $1 } }
        let length = digits.count
        let issuer: Bool
        switch digits[0] {
        case 4: issuer = [13, 16, 19].contains(length)  // Visa
        case 5: issuer = (51...55).contains(prefix(2)) && length == 16 || (50...59).contains(prefix(2)) && length >= 12  // Mastercard, Maestro
        case 2: issuer = (2221...2720).contains(prefix(4)) && length == 16  // Mastercard 2-series
        case 3:
            issuer = ([34, 37].contains(prefix(2)) && length == 15)  // Amex
                || ((3528...3589).contains(prefix(4)) && (16...19).contains(length))  // JCB
                || (((300...305).contains(prefix(3)) || [36, 38, 39].contains(prefix(2))) && (14...19).contains(length))  // Diners
        case 6:
            issuer = prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3))  // Discover
                || prefix(2) == 62 || (56...69).contains(prefix(2))  // UnionPay, Maestro
        default: issuer = false
        }
        return issuer && Checksums.luhn(digits) && Set(digits).count > 1
    }

    /// An IPv6 address: at most eight groups, at most one `::`, and eight groups without one.
    static func validIPv6(_ value: Substring) -> Bool {
        let doubleColons = value.components(separatedBy: "::").count - 1
        guard doubleColons <= 1 else { return false }
        let groups = value.split(separator: ":", omittingEmptySubsequences: true)
        guard groups.allSatisfy({ (1...4).contains($0.count) }) else { return false }
        // A compressed address needs at least two groups or a leading ::, so times like 10:30 are not addresses.
        if doubleColons == 1 { return groups.count <= 7 && (groups.count >= 2 || value.hasPrefix("::")) }
        return groups.count == 8
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
