// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Fires when a required disclaimer is missing.
///
/// ```yaml
/// - id: needs-disclaimer
///   check: disclaimer
///   phrases: ["consult a healthcare professional", "this is not medical advice"]   # these are the defaults
///   only_if: [medical-content]     # rule ids or categories (prefixes) that must have fired earlier
///   action: block
/// ```
///
/// Phrases match case-insensitively, across line breaks and extra spaces, and in close variants: the
/// defaults also accept "consult your doctor", "talk to a healthcare provider", "seek medical advice",
/// "not a substitute for professional medical advice", and more. With `only_if`, the disclaimer is
/// required only when one of the named rules (or a finding whose category starts with a named
/// category) fired earlier in the same evaluation; otherwise the check passes. The finding is an empty
/// span at the end of the text (category `disclaimer_missing`).
public struct DisclaimerCheck: Check {
    public static let description = CheckDescription(
        id: "disclaimer",
        summary: "Fires when none of the required disclaimer phrases appears",
        options: [
            OptionDescription("phrases", .stringList, summary: "accepted disclaimers (default: medical ones)"),
            OptionDescription(
                "only_if", .stringList, summary: "require it only when one of these rules or categories fired earlier"),
        ],
        passingExamples: [
            CheckExample("Rest and fluids help. This is not medical advice."),
            CheckExample("Please consult your doctor before changing anything."),
            CheckExample("Consult a\nhealthcare   professional if it persists."),
        ],
        failingExamples: [
            CheckExample("Rest and fluids help.⟦⟧")
        ]
    )

    /// The default phrases: the two canonical ones plus close variants.
    public static let defaultPhrases = [
        "consult a healthcare professional", "this is not medical advice",
    ]

    private static let variants = #"(?:consult|see|talk\s+to|speak\s+(?:to|with)|check\s+with|ask|contact|visit)\s+(?:a|your|an?\s+qualified|with\s+a)?\s*(?:qualified\s+|licensed\s+)?(?:doctor|physician|gp|health\s*care\s+(?:professional|provider)|medical\s+professional|pharmacist|clinician|nurse|health\s+professional)|(?:this|that|it)\s+is\s+not\s+(?:a\s+substitute\s+for\s+)?(?:professional\s+)?medical\s+advice|not\s+(?:a\s+substitute\s+for|intended\s+as)\s+(?:professional\s+)?medical\s+advice|(?:seek|get)\s+(?:professional\s+|immediate\s+)?medical\s+(?:advice|attention|help|care)|for\s+informational\s+purposes\s+only"#

    /// What makes a disclaimer count.
    private let pattern: Pattern
    /// Rule ids or category prefixes that make the disclaimer required; empty: always required.
    public let onlyIf: [String]

    public init(options: CheckOptions) throws(CheckOptionsError) {
        let phrases = try options.strings("phrases")
        if let phrases, phrases.isEmpty { throw .invalid("phrases", "'phrases' needs at least one phrase") }
        var alternatives = (phrases ?? Self.defaultPhrases).map { phrase in
            phrase.split(whereSeparator: \.isWhitespace).map { Self.escape(String($0)) }.joined(separator: #"\s+"#)
        }
        if phrases == nil { alternatives.append(Self.variants) }
        do {
            pattern = try Pattern("(?:" + alternatives.joined(separator: "|") + ")", options: [.caseless, .ucp])
        } catch {
            throw .invalid("phrases", "\(error)")
        }
        onlyIf = try options.strings("only_if") ?? []
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { [pattern] }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        if !onlyIf.isEmpty {
            let required = onlyIf.contains { name in
                subject.triggeredRules.contains(name)
                    || subject.triggeredCategories.contains { $0 == name || $0.hasPrefix(name + ".") }
            }
            guard required else { return }
        }
        guard try pattern.firstMatch(in: subject.text, scratch: subject.scratch) == nil else { return }
        let end = subject.text.utf8.count
        findings.append(Finding(category: "disclaimer_missing", span: Span(start: end, end: end), message: "required disclaimer is missing"))
    }

    /// `text` with PCRE2 metacharacters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if #"\^$.|?*+()[]{}-/#"#.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
