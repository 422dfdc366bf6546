// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds credentials: cloud and SaaS API keys, tokens, private keys, password assignments, and
/// high-entropy strings next to key-like words.
///
/// ```yaml
/// - id: secrets
///   check: secrets
///   kinds: [aws_access_key, github_token, private_key]   # default: all
///   entropy_threshold: 3.5
///   action: block
/// ```
///
/// Vendor keys are matched by their documented prefixes and shapes (`AKIA…`, `ghp_…`, `glpat-…`, `xoxb-…`,
/// `sk_live_…`, `sk-proj-…`, `sk-ant-…`, `AIza…`). Generic assignments (`password = …`, `api_key: …`)
/// report the value when it is not a placeholder (`<token>`, `${VAR}`, `xxxx`, `changeme` is reported).
/// A token of 20 or more characters whose Shannon entropy is at least `entropy_threshold` bits per
/// character (default 3.5; random base64 scores about 5.5, English words about 3) is reported as
/// `secret.high_entropy` when a key-like word (key, token, secret, password, credential, auth, bearer)
/// is within 40 bytes before it.
public struct SecretsCheck: Check {
    /// Every kind; categories are `secret.<kind>`.
    public static let kinds = [
        "aws_access_key", "aws_secret_key", "github_token", "gitlab_token", "slack_token", "slack_webhook",
        "stripe_key", "openai_key", "anthropic_key", "google_api_key", "google_oauth_token", "jwt", "private_key",
        "password_assignment", "high_entropy",
    ]

    public static let description = CheckDescription(
        id: "secrets",
        summary: "Finds API keys, tokens, private keys and passwords",
        options: [
            OptionDescription("kinds", .stringList, summary: "kinds to find (default: all)"),
            OptionDescription(
                "entropy_threshold", .number, summary: "bits per character for high-entropy tokens (default 3.5)"),
        ],
        passingExamples: [
            CheckExample("AKIA alone is fine, and so is akiaabcdefghijklmnop"),
            CheckExample("password: <your password here>, api_key=${API_KEY}"),
            CheckExample("the token is configured in the settings page"),
        ],
        failingExamples: [
            CheckExample("key=⟦AKIAIOSFODNN7EXAMPLE⟧"),
            CheckExample("export GITHUB_TOKEN=⟦ghp_1234567890abcdefghijklmnopqrstuvwxyzAB⟧"),
            CheckExample("password = \"⟦hunter2!⟧\""),
            CheckExample("🔑 é ⟦sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH⟧"),
            CheckExample("Authorization: Bearer ⟦eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U⟧"),
        ]
    )

    private struct Detector: Sendable {
        let kind: String
        let pattern: Pattern
        let message: String
        let validate: @Sendable (Substring) -> Bool

        /// A detector as written, its pattern not yet compiled. A struct, not a tuple: an array of tuples
        /// holds its closures reabstracted, and each detector would call its check through a thunk.
        struct Definition {
            let kind: String
            let source: String
            let message: String
            let validate: @Sendable (Substring) -> Bool
        }
    }

    /// The kinds this rule finds.
    public let enabledKinds: [String]
    /// Bits per character a token needs to count as high-entropy.
    public let entropyThreshold: Double
    private let detectors: [Detector]

    public init(options: CheckOptions) throws(CheckOptionsError) {
        let kinds = try options.choices("kinds", among: Self.kinds) ?? Self.kinds
        self.enabledKinds = kinds
        self.entropyThreshold = try options.number("entropy_threshold") ?? 3.5
        let threshold = entropyThreshold
        self.detectors = Self.makeDetectors(entropyThreshold: threshold, replica: options.replica)
            .filter { kinds.contains($0.kind) }
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { detectors.map(\.pattern) }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        var validating = Validating(text: subject.text, detectors: detectors)
        for index in detectors.indices {
            try detectors[index].pattern.forEachMatch(in: subject) { validating.consider($0, from: index) }
        }
        let candidates = validating.candidates
        // Vendor kinds come first in `detectors`, so where spans overlap the specific kind wins.
        var kept: [Finding] = []
        for candidate in candidates where !kept.contains(where: { $0.span.overlaps(candidate.span) }) {
            kept.append(candidate)
        }
        findings.append(contentsOf: kept.sorted { $0.span < $1.span })
    }

