// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The text a check looks at, with what it may need to know about the evaluation.
///
/// A subject lives for one evaluation and carries that evaluation's PCRE2 scratch memory, so it is
/// not `Sendable`: use it on the thread that received it.
public struct Subject {
    /// The text being evaluated. Spans refer to its UTF-8 bytes.
    public let text: String
    /// Which chain is running.
    public let direction: Direction
    /// Values the caller passed to `evaluate`, such as a canary token.
    public let context: [String: String]
    /// The ids of the rules earlier in the chain that reported findings, in chain order.
    public internal(set) var triggeredRules: [String] = []
    /// The categories of every finding reported by earlier rules, in order.
    public internal(set) var triggeredCategories: [String] = []

    let scratch: MatchScratch

    init(text: String, direction: Direction, context: [String: String], scratch: MatchScratch) {
        self.text = text
        self.direction = direction
        self.context = context
        self.scratch = scratch
    }

    /// Creates a subject to call a check directly, as a test does.
    public init(text: String, direction: Direction = .input, context: [String: String] = [:]) {
        var text = text
        text.makeContiguousUTF8()
        self.init(text: text, direction: direction, context: context, scratch: MatchScratch())
    }
}
