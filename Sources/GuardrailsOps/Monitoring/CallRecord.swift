// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// One guarded model call, as a ``Monitor`` records it.
public struct CallRecord: Sendable, Hashable {
    /// How a call ended.
    public enum Outcome: String, Sendable, Hashable {
        /// The caller got an answer.
        case answered
        /// The input chain blocked the request; the model was not called.
        case blockedInput = "blocked_input"
        /// The output chain blocked the answer.
        case blockedOutput = "blocked_output"
        /// A budget refused the call.
        case overBudget = "over_budget"
        /// The model call failed.
        case failed
    }

    /// The model called, or that would have been called.
    public var model: String
    /// The user the call was for.
    public var user: String?
    /// How it ended.
    public var outcome: Outcome
    /// Time from request to answer, guardrails included.
    public var latency: Duration
    /// Tokens the model used; zero when it was not called.
    public var usage: TokenUsage
    /// What the call cost, when a price was known.
    public var cost: Decimal?
    /// Every rule that reported a finding, in either chain (a rule that fired twice is listed once).
    public var triggeredRules: [String]
    /// The router's choice and reason, when a router picked the model.
    public var routing: ModelRouter.Decision?

    /// Creates a record.
    public init(
        model: String, user: String? = nil, outcome: Outcome, latency: Duration, usage: TokenUsage = TokenUsage(),
        cost: Decimal? = nil, triggeredRules: [String] = [], routing: ModelRouter.Decision? = nil
    ) {
        self.model = model
        self.user = user
        self.outcome = outcome
        self.latency = latency
        self.usage = usage
        self.cost = cost
        self.triggeredRules = triggeredRules
        self.routing = routing
    }
}
