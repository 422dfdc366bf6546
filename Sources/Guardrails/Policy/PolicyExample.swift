// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// An example written in a rule file's `examples:` list: a text and the verdict the policy must reach.
///
/// ```yaml
/// examples:
///   - text: My email is jane@corp.com
///     direction: input          # default input
///     expect: redact            # allow | annotate | redact | block
///     rule: pii-in-prompt       # optional: a rule that must trigger (for block: the rule that blocked)
///     output: My email is [EMAIL]   # optional: the exact output text
///   - text: "word "
///     repeat: 4001              # optional: the text repeated, for length limits
///     expect: block
/// ```
public struct PolicyExample: Sendable, Hashable {
    /// The text to evaluate.
    public let text: String
    /// The chain to run.
    public let direction: Direction
    /// The decision the policy must reach.
    public let expect: Decision
    /// A rule that must trigger; for `block`, the rule that blocked.
    public let rule: String?
    /// The exact output text, when given.
    public let output: String?
    /// A known gap: reported, not failed.
    public let isTodo: Bool
    /// Values for the evaluation context.
    public let context: [String: String]
    /// Where the example is written.
    public let location: PolicyLocation?

    /// Creates an example.
    public init(
        text: String,
        direction: Direction = .input,
        expect: Decision,
        rule: String? = nil,
        output: String? = nil,
        isTodo: Bool = false,
        context: [String: String] = [:],
        location: PolicyLocation? = nil
    ) {
        self.text = text
        self.direction = direction
        self.expect = expect
        self.rule = rule
        self.output = output
        self.isTodo = isTodo
        self.context = context
        self.location = location
    }
}

/// How a ``PolicyExample`` fared against its policy.
public struct ExampleResult: Sendable {
    /// The example.
    public let example: PolicyExample
    /// The verdict, or the error that prevented one.
    public let verdict: Result<Verdict, EvaluationError>
    /// What did not match, one sentence each, e.g. "expected block, got redact". Empty when it passed.
    public let mismatches: [String]

    /// Whether the verdict matched every expectation.
    public var passed: Bool { mismatches.isEmpty }
}

extension Policy {
    /// Evaluates `example` and compares the verdict with what it expects.
    public func verify(_ example: PolicyExample) -> ExampleResult {
        let verdict: Verdict
        do {
            verdict = try evaluate(example.text, direction: example.direction, context: example.context)
        } catch {
            return ExampleResult(example: example, verdict: .failure(error), mismatches: ["evaluation failed: \(error)"])
        }
        var mismatches: [String] = []
        if verdict.decision != example.expect {
            let reasons = verdict.findings.map { "\($0.rule) (\($0.category), \($0.action.rawValue))" }
            let because = reasons.isEmpty ? "no rule triggered" : "triggered: " + reasons.joined(separator: ", ")
            mismatches.append("expected \(example.expect.rawValue), got \(verdict.decision.rawValue); \(because)")
        }
        if let rule = example.rule {
            if example.expect == .block, verdict.isBlocked {
                let blocker = verdict.blockingFinding?.rule ?? "nothing"
                if blocker != rule { mismatches.append("expected rule '\(rule)' to block, but '\(blocker)' did") }
            } else if !verdict.findings.contains(where: { $0.rule == rule }) {
                let status = verdict.outcome(ofRule: rule).map { "\($0.status)" } ?? "not in the chain"
                mismatches.append("expected rule '\(rule)' to trigger; it \(status)")
            }
        }
        if let output = example.output, verdict.text != output {
            mismatches.append("expected output \"\(output)\", got \"\(verdict.text)\"")
        }
        return ExampleResult(example: example, verdict: .success(verdict), mismatches: mismatches)
    }
}
