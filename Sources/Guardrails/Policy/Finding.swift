// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Something a check found in the text: what kind of thing, and where.
///
/// A check never decides what happens to a finding; the rule that ran the check does (see ``Action``).
public struct Finding: Hashable, Sendable {
    /// Dotted category, e.g. `pii.email`. Its last component names redaction tags (`[EMAIL]`).
    public var category: String
    /// Where the thing is, in UTF-8 byte offsets into the evaluated text.
    public var span: Span
    /// Lower-case explanation without trailing period, e.g. `email address`. Optional.
    public var message: String?
    /// How sure the check is, from 0 to 1. Checks without a notion of confidence report 1.
    public var confidence: Double

    /// Creates a finding.
    public init(category: String, span: Span, message: String? = nil, confidence: Double = 1) {
        self.category = category
        self.span = span
        self.message = message
        self.confidence = confidence
    }
}

/// A finding as it appears in a ``Verdict``: attributed to the rule that reported it and the action taken.
public struct RuleFinding: Hashable, Sendable {
    /// The `id` of the rule whose check reported the finding.
    public var rule: String
    /// The action the rule took.
    public var action: Action
    /// Dotted category, e.g. `pii.email`.
    public var category: String
    /// Where, in UTF-8 byte offsets into the evaluated (original) text.
    public var span: Span
    /// The rule's `message` when it has one, otherwise the check's.
    public var message: String
    /// The check's confidence, from 0 to 1.
    public var confidence: Double

    /// Creates an attributed finding.
    public init(rule: String, action: Action, category: String, span: Span, message: String, confidence: Double = 1) {
        self.rule = rule
        self.action = action
        self.category = category
        self.span = span
        self.message = message
        self.confidence = confidence
    }
}
