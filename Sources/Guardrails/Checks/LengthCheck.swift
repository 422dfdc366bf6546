// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Reports text longer than a budget of estimated tokens, characters or bytes.
///
/// ```yaml
/// - id: max-length
///   check: length
///   max_tokens: 4000
///   action: block
/// ```
///
/// The finding's span runs from the first byte over the budget to the end of the text, so
/// `action: redact` truncates (the tail becomes one tag) and `annotate` shows where the budget ran out.
/// Tokens are estimated by ``TokenEstimator``; characters are user-perceived characters
/// (grapheme clusters); bytes are UTF-8 bytes. With several budgets, each one exceeded is a finding.
public struct LengthCheck: Check {
    public static let description = CheckDescription(
        id: "length",
        summary: "Limits text to a budget of estimated tokens, characters or UTF-8 bytes",
        options: [
            OptionDescription("max_tokens", .integer, summary: "most estimated tokens (see TokenEstimator)"),
            OptionDescription("max_chars", .integer, summary: "most characters (grapheme clusters)"),
            OptionDescription("max_bytes", .integer, summary: "most UTF-8 bytes"),
            OptionDescription("max_words", .integer, summary: "most words (runs of letters, digits and apostrophes)"),
        ],
        passingExamples: [
            CheckExample("short", options: ["max_chars": .integer(5)], isShiftable: false),
            CheckExample("👩‍👩‍👧‍👦é", options: ["max_chars": .integer(2)], isShiftable: false),
        ],
        failingExamples: [
            CheckExample("short⟦!⟧", options: ["max_chars": .integer(5)], isShiftable: false),
            CheckExample("한국⟦어⟧", options: ["max_bytes": .integer(7)], isShiftable: false),
            CheckExample("one two three ⟦four five⟧", options: ["max_tokens": .integer(3)], isShiftable: false),
            CheckExample("it's one, two — ⟦three⟧", options: ["max_words": .integer(3)], isShiftable: false),
        ]
    )

    /// Most estimated tokens, if limited.
    public let maxTokens: Int?
    /// Most grapheme clusters, if limited.
    public let maxCharacters: Int?
    /// Most UTF-8 bytes, if limited.
    public let maxBytes: Int?
    /// Most words, if limited.
    public let maxWords: Int?

    public init(options: CheckOptions) throws(CheckOptionsError) {
        func limit(_ key: String) throws(CheckOptionsError) -> Int? {
            guard let value = try options.integer(key) else { return nil }
            guard value >= 0 else { throw .invalid(key, "'\(key)' must be zero or more, found \(value)") }
            return value
        }
        maxTokens = try limit("max_tokens")
        maxCharacters = try limit("max_chars")
        maxBytes = try limit("max_bytes")
        maxWords = try limit("max_words")
        guard maxTokens != nil || maxCharacters != nil || maxBytes != nil || maxWords != nil else {
            throw .missing("max_tokens", "set at least one of max_tokens, max_chars, max_bytes, max_words")
        }
    }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        let text = subject.text
        let end = text.utf8.count
        var overflows: [(offset: Int, finding: Finding)] = []
        if let maxBytes, end > maxBytes {
            var start = maxBytes
            text.utf8.withContiguousStorageIfAvailable { start = UTF8Scalars.scalarStart(in: $0, atOrBefore: start) }
            overflows.append(overflow(from: start, to: end, kind: "bytes", count: end, limit: maxBytes))
        }
        if let maxCharacters, let start = Self.offsetAfter(characters: maxCharacters, in: text) {
            let count = text.count
            overflows.append(overflow(from: start, to: end, kind: "chars", count: count, limit: maxCharacters))
        }
        // The estimate never exceeds the byte count (see TokenEstimator), so a text of at most `maxTokens`
        // bytes is within budget without estimating it.
        if let maxTokens, end > maxTokens {
            let estimate = TokenEstimator.estimate(text, limit: maxTokens)
            if let start = estimate.overflowOffset {
                overflows.append(overflow(from: start, to: end, kind: "tokens", count: estimate.tokens, limit: maxTokens))
            }
        }
        if let maxWords {
            let (count, start) = Self.words(in: text, limit: maxWords)
            if let start { overflows.append(overflow(from: start, to: end, kind: "words", count: count, limit: maxWords)) }
        }
        findings.append(contentsOf: overflows.sorted { $0.offset < $1.offset }.map(\.finding))
    }

    private func overflow(from start: Int, to end: Int, kind: String, count: Int, limit: Int) -> (Int, Finding) {
        let noun = ["tokens": "estimated tokens", "chars": "characters", "bytes": "bytes", "words": "words"][kind] ?? kind
        let finding = Finding(
            category: "length.\(kind)", span: Span(start: start, end: end),
            message: "\(count) \(noun) over max_\(kind) \(limit)")
        return (start, finding)
    }

    /// The word count, and the UTF-8 offset where the first word past `limit` starts.
    static func words(in text: String, limit: Int) -> (count: Int, overflowOffset: Int?) {
        var count = 0
        var overflow: Int?
        var inWord = false
        var offset = 0
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (inWord && (scalar == "'" || scalar == "’"))
            if isWordScalar, !inWord {
                count += 1
                if count > limit, overflow == nil { overflow = offset }
            }
            inWord = isWordScalar
            offset += UTF8.width(scalar)
        }
        return (count, overflow)
    }

    /// UTF-8 offset of the character after the first `characters` characters, or `nil` if there are no more.
    private static func offsetAfter(characters: Int, in text: String) -> Int? {
        guard let index = text.index(text.startIndex, offsetBy: characters, limitedBy: text.endIndex),
            index < text.endIndex
        else { return nil }
        return text.utf8.distance(from: text.startIndex, to: index)
    }
}
