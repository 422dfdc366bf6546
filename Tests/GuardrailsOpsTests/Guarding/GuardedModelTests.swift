// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CoreMetrics
import Foundation
import Guardrails
import GuardrailsOps
import GuardrailsTesting
import Testing

struct GuardedModelTests {
    static let policy = try! PolicyLoader(registry: .operations).load(yaml: """
        policy: guarded
        input:
          - id: no-secrets-in
            check: pattern
            patterns: ['sk-[a-z0-9]{8}']
            action: block
            message: Do not send API keys.
          - id: emails-in
            check: pattern
            patterns: ['[a-z]+@example\\.com']
            category: pii.email
            action: redact
          - id: budget
            check: budget
            action: block
        output:
          - id: no-internal-out
            check: pattern
            patterns: ['INTERNAL-[0-9]+']
            action: block
          - id: phone-out
            check: pattern
            patterns: ['555-[0-9]{4}']
            category: pii.phone
            action: redact
        """)

    @Test func aBlockedInputNeverReachesTheModel() async throws {
        let stub = try StubChatModel { _, _ in "fine" }
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        let guarded = GuardedModel(model: stub.client, policy: Self.policy, monitor: monitor)
        let violation = try await #require(throws: GuardrailViolation.self) {
            try await guarded.respond(to: ChatRequest(prompt: "use key sk-abcdef12 please"))
        }
        #expect(violation.direction == .input)
        #expect(violation.description == "input blocked by rule 'no-secrets-in' (no-secrets-in): Do not send API keys.")
        #expect(stub.server.requests.isEmpty)
        #expect(monitor.summary().outcomes == [.blockedInput: 1])
    }

    @Test func theModelSeesTheRedactedPrompt() async throws {
        let stub = try StubChatModel { prompt, _ in "you wrote: \(prompt)" }
        let guarded = GuardedModel(model: stub.client, policy: Self.policy)
        let response = try await guarded.respond(to: ChatRequest(prompt: "mail bob@example.com the invoice"))
        #expect(stub.receivedPrompts == ["mail [EMAIL] the invoice"])
        #expect(response.text == "you wrote: mail [EMAIL] the invoice")
    }

    @Test func aBlockedOutputNeverReachesTheCaller() async throws {
        let stub = try StubChatModel { _, _ in "the ticket is INTERNAL-4821" }
        let guarded = GuardedModel(model: stub.client, policy: Self.policy)
        let violation = try await #require(throws: GuardrailViolation.self) {
            try await guarded.complete(ChatRequest(prompt: "status?"))
        }
        #expect(violation.direction == .output)
        #expect(!"\(violation)".contains("INTERNAL-4821"))
        #expect(stub.server.requests.count == 1)
    }

    @Test func theCallerGetsTheRedactedAnswer() async throws {
        let stub = try StubChatModel { _, _ in "call 555-1234 tomorrow" }
        let answer = try await GuardedModel(model: stub.client, policy: Self.policy).complete(ChatRequest(prompt: "who?"))
        #expect(answer.text == "call [PHONE] tomorrow")
    }

    @Test func reservesSettlesAndBlocksOnceTheBudgetIsSpent() async throws {
        // gpt-4o-mini: 100 × $0.15 + 50 × $0.60 per million = $0.000045 per call.
        let stub = try StubChatModel(usage: (100, 50)) { _, _ in "ok" }
        let tracker = try CostTracker(budgets: [Budget(.eachUser, .daily, limit: Decimal(string: "0.00009")!)], store: InMemoryCostStore())
        let guarded = GuardedModel(model: stub.client, policy: Self.policy, costs: tracker, estimatedOutputTokens: 10)
        let first = try await guarded.respond(to: ChatRequest(prompt: "hi", user: "u-1"))
        #expect(first.cost == Decimal(string: "0.000045"))
        _ = try await guarded.respond(to: ChatRequest(prompt: "hi", user: "u-1"))
        // The budget is now exactly spent: the `budget` rule blocks before any reservation.
        let violation = try await #require(throws: GuardrailViolation.self) {
            try await guarded.respond(to: ChatRequest(prompt: "hi", user: "u-1"))
        }
        #expect(violation.blockingRule?.rule == "budget")
        #expect(stub.server.requests.count == 2)
        #expect(tracker.report().byUser == ["u-1": Decimal(string: "0.00009")!])
    }

    @Test func aBudgetRefusalWithoutABudgetRuleStillStopsTheCall() async throws {
        let stub = try StubChatModel { _, _ in "ok" }
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: Decimal(string: "0.0001")!)], store: InMemoryCostStore())
        let policy = try PolicyLoader().load(yaml: "policy: plain\ninput: []\n")
        let guarded = GuardedModel(model: stub.client, policy: policy, costs: tracker)
        // 1,000 estimated output tokens at $0.60 per million are more than $0.0001.
        await #expect(throws: BudgetExceededError.self) { try await guarded.respond(to: ChatRequest(prompt: "hi")) }
        #expect(stub.server.requests.isEmpty)
    }

    @Test func aFailedCallReleasesItsReservation() async throws {
        let tracker = try CostTracker(budgets: [Budget(.total, .daily, limit: 1)], store: InMemoryCostStore())
        let unreachable = try OpenAICompatibleModel(
            configuration: .init(baseURL: URL(string: "http://127.0.0.1:9")!, model: "gpt-4o-mini", retry: .never), environment: [:])
        let guarded = GuardedModel(model: unreachable, policy: Self.policy, costs: tracker)
        await #expect(throws: LanguageModelError.self) { try await guarded.respond(to: ChatRequest(prompt: "hi")) }
        #expect(tracker.budgetContext(user: nil, model: "gpt-4o-mini")[BudgetCheck.usedKey] == "0")
    }

    @Test func routesByComplexityAndRecordsTheReason() async throws {
        let stub = try StubChatModel { _, model in "answered by \(model)" }
        let router = ModelRouter(models: [.simple: "gpt-4.1-nano", .complex: "gpt-4.1"])
        let guarded = GuardedModel(model: stub.client, policy: Self.policy, router: router)
        let simple = try await guarded.respond(to: ChatRequest(prompt: "What time is it?"))
        let complex = try await guarded.respond(to: ChatRequest(prompt: """
            Refactor this and explain why, step by step:
            ```swift
            func f() { return }
            ```
            """))
        #expect(stub.receivedModels == ["gpt-4.1-nano", "gpt-4.1"])
        #expect(simple.routing?.complexity == .simple)
        #expect(complex.routing?.reason == "complex: code, steps (\"step by step\"), analysis (\"explain why\")")
    }

    @Test func theMonitorSeesEveryOutcome() async throws {
        let stub = try StubChatModel(usage: (100, 50)) { prompt, _ in prompt == "leak" ? "INTERNAL-1" : "fine" }
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        let tracker = try CostTracker(store: InMemoryCostStore())
        let guarded = GuardedModel(model: stub.client, policy: Self.policy, costs: tracker, monitor: monitor)
        _ = try await guarded.respond(to: ChatRequest(prompt: "hello"))
        _ = try await guarded.respond(to: ChatRequest(prompt: "mail me at a@example.com"))
        _ = try? await guarded.respond(to: ChatRequest(prompt: "leak"))
        _ = try? await guarded.respond(to: ChatRequest(prompt: "sk-12345678"))
        let summary = monitor.summary()
        #expect(summary.requests == 4)
        #expect(summary.outcomes == [.answered: 2, .blockedOutput: 1, .blockedInput: 1])
        #expect(summary.triggerRates == ["emails-in": 0.25, "no-internal-out": 0.25, "no-secrets-in": 0.25])
        #expect(summary.tokens == TokenUsage(input: 300, output: 150))
        #expect(summary.totalCost == Decimal(string: "0.000135"))
        #expect(summary.latency.count == 4)
    }
}