    /// Validates one evaluation's matches into candidates.
    ///
    /// The closure of each detector's scan captures it as a variable, which is passed by address: when it
    /// captured these values as constants, each was retained and released for every detector and text.
    private struct Validating {
        let text: String
        let detectors: [Detector]
        var candidates: [Finding] = []

        /// Adds the match at `span` of detector `index` when its validator accepts it.
        mutating func consider(_ span: Span, from index: Int) {
            let detector = detectors[index]
            guard detector.validate(span.text(in: text)) else { return }
            candidates.append(Finding(category: "secret.\(detector.kind)", span: span, message: detector.message))
        }
    }

    /// The detectors' patterns by replica, in the order of their definitions, compiled once per process and
    /// replica: each rule builds its detectors (the entropy threshold is the rule's), and compiling the
    /// patterns again for a policy's second secrets rule was a millisecond of its first load. The sources do
    /// not depend on the threshold, which only the validators read.
    private static let compiledPatterns = PerReplica {
        BuiltInPatterns.compile(definitions(entropyThreshold: 0).map(\.source))
    }

    private static func makeDetectors(entropyThreshold: Double, replica: Int) -> [Detector] {
        zip(definitions(entropyThreshold: entropyThreshold), compiledPatterns(replica)).map { definition, pattern in
            Detector(
                kind: definition.kind, pattern: pattern, message: definition.message, validate: definition.validate)
        }
    }

