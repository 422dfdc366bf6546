// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// What a rule does when its check reports findings.
public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
    /// Refuse the text: the verdict's output is empty and, unless auditing, later rules do not run.
    case block
    /// Replace each finding's span in the output, in the rule's ``RedactionStyle``.
    case redact
    /// Report the findings and change nothing.
    case annotate

    /// The decision this action produces.
    public var decision: Decision {
        switch self {
        case .block: .block
        case .redact: .redact
        case .annotate: .annotate
        }
    }
}

/// The outcome of an evaluation: the strongest action any rule took.
///
/// Ordered `allow < annotate < redact < block`, so `max` combines decisions.
public enum Decision: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// No rule found anything.
    case allow
    /// Rules found something worth reporting; the text is unchanged.
    case annotate
    /// Parts of the text were redacted.
    case redact
    /// The text was refused.
    case block

    private var rank: Int {
        switch self {
        case .allow: 0
        case .annotate: 1
        case .redact: 2
        case .block: 3
        }
    }

    /// Whether `lhs` is a weaker decision than `rhs`.
    public static func < (lhs: Decision, rhs: Decision) -> Bool { lhs.rank < rhs.rank }
}
