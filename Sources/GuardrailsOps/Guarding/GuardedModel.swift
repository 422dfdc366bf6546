// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
public import Guardrails

/// A model call with guardrails around it: input chain → (router) → model → output chain, with cost
/// tracking and monitoring wired in.
///
/// ```swift
/// let guarded = GuardedModel(
///     model: try OpenAICompatibleModel(configuration: .init(model: "gpt-4.1-mini")),
///     policy: try Policy.bundledDefault(),
///     router: ModelRouter(models: [.simple: "gpt-4.1-nano", .complex: "gpt-4.1"]),
///     costs: tracker, monitor: monitor)
/// let answer = try await guarded.respond(to: ChatRequest(prompt: prompt, user: userID))
/// ```
///
/// The input chain checks the request's last user message, the one the model is asked to answer
/// (earlier turns were checked when they were sent; system messages are the application's own).
///
/// What it guarantees:
/// - A request the input chain blocks never reaches the model, and an answer the output chain blocks
///   never reaches the caller: both throw ``GuardrailViolation``, which carries findings, not text.
/// - Redactions apply: the model sees the redacted prompt, the caller gets the redacted answer.
/// - With a ``CostTracker``, the call's estimated cost is reserved before the model runs (a budget
///   over its limit throws ``BudgetExceededError``), the real cost settled after, and the tracker's
///   budget state is in the evaluation context, so `check: budget` rules see it.
/// - The evaluation context holds `user` (for `check: rate_limit`) and `model`.
/// - With a ``Monitor``, every call is recorded, however it ends.
///
/// `GuardedModel` is itself a ``LanguageModel``, so prompt test suites and the judge can run through it.
public struct GuardedModel: LanguageModel {
    /// The model behind the guardrails.
    public let model: any LanguageModel
    /// The policy whose input and output chains run.
    public let policy: Policy
    /// Chooses the model per request, when set.
    public let router: ModelRouter?
    /// Prices calls and enforces budgets, when set.
    public let costs: CostTracker?
    /// Records every call, when set.
    public let monitor: Monitor?
    /// The model used when neither the request nor the router names one.
    public let defaultModel: String
    /// Output tokens assumed when reserving a request that sets no ``ChatRequest/maxOutputTokens``.
    public let estimatedOutputTokens: Int

    /// Creates a guarded model.
    public init(
        model: any LanguageModel,
        policy: Policy,
        router: ModelRouter? = nil,
        costs: CostTracker? = nil,
        monitor: Monitor? = nil,
        defaultModel: String = "gpt-4o-mini",
        estimatedOutputTokens: Int = 1_000
    ) {
        self.model = model
        self.policy = policy
        self.router = router
        self.costs = costs
        self.monitor = monitor
        self.defaultModel = defaultModel
        self.estimatedOutputTokens = estimatedOutputTokens
    }

    /// The result of a guarded call.
    public struct Response: Sendable {
        /// The answer as the caller may see it: redacted by the output chain.
        public var text: String
        /// The model's answer as it came back (its text unredacted).
        public var modelResponse: ChatResponse
        /// The input chain's verdict.
        public var input: Verdict
        /// The output chain's verdict.
        public var output: Verdict
        /// The router's choice and reason, when a router is set.
        public var routing: ModelRouter.Decision?
        /// What the call cost, when a cost tracker is set.
        public var cost: Decimal?
    }

    /// Completes `request` through the guardrails and returns the answer with its verdicts.
    ///
    /// - Parameters:
    ///   - request: The request; its last user message is what the input chain checks.
    ///   - context: More evaluation context for both chains, such as a `canary` token.
    /// - Throws: ``GuardrailViolation`` when either chain blocks, ``BudgetExceededError`` when a budget
    ///   refuses the call, ``EvaluationError`` for input the policy cannot evaluate (too large), what
    ///   the model throws, and what the cost store throws when it cannot save (the spending is still
    ///   counted in memory).
    public func respond(to request: ChatRequest, context extraContext: [String: String] = [:]) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let routing = router?.route(request)
        let modelName = routing?.model ?? request.model ?? defaultModel
        var record = CallRecord(model: modelName, user: request.user, outcome: .failed, latency: .zero, routing: routing)
        defer {
            record.latency = start.duration(to: clock.now)
            monitor?.record(record)
        }

        var context = extraContext
        context["model"] = modelName
        if let user = request.user { context["user"] = user }
        if let costs { context.merge(costs.budgetContext(user: request.user, model: modelName)) { $1 } }

        let input = try policy.evaluate(request.lastUserText, direction: .input, context: context)
        record.triggeredRules = input.findings.map(\.rule)
        if input.isBlocked {
            record.outcome = .blockedInput
            throw GuardrailViolation(direction: .input, findings: input.findings, policy: input.policy)
        }

        var sent = request
        sent.model = modelName
        if input.text != request.lastUserText, let last = sent.messages.lastIndex(where: { $0.role == .user }) {
            sent.messages[last].content = input.text
        }
        let reservation: CostTracker.Reservation?
        do {
            reservation = try costs?.reserve(model: modelName, user: request.user, estimatedUsage: estimate(for: sent))
        } catch let error as BudgetExceededError {
            record.outcome = .overBudget
            throw error
        }

        let answer: ChatResponse
        do {
            answer = try await model.complete(sent)
        } catch {
            if let reservation { costs?.release(reservation) }
            throw error
        }
        record.model = answer.model
        record.usage = answer.usage
        if let reservation, let costs {
            record.cost = try costs.settle(reservation, usage: answer.usage, model: answer.model)
        }

        let output = try policy.evaluate(answer.text, direction: .output, context: context)
        record.triggeredRules += output.findings.map(\.rule)
        if output.isBlocked {
            record.outcome = .blockedOutput
            throw GuardrailViolation(direction: .output, findings: output.findings, policy: output.policy)
        }
        record.outcome = .answered
        return Response(text: output.text, modelResponse: answer, input: input, output: output, routing: routing, cost: record.cost)
    }

    /// Completes `request` through the guardrails, returning the redacted answer as a ``ChatResponse``.
    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let response = try await respond(to: request)
        var answer = response.modelResponse
        answer.text = response.text
        return answer
    }

    /// Tokens to reserve: the estimated prompt, and the output limit or the default.
    private func estimate(for request: ChatRequest) -> TokenUsage {
        let prompt = request.messages.reduce(0) { $0 + TokenEstimator.count($1.content) + 4 }
        return TokenUsage(input: prompt, output: request.maxOutputTokens ?? estimatedOutputTokens)
    }
}