    /// The detectors as written, their validators reading `entropyThreshold`.
    private static func definitions(entropyThreshold: Double) -> [Detector.Definition] {
        func detector(_ kind: String, _ pattern: String, _ message: String, validate: @escaping @Sendable (Substring) -> Bool = { _ in true })
            -> Detector.Definition
        {
            Detector.Definition(kind: kind, source: pattern, message: message, validate: validate)
        }
        return [
            detector(
                "private_key",
                #"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s]*)"#,
                "private key"),
            detector("aws_access_key", #"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}(?![A-Z0-9])"#, "AWS access key id"),
            detector(
                "aws_secret_key",
                #"(?i)aws.{0,24}?(?:secret|private)?.{0,16}?(?:key|secret)["']?\s*[:=]\s*["']?\K(?-i:[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"#,
                "AWS secret access key"),
            detector("github_token", #"(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})(?![\w])"#, "GitHub token"),
            detector("gitlab_token", #"(?<![\w-])(?:glpat|gldt|glrt|glptt|glcbt|glft|glsoat)-[A-Za-z0-9_\-]{20,}(?![\w-])"#, "GitLab token"),
            detector("slack_token", #"(?<![\w-])xox[abposr]-(?:\d+-)?[A-Za-z0-9-]{10,}(?![\w-])"#, "Slack token"),
            detector("slack_webhook", #"https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]{16,}"#, "Slack webhook URL"),
            detector("stripe_key", #"(?<![\w])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}(?![\w])"#, "Stripe secret key"),
            detector("anthropic_key", #"(?<![\w-])sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_\-]{32,}(?![\w-])"#, "Anthropic API key"),
            detector(
                "openai_key",
                #"(?<![\w-])sk-(?:proj-|svcacct-|admin-|None-)?(?!ant-)[A-Za-z0-9_\-]{20,}(?![\w-])"#, "OpenAI API key"
            ) { value in
                // Either the T3BlbkFJ marker of OpenAI keys, or a long key that mixes cases and digits.
                value.contains("T3BlbkFJ") || (value.count >= 40 && value.contains(where: \.isNumber)
                    && value.contains(where: \.isUppercase) && value.contains(where: \.isLowercase))
            },
            detector("google_api_key", #"(?<![\w-])AIza[0-9A-Za-z_\-]{35}(?![\w-])"#, "Google API key"),
            detector("google_oauth_token", #"(?<![\w-])ya29\.[0-9A-Za-z_\-]{20,}(?![\w-])"#, "Google OAuth access token"),
            detector("jwt", #"(?<![\w-])eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}(?![\w-])"#, "JSON web token"),
            detector(
                "password_assignment",
                #"(?i)(?<![A-Za-z0-9])(?:password|passwd|passphrase|pwd|pass|secret|client[_\-]?secret|api[_\-]?key|apikey|access[_\-]?key|secret[_\-]?key|access[_\-]?token|auth[_\-]?token|private[_\-]?key|token|credentials?)["']?\s*(?:=|:=|:|=>)\s*["'`]?\K[^\s"'`,;]{4,}"#,
                "password or key in an assignment", validate: isRealValue),
            detector(
                "high_entropy",
                #"(?i)(?:key|token|secret|password|passwd|credential|auth|bearer|api|signature|sig)[^\n]{0,40}?(?<![A-Za-z0-9+/_\-])\K(?-i:[A-Za-z0-9+/_\-]{20,}={0,2})(?![A-Za-z0-9+/_\-])"#,
                "high-entropy token near a key-like word"
            ) { value in
                let shape = CharacterTally(value)
                let mixesClasses = shape.numbers > 0 && shape.letters > 0
                    || shape.count >= 24 && shape.uppercase > 0 && shape.lowercase > 0
                return mixesClasses && Checksums.entropy(value) >= entropyThreshold
            },
        ]
    }

    /// Values that start with one of these, or contain one of three characters or more, are placeholders.
    private static let placeholders: [(bytes: [UInt8], anywhere: Bool)] = [
        "<", "{", "$", "%", "xxx", "***", "...", "your", "example", "placeholder", "redacted", "null", "none",
        "true", "false", "required", "optional", "string", "process.env", "os.environ", "env[", "getenv",
        "secrets.", "undefined", "todo", "here", "hidden", "masked", "[redacted]", "••",
    ].map { (Array($0.utf8), $0.count >= 3) }

    /// A real value, not a placeholder, a variable reference or a word.
    static func isRealValue(_ value: Substring) -> Bool {
        // Placeholders are compared byte by byte with ASCII case folded: they are ASCII (but for "••", which
        // has no case), and a value is a few dozen bytes, so this is far cheaper than String search.
        let lower = value.utf8.map(UTF8Scalars.lowercased)
        guard !placeholders.contains(where: { lower.starts(with: $0.bytes) || $0.anywhere && lower.holds($0.bytes) })
        else { return false }
        let shape = CharacterTally(value)
        guard shape.count >= 6 else { return false }
        // A bare word ("password: required", "token: Expired") is prose, not a credential.
        let hasDigitOrSymbol = shape.letters < shape.count
        let isMixedCase = shape.uppercase >= 2 && shape.lowercase >= 2
        return hasDigitOrSymbol || isMixedCase || shape.count >= 10 && Checksums.entropy(value) >= 3.0
    }
}

/// How many characters of a value are letters, numbers, upper case and lower case, in one pass: byte by byte
/// for ASCII, where `Character`'s properties cost a Unicode lookup each (`isUppercase` alone was most of
/// what validating an assignment cost), and by `Character` otherwise.
private struct CharacterTally {
    private(set) var count = 0
    private(set) var letters = 0
    private(set) var numbers = 0
    private(set) var uppercase = 0
    private(set) var lowercase = 0

    init(_ value: Substring) {
        if value.hasOneCharacterPerByte {
            count = value.utf8.count
            for byte in value.utf8 {
                let isUpper = byte &- 0x41 < 26
                let isLower = byte &- 0x61 < 26
                uppercase += isUpper ? 1 : 0
                lowercase += isLower ? 1 : 0
                letters += isUpper || isLower ? 1 : 0
                numbers += byte &- 0x30 < 10 ? 1 : 0
            }
            return
        }
        for character in value {
            count += 1
            letters += character.isLetter ? 1 : 0
            numbers += character.isNumber ? 1 : 0
            uppercase += character.isUppercase ? 1 : 0
            lowercase += character.isLowercase ? 1 : 0
        }
    }
}

extension [UInt8] {
    /// Whether `needle` occurs in these bytes: a plain loop, where the generic `contains(_:)` of collections
    /// costs more than the few dozen bytes of a value take to search.
    fileprivate func holds(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
