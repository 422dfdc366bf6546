// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

/// Blocks (or annotates) requests once a spending budget is used up.
///
/// ```yaml
/// - id: budget-spent
///   check: budget
///   threshold: 1.0        # fraction of the budget; 0.9 acts a little before the limit
///   action: block
///   message: The monthly AI budget is spent.
/// ```
///
/// The check reads how much of the most-used budget a request falls under is taken, from the evaluation
/// context: ``GuardedModel`` fills it from its ``CostTracker`` (``CostTracker/budgetContext(user:model:)``),
/// and other callers can pass `budget_used` (a fraction, `"0.93"`) and `budget_name` themselves. Without
/// them the check finds nothing. Settled spending and running calls' reservations both count.
public struct BudgetCheck: Check {
    /// The context key holding the used fraction of the most-used budget.
    public static let usedKey = "budget_used"
    /// The context key holding that budget's name.
    public static let nameKey = "budget_name"

    public static let description = CheckDescription(
        id: "budget",
        summary: "Finds requests made once a spending budget is used up (reads the cost tracker's context)",
        options: [
            OptionDescription(
                "threshold", .number, summary: "fraction of the budget at which the check fires (default 1.0)"),
        ],
        passingExamples: [CheckExample("no budget in the context", options: [:], isShiftable: false)],
        failingExamples: []
    )

    /// The fraction of a budget at which the check fires.
    public let threshold: Double

    public init(options: CheckOptions) throws(CheckOptionsError) {
        threshold = try options.number("threshold") ?? 1
        guard threshold > 0 else { throw .invalid("threshold", "'threshold' must be above 0, found \(threshold)") }
    }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        guard let used = subject.context[Self.usedKey].flatMap(Double.init), used >= threshold else { return }
        let name = subject.context[Self.nameKey] ?? "the budget"
        findings.append(Finding(
            category: "budget.exhausted", span: Span(start: 0, end: subject.text.utf8.count),
            message: "\(name) is \(Int((used * 100).rounded()))% used (threshold \(Int((threshold * 100).rounded()))%)"))
    }
}
