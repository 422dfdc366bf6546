// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds matches of regular expressions listed in the rule.
///
/// ```yaml
/// - id: codenames
///   check: pattern
///   patterns: ['project\s+(?:falcon|osprey)']
///   flags: [caseless]
///   category: confidential
///   action: annotate
/// ```
///
/// Patterns use PCRE2 syntax and compile once, at load. Each non-overlapping match of each pattern is
/// one finding; findings come in pattern order, then offset order.
public struct PatternCheck: Check {
    /// Flags a rule may list under `flags:`.
    static let flagOptions: [String: Pattern.Options] = [
        "caseless": .caseless, "multiline": .multiline, "dotall": .dotAll, "ucp": .ucp,
    ]

    public static let description = CheckDescription(
        id: "pattern",
        summary: "Matches regular expressions listed in the rule",
        options: [
            OptionDescription("patterns", .stringList, required: true, summary: "PCRE2 regular expressions"),
            OptionDescription(
                "flags", .stringList, summary: "any of caseless, multiline, dotall, ucp; applies to every pattern"),
            OptionDescription("category", .string, summary: "category of the findings; defaults to the rule id"),
        ],
        passingExamples: [
            CheckExample("no codename here", options: ["patterns": .list([.string(#"project\s+falcon"#)])]),
        ],
        failingExamples: [
            CheckExample(
                "ship ⟦Project  Falcon⟧ then ⟦project falcon⟧",
                options: ["patterns": .list([.string(#"project\s+falcon"#)]), "flags": .list([.string("caseless")])]),
            CheckExample(
                "한국어 ⟦project falcon⟧ 👩‍💻", options: ["patterns": .list([.string(#"project\s+falcon"#)])]),
        ]
    )

    /// The compiled patterns, in rule order.
    public let patterns: [Pattern]
    /// The category of every finding.
    public let category: String

    public init(options: CheckOptions) throws(CheckOptionsError) {
        guard let sources = try options.strings("patterns"), !sources.isEmpty else {
            throw .missing("patterns", "list at least one regular expression")
        }
        var flags: Pattern.Options = []
        for (index, name) in (try options.strings("flags") ?? []).enumerated() {
            guard let flag = Self.flagOptions[name] else {
                let known = Self.flagOptions.keys.sorted().joined(separator: ", ")
                throw .invalid("flags", index: index, "unknown flag '\(name)'; use one of \(known)")
            }
            flags.insert(flag)
        }
        var patterns: [Pattern] = []
        for (index, source) in sources.enumerated() {
            do {
                patterns.append(try Pattern(source, options: flags, limits: options.matchLimits))
            } catch {
                throw CheckOptionsError(
                    kind: .invalidPattern, key: "patterns", index: index, utf8OffsetInValue: error.utf8Offset,
                    message: "invalid regex: \(error.message) (at offset \(error.utf8Offset) in the pattern)")
            }
        }
        self.patterns = patterns
        self.category = try options.string("category") ?? options.ruleID
    }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        for pattern in patterns {
            try pattern.forEachMatch(in: subject) { span in
                findings.append(Finding(category: category, span: span))
            }
        }
    }
}
