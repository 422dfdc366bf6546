// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsOps
import Synchronization
import Testing

struct CostTrackerTests {
    /// gpt-4o output at $10 per million: 10,000 tokens cost exactly $0.10.
    static let tenCents = TokenUsage(output: 10_000)

    @Test func fiftyConcurrentFirstRequestsCannotOverrunABudget() async throws {
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: 1)], store: InMemoryCostStore())
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    do {
                        let reservation = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
                        try await Task.sleep(for: .milliseconds(10))  // the call runs while others reserve
                        try tracker.settle(reservation, usage: Self.tenCents)
                        return true
                    } catch is BudgetExceededError {
                        return false
                    } catch {
                        Issue.record("unexpected \(error)")
                        return false
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 10)
        #expect(tracker.report().total == 1)
    }

    @Test func spendingExactlyTheLimitIsAllowedAndOneTokenMoreIsNot() throws {
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: Decimal(string: "0.10")!)], store: InMemoryCostStore())
        let reservation = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
        try tracker.settle(reservation, usage: Self.tenCents)
        #expect(try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: TokenUsage()).estimate == 0)
        let error = #expect(throws: BudgetExceededError.self) {
            try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: TokenUsage(output: 1))
        }
        #expect(error?.description == "daily budget for total: 0.1 spent + 0 reserved + 0.00001 estimated exceeds the limit 0.1")
    }

    @Test func aReleasedReservationFreesTheBudget() throws {
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: Decimal(string: "0.10")!)], store: InMemoryCostStore())
        let first = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
        #expect(throws: BudgetExceededError.self) {
            try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
        }
        tracker.release(first)
        _ = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
    }

    @Test func theRealCostIsRecordedEvenAboveTheEstimate() throws {
        let tracker = try CostTracker(store: InMemoryCostStore())
        let reservation = try tracker.reserve(model: "gpt-4o", user: "u-1", estimatedUsage: TokenUsage(output: 10))
        let cost = try tracker.settle(reservation, usage: Self.tenCents, model: "gpt-4o-2024-08-06")
        #expect(cost == Decimal(string: "0.1"))
        let report = tracker.report()
        #expect(report.byModel == ["gpt-4o-2024-08-06": Decimal(string: "0.1")!])
        #expect(report.byUser == ["u-1": Decimal(string: "0.1")!])
        #expect(report.tokens == Self.tenCents)
    }

    @Test func eachUserHasTheirOwnBudget() throws {
        let tracker = try CostTracker(budgets: [Budget(.eachUser, .daily, limit: Decimal(string: "0.10")!)], store: InMemoryCostStore())
        try tracker.settle(try tracker.reserve(model: "gpt-4o", user: "alice", estimatedUsage: Self.tenCents), usage: Self.tenCents)
        let error = #expect(throws: BudgetExceededError.self) {
            try tracker.reserve(model: "gpt-4o", user: "alice", estimatedUsage: Self.tenCents)
        }
        #expect(error?.user == "alice")
        _ = try tracker.reserve(model: "gpt-4o", user: "bob", estimatedUsage: Self.tenCents)
        // Calls without a user do not fall under per-user budgets.
        _ = try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
    }

    @Test func aModelBudgetCountsItsSnapshotsAndNoOtherModel() throws {
        let tracker = try CostTracker(budgets: [Budget(.model("gpt-4o"), .daily, limit: Decimal(string: "0.10")!)], store: InMemoryCostStore())
        try tracker.record(usage: Self.tenCents, model: "gpt-4o-2024-08-06", user: nil)
        #expect(throws: BudgetExceededError.self) {
            try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: TokenUsage(output: 1))
        }
        _ = try tracker.reserve(model: "gpt-4o-mini", user: nil, estimatedUsage: Self.tenCents)
    }

    @Test func alertsFireOncePerThresholdAndPeriod() throws {
        let alerts = Mutex<[String]>([])
        let clock = ManualClock("2026-11-25T09:00:00Z")
        let tracker = try CostTracker(
            budgets: [Budget(.total, .daily, limit: Decimal(string: "0.25")!, alertAt: [0.8, 1.0])], store: InMemoryCostStore(), now: clock.closure,
            onAlert: { alert in alerts.withLock { $0.append("\(alert.period) \(alert.threshold) \(alert.spent)") } })
        try tracker.record(usage: Self.tenCents, model: "gpt-4o", user: nil)  // 40%
        try tracker.record(usage: Self.tenCents, model: "gpt-4o", user: nil)  // 80%
        try tracker.record(usage: TokenUsage(output: 5_000), model: "gpt-4o", user: nil)  // 100%
        try tracker.record(usage: TokenUsage(output: 5_000), model: "gpt-4o", user: nil)  // 120%, nothing new
        clock.advance(by: 86_400)
        try tracker.record(usage: TokenUsage(output: 25_000), model: "gpt-4o", user: nil)  // next day: both again
        #expect(alerts.withLock { $0 } == [
            "2026-11-25 0.8 0.2", "2026-11-25 1.0 0.25", "2026-11-26 0.8 0.25", "2026-11-26 1.0 0.25",
        ])
    }

    @Test func dailyBudgetsResetAtMidnightAndMonthlyOnesDoNot() throws {
        let clock = ManualClock("2026-11-25T23:00:00Z")
        let tracker = try CostTracker(
            budgets: [Budget(.total, .daily, limit: Decimal(string: "0.15")!), Budget(.total, .monthly, limit: Decimal(string: "0.20")!)], store: InMemoryCostStore(),
            now: clock.closure)
        try tracker.record(usage: Self.tenCents, model: "gpt-4o", user: nil)
        #expect(throws: BudgetExceededError.self) { try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents) }
        clock.advance(by: 3_600)
        try tracker.settle(try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents), usage: Self.tenCents)
        let error = #expect(throws: BudgetExceededError.self) {
            try tracker.reserve(model: "gpt-4o", user: nil, estimatedUsage: TokenUsage(output: 1))
        }
        #expect(error?.budget.period == .monthly)
    }

    @Test func projectsTheMonthFromTheSpendingRateSoFar() throws {
        let clock = ManualClock("2026-11-11T00:00:00Z")  // 10 of November's 30 days have passed
        let tracker = try CostTracker(store: InMemoryCostStore(), now: clock.closure)
        try tracker.record(usage: TokenUsage(output: 1_000_000), model: "gpt-4o", user: nil)  // $10
        try tracker.record(usage: TokenUsage(output: 0), model: "gpt-4o", user: nil)
        let report = tracker.report()
        #expect(report.monthToDate == 10)
        #expect(report.monthlyProjection == 30)
        #expect(report.costPerRequest == 5)
        #expect(report.requests == 2)
    }

    @Test func aRestartedProcessKeepsTodaysSpending() throws {
        let directory = try TemporaryDirectory()
        let store = FileCostStore(url: directory.url.appending(path: "spend.json"))
        let budgets = [Budget(.total, .daily, limit: Decimal(string: "0.15")!)]
        try CostTracker(budgets: budgets, store: store).record(usage: Self.tenCents, model: "gpt-4o", user: "u-1")

        let restarted = try CostTracker(budgets: budgets, store: store)
        #expect(restarted.spent(for: budgets[0]) == Decimal(string: "0.1"))
        #expect(throws: BudgetExceededError.self) {
            try restarted.reserve(model: "gpt-4o", user: nil, estimatedUsage: Self.tenCents)
        }
    }

    @Test func theDefaultLedgerIsAFileInTheStateDirectory() {
        #expect(FileCostStore.defaultLocation(environment: ["XDG_STATE_HOME": "/var/state"]).path == "/var/state/guardrails/costs.json")
        #expect(
            FileCostStore.defaultLocation(environment: ["GUARDRAILS_COST_LEDGER": "/srv/app/spend.json", "XDG_STATE_HOME": "/x"]).path
                == "/srv/app/spend.json")
        #expect(FileCostStore.defaultLocation(environment: [:]).path.hasSuffix("/.local/state/guardrails/costs.json"))
    }

    @Test func aCorruptLedgerIsAClearErrorAndIsNotOverwritten() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appending(path: "spend.json")
        try Data("{\"days\": [".utf8).write(to: url)
        let error = #expect(throws: StorageError.self) { try CostTracker(store: FileCostStore(url: url)) }
        #expect(error?.description.contains("spend.json' is not a cost ledger") == true)
        #expect(try Data(contentsOf: url) == Data("{\"days\": [".utf8))
    }

    @Test func aCallToAModelWithoutAPriceIsRefused() throws {
        let tracker = try CostTracker(store: InMemoryCostStore())
        #expect(throws: UnknownModelError.self) {
            try tracker.reserve(model: "my-local-model", user: nil, estimatedUsage: Self.tenCents)
        }
    }
}
