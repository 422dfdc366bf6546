// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The result of evaluating one text against one chain of a policy.
public struct Verdict: Sendable {
    /// The strongest action taken: `allow < annotate < redact < block`.
    public let decision: Decision
    /// The text to pass on: the input with redactions applied, or empty when blocked.
    public let text: String
    /// Every finding of every rule that ran, in rule order, then offset order within a rule.
    public let findings: [RuleFinding]
    /// One outcome per rule of the chain, in chain order, including rules that never ran.
    public let outcomes: [RuleOutcome]
    /// Which policy, in which version, decided.
    public let policy: PolicyIdentity
    /// The chain that ran.
    public let direction: Direction
    /// Wall-clock time the evaluation took.
    public let duration: Duration

    /// Creates a verdict. Evaluation creates verdicts; this is for tests and adapters.
    public init(
        decision: Decision,
        text: String,
        findings: [RuleFinding],
        outcomes: [RuleOutcome],
        policy: PolicyIdentity,
        direction: Direction,
        duration: Duration
    ) {
        self.decision = decision
        self.text = text
        self.findings = findings
        self.outcomes = outcomes
        self.policy = policy
        self.direction = direction
        self.duration = duration
    }

    /// Whether the text was refused.
    public var isBlocked: Bool { decision == .block }

    /// The first finding of a blocking rule, when the text was blocked.
    public var blockingFinding: RuleFinding? { findings.first { $0.action == .block } }

    /// The outcome of the rule with `id`, if the chain has it.
    public func outcome(ofRule id: String) -> RuleOutcome? { outcomes.first { $0.rule == id } }
}

/// What happened to one rule during an evaluation.
public struct RuleOutcome: Sendable, Hashable {
    /// The state a rule ended in.
    public enum Status: Sendable, Hashable {
        /// The check ran and reported this many findings (at least one).
        case triggered(findings: Int)
        /// The check ran and found nothing.
        case passed
        /// The check never ran because an earlier rule blocked.
        case notRun
        /// The check failed at run time (a match limit, say); `on_error` decided what followed.
        case faulted(message: String)
    }

    /// The rule's `id`.
    public let rule: String
    /// What happened.
    public let status: Status

    /// Creates an outcome.
    public init(rule: String, status: Status) {
        self.rule = rule
        self.status = status
    }

    /// Whether the rule's check ran (triggered, passed or faulted).
    public var didRun: Bool { status != .notRun }
}

extension RuleOutcome.Status: CustomStringConvertible {
    /// "triggered (2 findings)", "passed", "not run", "faulted: match limit exceeded ...".
    public var description: String {
        switch self {
        case .triggered(let count): "triggered (\(count) finding\(count == 1 ? "" : "s"))"
        case .passed: "passed"
        case .notRun: "not run"
        case .faulted(let message): "faulted: \(message)"
        }
    }
}
