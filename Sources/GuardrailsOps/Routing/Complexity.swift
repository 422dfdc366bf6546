// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// How demanding a request is, for choosing a model.
public enum Complexity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A short question or a lookup: the cheapest model answers it well.
    case simple
    /// Some explanation or a little code.
    case medium
    /// Long input, real code, several steps or analysis: worth the strongest model.
    case complex

    public static func < (lhs: Complexity, rhs: Complexity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a classifier concluded, and why.
public struct Classification: Sendable, Hashable {
    /// The complexity.
    public var complexity: Complexity
    /// The evidence, for people: "complex: 612 tokens, code, 3 numbered steps".
    public var reason: String

    /// Creates a classification.
    public init(_ complexity: Complexity, reason: String) {
        self.complexity = complexity
        self.reason = reason
    }
}

/// Decides how complex a request is. ``HeuristicClassifier`` is the default; a team can plug in its
/// own, such as one backed by a small model.
public protocol ComplexityClassifier: Sendable {
    /// Classifies `request`.
    func classify(_ request: ChatRequest) -> Classification
}
