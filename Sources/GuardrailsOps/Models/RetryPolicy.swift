// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// How often, and how patiently, a failed call is tried again.
///
/// Only failures that another attempt may cure are retried (``LanguageModelError/isRetryable``). The
/// wait doubles from ``initialBackoff`` up to ``maxBackoff``, with up to 25% random jitter so that
/// clients that failed together do not retry together. A `Retry-After` header from the provider replaces
/// the computed wait, capped at ``maxBackoff``.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included. `1` never retries.
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest wait between two attempts.
    public var maxBackoff: Duration

    /// Creates a policy. `maxAttempts` below 1 counts as 1.
    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(8)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// One attempt, no retries.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The wait after failed attempt number `attempt` (1-based), before jitter.
    public func backoff(after attempt: Int, retryAfter: Duration? = nil) -> Duration {
        if let retryAfter { return min(retryAfter, maxBackoff) }
        var wait = initialBackoff
        for _ in 1..<max(1, attempt) where wait < maxBackoff { wait *= 2 }
        return min(wait, maxBackoff)
    }

    /// ``backoff(after:retryAfter:)`` plus up to 25% jitter.
    func jitteredBackoff(after attempt: Int, retryAfter: Duration?) -> Duration {
        let wait = backoff(after: attempt, retryAfter: retryAfter)
        guard retryAfter == nil else { return wait }
        return wait + wait * Double.random(in: 0..<0.25)
    }
}
