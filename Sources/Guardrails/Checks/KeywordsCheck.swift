// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds banned words and phrases: competitor names, off-limits topics, internal code names.
///
/// ```yaml
/// - id: competitors
///   check: keywords
///   words: [Acme Corp, Globex]
///   words_file: competitors.txt   # one per line, next to the rule file; # starts a comment
///   category: competitor
///   action: annotate
/// ```
///
/// Matching is whole-word (a letter, digit or underscore next to the match means no match, in any
/// script), case-insensitive unless `case_sensitive: true`, and Unicode-aware (`ÜNÏCODE` matches
/// `ünïcode`; case folding is one-to-one, so `straße` does not match `STRASSE`). Spaces in a phrase
/// match any run of whitespace. For scripts written without spaces, where particles attach to
/// words (Korean, Japanese), use `whole_word: false`.
public struct KeywordsCheck: Check {
    public static let description = CheckDescription(
        id: "keywords",
        summary: "Finds banned words and phrases, whole-word and case-insensitive",
        options: [
            OptionDescription("words", .stringList, summary: "words and phrases"),
            OptionDescription("words_file", .linesFile, summary: "a file of words, one per line, next to the rule file"),
            OptionDescription("category", .string, summary: "category of the findings (default: keyword)"),
            OptionDescription("case_sensitive", .boolean, summary: "match case exactly (default: false)"),
            OptionDescription("whole_word", .boolean, summary: "require word boundaries (default: true)"),
        ],
        passingExamples: [
            CheckExample("the globexian empire", options: ["words": .list([.string("Globex")])]),
        ],
        failingExamples: [
            CheckExample(
                "try ⟦globex⟧ or ⟦ACME  corp⟧!", options: ["words": .list([.string("Globex"), .string("Acme Corp")])]),
            CheckExample("⟦Ünïcode⟧ works", options: ["words": .list([.string("ÜNÏCODE")])]),
        ]
    )

    /// The category of every finding.
    public let category: String
    private let pattern: Pattern

    public init(options: CheckOptions) throws(CheckOptionsError) {
        let words = (try options.strings("words") ?? []) + (try options.strings("words_file") ?? [])
        let cleaned = words.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { throw .missing("words", "list at least one word in 'words' or 'words_file'") }
        category = try options.string("category") ?? "keyword"
        let wholeWord = try options.boolean("whole_word") ?? true
        // Longest first, so "acme corp" wins over "acme".
        let alternatives = cleaned.sorted { $0.count > $1.count }.map { word in
            word.split(whereSeparator: \.isWhitespace).map { DisclaimerCheck.escape(String($0)) }.joined(separator: #"\s+"#)
        }
        let body = "(?:" + alternatives.joined(separator: "|") + ")"
        let source = wholeWord ? #"(?<![\p{L}\p{N}_])"# + body + #"(?![\p{L}\p{N}_])"# : body
        var flags: Pattern.Options = [.ucp]
        if try options.boolean("case_sensitive") != true { flags.insert(.caseless) }
        do {
            pattern = try Pattern(source, options: flags, limits: options.matchLimits)
        } catch {
            throw .invalid("words", "the word list does not compile: \(error)")
        }
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { [pattern] }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        try pattern.forEachMatch(in: subject) { span in
            findings.append(Finding(category: category, span: span, message: "banned word"))
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
