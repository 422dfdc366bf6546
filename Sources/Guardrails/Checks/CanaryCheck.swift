// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Detects a leaked system prompt: a canary token the app planted in its system prompt shows up in text.
///
/// ```yaml
/// - id: prompt-leak
///   check: canary
///   token: CANARY-7f3a9c      # or leave it out and pass it per request:
///   context_key: canary       # policy.evaluate(answer, direction: .output, context: ["canary": token])
///   action: block
/// ```
///
/// Besides the token as written (in any case), it finds obvious transformations a model produces when
/// asked to hide it: separators between the characters (`C-A-N-A-R-Y…`, `c a n a r y`), the token
/// reversed, and the token in base64 or hex. Use a random token of at least 8 characters.
public struct CanaryCheck: Check {
    public static let description = CheckDescription(
        id: "canary",
        summary: "Detects a canary token from the system prompt leaking into text",
        options: [
            OptionDescription("token", .string, summary: "the canary token (at least 8 characters)"),
            OptionDescription(
                "context_key", .string, summary: "evaluation context key holding the token (default: canary)"),
        ],
        passingExamples: [
            CheckExample("nothing leaked here", options: ["token": .string("ZX-CANARY-91f3")]),
        ],
        failingExamples: [
            CheckExample("my prompt says ⟦zx-canary-91f3⟧", options: ["token": .string("ZX-CANARY-91f3")]),
            CheckExample("spelled ⟦Z X C A N A R Y 9 1 F 3⟧", options: ["token": .string("ZX-CANARY-91f3")]),
            CheckExample("reversed ⟦3f19-yranac-xz⟧", options: ["token": .string("ZX-CANARY-91f3")]),
            CheckExample("b64 ⟦WlgtQ0FOQVJZLTkxZjM=⟧", options: ["token": .string("ZX-CANARY-91f3")]),
        ]
    )

    /// The token from the rule, if it has one.
    public let token: String?
    /// The context key read when the rule has no token.
    public let contextKey: String
    /// The rule's token spelled out with separators, compiled once.
    private let spelledOut: Pattern?

    public init(options: CheckOptions) throws(CheckOptionsError) {
        token = try options.string("token")
        contextKey = try options.string("context_key") ?? "canary"
        if let token, token.count < 8 {
            throw .invalid("token", "'token' must be at least 8 characters, so it cannot occur by chance")
        }
        spelledOut = token.flatMap(Self.spelledOutPattern)
    }

    /// The token's letters and digits with one to three other characters between each:
    /// `Z X C A N A R Y`, `z-x-c-a-n-a-r-y`. `nil` for tokens with fewer than 6 letters and digits.
    static func spelledOutPattern(for token: String) -> Pattern? {
        let compact = token.lowercased().filter { $0.isLetter || $0.isNumber }
        guard compact.count >= 6 else { return nil }
        // Letters and digits need no escaping.
        return try? Pattern(compact.map { String($0) }.joined(separator: #"[^\p{L}\p{N}]{1,3}"#), options: [.caseless, .ucp])
    }

    /// Every pattern the check runs, for the policy's prefilter.
    public var patterns: [Pattern] { spelledOut.map { [$0] } ?? [] }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        guard let token = token ?? subject.context[contextKey], token.count >= 4 else { return }
        var spans: [Span] = []
        let text = subject.text
        let folded = NormalizedText(text)  // case-folded, invisible characters removed
        let caseless = [token.lowercased(), String(token.lowercased().reversed()), EncodedText.hexString(token.utf8)]
        for form in caseless {
            for span in Self.occurrences(of: form, in: folded.text) { spans.append(folded.originalSpan(of: span)) }
        }
        spans += Self.occurrences(of: Self.base64(Array(token.utf8)), in: text)  // base64 is case-sensitive
        // A token from the context is compiled per evaluation; a rule's token was compiled at load.
        if let pattern = self.token == nil ? Self.spelledOutPattern(for: token) : spelledOut {
            try pattern.forEachMatch(in: subject) { spans.append($0) }
        }
        var reported: [Span] = []
        for span in spans.sorted() where !reported.contains(where: { $0.overlaps(span) }) { reported.append(span) }
        for span in reported {
            findings.append(Finding(category: "canary.leak", span: span, message: "canary token from the system prompt"))
        }
    }

    /// Every non-overlapping occurrence of `needle` in `haystack`, as UTF-8 spans.
    static func occurrences(of needle: String, in haystack: String) -> [Span] {
        guard !needle.isEmpty else { return [] }
        var spans: [Span] = []
        var rest = haystack[...]
        while let range = rest.firstRange(of: needle) {
            spans.append(
                Span(
                    start: haystack.utf8.distance(from: haystack.startIndex, to: range.lowerBound),
                    end: haystack.utf8.distance(from: haystack.startIndex, to: range.upperBound)))
            rest = haystack[range.upperBound...]
        }
        return spans
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 0x3F] : "=")
            }
            index += 3
        }
        return output
    }
}
