// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Detection logic that a rule runs: given a text, it reports findings.
///
/// A check never decides what happens to what it finds; the rule that runs it does. Checks are
/// value types built once, at policy load, from their rule's options.
///
/// ## Implementation requirements
///
/// - `evaluate` is pure and deterministic: the same subject gives the same findings.
/// - No shared mutable state: one check value is called from many tasks at once.
/// - Findings are in offset order and their spans are UTF-8 byte offsets into `subject.text`.
/// - A failure at run time (a ``MatchFault``, say) is thrown, never swallowed: the policy's
///   `on_error` setting decides what it means. Findings appended before the throw still count.
/// - Validate options in `init` and throw ``CheckOptionsError`` naming the option, so the loader can
///   point at the right line of the rule file.
///
/// See <doc:WritingACheck> for a complete example.
public protocol Check: Sendable {
    /// Identity, options and examples. Drives rule-file validation, docs and tests.
    static var description: CheckDescription { get }

    /// Builds the check from a rule's options. Invalid options throw.
    init(options: CheckOptions) throws(CheckOptionsError)

    /// Every pattern `evaluate` may run. The policy compiles their ``LiteralAnchors`` into one prefilter
    /// pass per text, so a pattern whose anchors are absent from a text is skipped. Patterns left out of
    /// this list still run, on every text. Defaults to none.
    var patterns: [Pattern] { get }

    /// Appends what the check finds in `subject` to `findings`.
    ///
    /// - Throws: Any error, to report a runtime fault; the policy's `on_error` setting decides the outcome.
    func evaluate(_ subject: Subject, into findings: inout [Finding]) throws
}

extension Check {
    /// No patterns: the check does not use ``Pattern``.
    public var patterns: [Pattern] { [] }
}
