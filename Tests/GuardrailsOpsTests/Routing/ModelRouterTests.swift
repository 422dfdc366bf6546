// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import GuardrailsOps
import Testing

struct ModelRouterTests {
    let router = ModelRouter(models: [.simple: "small", .medium: "mid", .complex: "large"])

    func route(_ prompt: String) -> ModelRouter.Decision { router.route(ChatRequest(prompt: prompt)) }

    @Test func aShortQuestionIsSimple() {
        let decision = route("What are your opening hours?")
        #expect(decision.model == "small")
        #expect(decision.reason == "simple: one short question")
    }

    @Test func codeAndAnalysisMakeARequestMedium() {
        let decision = route("""
            Can you debug this?
            let x = compute();
            print(x);
            """)
        #expect(decision.complexity == .medium)
        #expect(decision.reason == "medium: code, analysis (\"debug\")")
    }

    @Test func longMultiStepRequestsAreComplex() {
        let steps = (1...4).map { "\($0). Do part \($0) of the migration plan carefully." }.joined(separator: "\n")
        let decision = route("Plan our database migration.\n" + steps + String(repeating: " More context here.", count: 100))
        #expect(decision.complexity == .complex)
        #expect(decision.model == "large")
        #expect(decision.reason.contains("4 listed steps"))
    }

    @Test func aMissingTierFallsToTheNextMoreCapableModel() {
        let router = ModelRouter(models: [.simple: "small", .complex: "large"])
        #expect(router.route(ChatRequest(prompt: "Can you debug this?\nlet x = f();\nprint(x);")).model == "large")
        let onlySmall = ModelRouter(models: [.simple: "small"])
        #expect(onlySmall.route(ChatRequest(prompt: "Explain why, step by step:\n```\ncode\n```")).model == "small")
    }

    @Test func aPluggedClassifierDecides() {
        struct Always: ComplexityClassifier {
            func classify(_ request: ChatRequest) -> Classification { Classification(.complex, reason: "always") }
        }
        let router = ModelRouter(models: [.simple: "small", .complex: "large"], classifier: Always())
        #expect(router.route(ChatRequest(prompt: "hi")) == ModelRouter.Decision(model: "large", complexity: .complex, reason: "always"))
    }
}
