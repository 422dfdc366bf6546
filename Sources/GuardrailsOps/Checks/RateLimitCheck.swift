// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails
import Synchronization

/// Limits requests, or tokens, per user per minute with a token bucket, so one user cannot spend
/// everyone's budget.
///
/// ```yaml
/// - id: per-user-rate
///   check: rate_limit
///   requests: 20          # per minute; or `tokens: 20000` to count estimated tokens of the text
///   burst: 5              # how many at once after a quiet spell (default: the per-minute rate)
///   action: block
/// ```
///
/// The user comes from the evaluation context key `user` (change it with `user_key`); requests without
/// one share a bucket. A bucket refills continuously at the per-minute rate up to `burst`. A request
/// that finds too little in its bucket is reported and takes nothing from it.
///
/// Unlike the engine's checks this one has state: the buckets belong to the loaded policy and are shared
/// by every copy of it and every task evaluating it. Loading the policy again starts with full buckets.
/// Across processes each has its own buckets.
public struct RateLimitCheck: Check {
    public static let description = CheckDescription(
        id: "rate_limit",
        summary: "Limits requests or estimated tokens per user per minute (token bucket)",
        options: [
            OptionDescription("requests", .integer, summary: "requests per user per minute"),
            OptionDescription("tokens", .integer, summary: "estimated tokens of text per user per minute"),
            OptionDescription("burst", .integer, summary: "bucket size (default: the per-minute rate)"),
            OptionDescription("user_key", .string, summary: "evaluation context key naming the user (default: user)"),
        ],
        passingExamples: [CheckExample("first request", options: ["requests": .integer(10)], isShiftable: false)],
        failingExamples: []
    )

    /// Whether the limit counts requests or estimated tokens.
    public enum Unit: String, Sendable {
        /// One per evaluation.
        case requests
        /// The estimated tokens of the text evaluated.
        case tokens
    }

    /// What the limit counts.
    public let unit: Unit
    /// How many units a user gains per minute.
    public let perMinute: Int
    /// The most units a user can hold.
    public let burst: Int
    /// The context key naming the user.
    public let userKey: String

    private let buckets: TokenBuckets

    public init(options: CheckOptions) throws(CheckOptionsError) {
        let clock = ContinuousClock()
        let start = clock.now
        try self.init(options: options, now: { start.duration(to: clock.now) })
    }

    /// Creates the check with a clock that tells the time since any fixed origin; tests pass their own.
    init(options: CheckOptions, now: @escaping @Sendable () -> Duration) throws(CheckOptionsError) {
        let requests = try options.integer("requests")
        let tokens = try options.integer("tokens")
        switch (requests, tokens) {
        case (let rate?, nil): (unit, perMinute) = (.requests, rate)
        case (nil, let rate?): (unit, perMinute) = (.tokens, rate)
        case (nil, nil): throw .missing("requests", "set 'requests' (per minute) or 'tokens' (per minute)")
        case (_?, _?): throw .invalid("tokens", "set 'requests' or 'tokens', not both: a rule limits one of them")
        }
        guard perMinute > 0 else { throw .invalid(unit.rawValue, "'\(unit.rawValue)' must be at least 1, found \(perMinute)") }
        burst = try options.integer("burst") ?? perMinute
        guard burst > 0 else { throw .invalid("burst", "'burst' must be at least 1, found \(burst)") }
        userKey = try options.string("user_key") ?? "user"
        buckets = TokenBuckets(capacity: burst, perMinute: perMinute, now: now)
    }

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        let user = subject.context[userKey]
        let cost = unit == .requests ? 1 : TokenEstimator.count(subject.text)
        guard let wait = buckets.take(cost, for: user ?? "") else { return }
        let seconds = Int(wait.seconds.rounded(.up))
        let who = user.map { "user \($0)" } ?? "requests without a user"
        findings.append(Finding(
            category: "rate_limit.exceeded", span: Span(start: 0, end: subject.text.utf8.count),
            message: cost > burst
                ? "\(who): \(cost) \(unit.rawValue) is more than the burst of \(burst)"
                : "\(who) is over \(perMinute) \(unit.rawValue) per minute; retry in \(max(1, seconds)) s"))
    }
}

/// Token buckets by user, refilled continuously.
final class TokenBuckets: Sendable {
    private struct Bucket {
        var level: Double
        var updated: Duration
    }

    /// Users tracked before full buckets are dropped; a full bucket is the same as a new one.
    private static let pruneAbove = 10_000

    private let capacity: Double
    private let perSecond: Double
    private let now: @Sendable () -> Duration
    private let buckets = Mutex<[String: Bucket]>([:])

    init(capacity: Int, perMinute: Int, now: @escaping @Sendable () -> Duration) {
        self.capacity = Double(capacity)
        self.perSecond = Double(perMinute) / 60
        self.now = now
    }

    /// Takes `cost` from `user`'s bucket and returns `nil`, or returns how long until it would hold
    /// enough and takes nothing.
    func take(_ cost: Int, for user: String) -> Duration? {
        let time = now()
        return buckets.withLock { buckets in
            var bucket = buckets[user] ?? Bucket(level: capacity, updated: time)
            let elapsed = (time - bucket.updated).seconds
            bucket.level = min(capacity, bucket.level + max(0, elapsed) * perSecond)
            bucket.updated = time
            defer {
                buckets[user] = bucket
                if buckets.count > Self.pruneAbove { buckets = buckets.filter { $0.value.level < capacity } }
            }
            guard bucket.level >= Double(cost) else {
                let missing = min(Double(cost), capacity) - bucket.level
                return .milliseconds(Int64((max(missing, 0) / perSecond * 1000).rounded(.up)))
            }
            bucket.level -= Double(cost)
            return nil
        }
    }
}
