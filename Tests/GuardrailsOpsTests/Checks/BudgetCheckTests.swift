// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsOps
import Testing

struct BudgetCheckTests {
    static let policyYAML = """
        policy: budgets
        input:
          - id: budget-warning
            check: budget
            threshold: 0.8
            action: annotate
          - id: budget-spent
            check: budget
            action: block
            message: The AI budget is spent.
        """

    let policy = try! PolicyLoader(registry: .operations).load(yaml: Self.policyYAML)

    @Test func blocksOnceTheTrackersBudgetIsSpentAndAnnotatesBefore() throws {
        let tracker = try CostTracker(budgets: [Budget(.eachUser, .daily, limit: 1)], store: InMemoryCostStore())
        try tracker.record(usage: TokenUsage(output: 50_000), model: "gpt-4o", user: "u-1")  // $0.50
        #expect(try policy.evaluate("hi", context: tracker.budgetContext(user: "u-1", model: "gpt-4o")).decision == .allow)

        try tracker.record(usage: TokenUsage(output: 40_000), model: "gpt-4o", user: "u-1")  // $0.90
        let warned = try policy.evaluate("hi", context: tracker.budgetContext(user: "u-1", model: "gpt-4o"))
        #expect(warned.decision == .annotate)
        #expect(warned.findings.map(\.rule) == ["budget-warning"])
        #expect(warned.findings.first?.message == "daily budget for each user (user u-1) is 90% used (threshold 80%)")

        try tracker.record(usage: TokenUsage(output: 10_000), model: "gpt-4o", user: "u-1")  // $1.00
        let blocked = try policy.evaluate("hi", context: tracker.budgetContext(user: "u-1", model: "gpt-4o"))
        #expect(blocked.decision == .block)
        #expect(blocked.findings.map(\.rule) == ["budget-warning", "budget-spent"])
        #expect(blocked.findings.last?.message == "The AI budget is spent.")
        // Another user is not affected.
        #expect(try policy.evaluate("hi", context: tracker.budgetContext(user: "u-2", model: "gpt-4o")).decision == .allow)
    }

    @Test func reservationsOfRunningCallsCount() throws {
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: 1)], store: InMemoryCostStore())
        _ = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: TokenUsage(output: 100_000))
        #expect(tracker.budgetContext(user: nil, model: "gpt-4o")[BudgetCheck.usedKey] == "1")
    }

    @Test func findsNothingWithoutBudgetContext() throws {
        #expect(try policy.evaluate("hi").decision == .allow)
    }

    @Test func rejectsAThresholdOfZero() {
        #expect(throws: PolicyLoadError.self) {
            try PolicyLoader(registry: .operations).load(yaml: "policy: p\ninput:\n  - id: b\n    check: budget\n    threshold: 0\n    action: block\n")
        }
    }
}
