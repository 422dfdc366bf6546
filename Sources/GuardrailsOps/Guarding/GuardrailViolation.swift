// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

/// A policy blocked a guarded call: its input before the model saw it, or its output before the
/// caller did.
///
/// The error carries the findings (rule, category, message and span) but never the blocked text, so
/// logging the error cannot leak what the policy stopped.
public struct GuardrailViolation: Error, Sendable, CustomStringConvertible {
    /// Which chain blocked.
    public let direction: Direction
    /// Every finding of the blocking evaluation.
    public let findings: [RuleFinding]
    /// The policy that blocked.
    public let policy: PolicyIdentity

    /// The rule that blocked: the first finding whose action is `block`.
    public var blockingRule: RuleFinding? { findings.first { $0.action == .block } }

    /// "input blocked by rule 'prompt-injection' (injection.override): Prompt injection detected."
    public var description: String {
        let what = direction == .input ? "input" : "output"
        guard let rule = blockingRule else { return "\(what) blocked by policy \(policy.name)" }
        return "\(what) blocked by rule '\(rule.rule)' (\(rule.category)): \(rule.message)"
    }
}
