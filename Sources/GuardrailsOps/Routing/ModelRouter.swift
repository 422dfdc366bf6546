// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Picks a model for each request by how complex it is, so simple questions go to a cheap model.
///
/// ```swift
/// let router = ModelRouter(models: [.simple: "gpt-4.1-nano", .medium: "gpt-4.1-mini", .complex: "gpt-4.1"])
/// let decision = router.route(request)   // decision.model, decision.reason
/// ```
///
/// A complexity without a model of its own uses the next more capable one that has one, then the
/// next less capable. ``GuardedModel`` records every decision with its reason.
public struct ModelRouter: Sendable {
    /// The model for each complexity.
    public let models: [Complexity: String]
    /// What decides the complexity.
    public let classifier: any ComplexityClassifier

    /// Creates a router. `models` must name at least one model.
    public init(models: [Complexity: String], classifier: any ComplexityClassifier = HeuristicClassifier()) {
        precondition(!models.isEmpty, "a ModelRouter needs at least one model")
        self.models = models
        self.classifier = classifier
    }

    /// Where a request goes.
    public struct Decision: Sendable, Hashable {
        /// The chosen model.
        public var model: String
        /// The request's complexity.
        public var complexity: Complexity
        /// Why: the classifier's evidence.
        public var reason: String

        /// Creates a decision.
        public init(model: String, complexity: Complexity, reason: String) {
            self.model = model
            self.complexity = complexity
            self.reason = reason
        }
    }

    /// Chooses the model for `request`.
    public func route(_ request: ChatRequest) -> Decision {
        let classification = classifier.classify(request)
        let order = Complexity.allCases.filter { $0 >= classification.complexity }
            + Complexity.allCases.filter { $0 < classification.complexity }.reversed()
        let model = order.lazy.compactMap { models[$0] }.first!
        return Decision(model: model, complexity: classification.complexity, reason: classification.reason)
    }
}
