// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import CoreMetrics
public import Foundation
import Synchronization

/// Records guarded calls and user feedback: latency percentiles, tokens, cost per request, how often
/// each rule triggers, satisfaction. Everything is also exported through swift-metrics, so a Prometheus
/// (or any other) backend can scrape it.
///
/// ```swift
/// let monitor = Monitor()   // uses the process's MetricsSystem; pass `metrics:` to choose a factory
/// monitor.record(call)
/// monitor.recordFeedback(positive: true, model: "gpt-4o-mini")
/// print(monitor.summary().latency.p99)
/// ```
///
/// Percentiles are exact, computed with the nearest-rank method over the most recent
/// ``sampleCapacity`` latencies (older ones drop out), so memory stays bounded on a long-running
/// server. Counts, trigger rates and costs cover every call since the monitor started.
///
/// Metrics, all prefixed with ``metricsPrefix`` (`guardrails` by default):
/// - `_request_duration` (timer; dimensions `model`, `outcome`)
/// - `_requests_total` (counter; `model`, `outcome`)
/// - `_tokens_total` (counter; `model`, `kind`: input, cached_input, cache_write, output, reasoning)
/// - `_cost_total` (floating-point counter; `model`)
/// - `_rule_triggers_total` (counter; `rule`)
/// - `_feedback_total` (counter; `model`, `rating`: positive, negative)
/// - `_routes_total` (counter; `complexity`, `model`): the router's choices
public final class Monitor: Sendable {
    /// How many recent latencies percentiles are computed over.
    public let sampleCapacity: Int
    /// The prefix of every metric label.
    public let metricsPrefix: String

    private let metrics: any MetricsFactory
    private let state: Mutex<State>

    private struct State {
        var latencies: [Duration] = []
        var nextSample = 0
        var requests = 0
        var outcomes: [CallRecord.Outcome: Int] = [:]
        var triggers: [String: Int] = [:]
        var tokens = TokenUsage()
        var cost: Decimal = 0
        var positive = 0
        var negative = 0
    }

    /// Creates a monitor.
    ///
    /// - Parameters:
    ///   - sampleCapacity: Recent latencies kept for percentiles (default 100,000: 1.5 MB).
    ///   - metricsPrefix: The prefix of metric labels.
    ///   - metrics: Where metrics go; defaults to the process-wide `MetricsSystem` factory.
    public init(sampleCapacity: Int = 100_000, metricsPrefix: String = "guardrails", metrics: (any MetricsFactory)? = nil) {
        self.sampleCapacity = max(1, sampleCapacity)
        self.metricsPrefix = metricsPrefix
        self.metrics = metrics ?? MetricsSystem.factory
        self.state = Mutex(State())
    }

    /// Records one call.
    public func record(_ call: CallRecord) {
        state.withLock { state in
            if state.latencies.count < sampleCapacity {
                state.latencies.append(call.latency)
            } else {
                state.latencies[state.nextSample] = call.latency
            }
            state.nextSample = (state.nextSample + 1) % sampleCapacity
            state.requests += 1
            state.outcomes[call.outcome, default: 0] += 1
            for rule in Set(call.triggeredRules) { state.triggers[rule, default: 0] += 1 }
            state.tokens = state.tokens + call.usage
            state.cost += call.cost ?? 0
        }
        let dimensions = [("model", call.model), ("outcome", call.outcome.rawValue)]
        Timer(label: "\(metricsPrefix)_request_duration", dimensions: dimensions, factory: metrics)
            .recordNanoseconds(call.latency.nanoseconds)
        Counter(label: "\(metricsPrefix)_requests_total", dimensions: dimensions, factory: metrics).increment()
        let kinds = [
            ("input", call.usage.input), ("cached_input", call.usage.cachedInput), ("cache_write", call.usage.cacheWrite),
            ("output", call.usage.output), ("reasoning", call.usage.reasoning),
        ]
        for (kind, count) in kinds where count > 0 {
            Counter(label: "\(metricsPrefix)_tokens_total", dimensions: [("model", call.model), ("kind", kind)], factory: metrics)
                .increment(by: count)
        }
        if let cost = call.cost {
            FloatingPointCounter(label: "\(metricsPrefix)_cost_total", dimensions: [("model", call.model)], factory: metrics)
                .increment(by: NSDecimalNumber(decimal: cost).doubleValue)
        }
        if let routing = call.routing {
            Counter(
                label: "\(metricsPrefix)_routes_total", dimensions: [("complexity", routing.complexity.rawValue), ("model", routing.model)],
                factory: metrics
            ).increment()
        }
        for rule in Set(call.triggeredRules).sorted() {
            Counter(label: "\(metricsPrefix)_rule_triggers_total", dimensions: [("rule", rule)], factory: metrics).increment()
        }
    }

    /// Records a user's thumbs up (`positive`) or down for an answer of `model`.
    public func recordFeedback(positive: Bool, model: String) {
        state.withLock { state in
            if positive { state.positive += 1 } else { state.negative += 1 }
        }
        Counter(
            label: "\(metricsPrefix)_feedback_total", dimensions: [("model", model), ("rating", positive ? "positive" : "negative")],
            factory: metrics
        ).increment()
    }

    /// What has been recorded so far.
    public func summary() -> MonitorSummary {
        let state = state.withLock { $0 }
        let sorted = state.latencies.sorted()
        let rated = state.positive + state.negative
        return MonitorSummary(
            requests: state.requests,
            outcomes: state.outcomes,
            latency: LatencyPercentiles(sorted: sorted),
            triggerRates: state.triggers.mapValues { Double($0) / Double(max(state.requests, 1)) },
            tokens: state.tokens,
            totalCost: state.cost,
            costPerRequest: state.requests == 0 ? 0 : (state.cost / Decimal(state.requests)).rounded(scale: 6),
            ratings: rated,
            satisfactionRate: rated == 0 ? nil : Double(state.positive) / Double(rated)
        )
    }
}

/// A snapshot of a ``Monitor``.
public struct MonitorSummary: Sendable, Hashable {
    /// Calls recorded.
    public var requests: Int
    /// Calls by how they ended.
    public var outcomes: [CallRecord.Outcome: Int]
    /// Latency percentiles over the recent samples.
    public var latency: LatencyPercentiles
    /// For each rule that triggered, the share of calls in which it did.
    public var triggerRates: [String: Double]
    /// Tokens used.
    public var tokens: TokenUsage
    /// Everything spent.
    public var totalCost: Decimal
    /// The average cost of a call.
    public var costPerRequest: Decimal
    /// Answers users rated.
    public var ratings: Int
    /// The share of ratings that were positive; `nil` before the first.
    public var satisfactionRate: Double?
}

/// Exact nearest-rank percentiles of a sample.
public struct LatencyPercentiles: Sendable, Hashable {
    /// The samples they were computed over.
    public var count: Int
    /// The median.
    public var p50: Duration
    /// The 95th percentile.
    public var p95: Duration
    /// The 99th percentile.
    public var p99: Duration
    /// The largest sample.
    public var max: Duration

    /// Percentiles of `sorted`, which must be in ascending order; all zero when it is empty.
    public init(sorted: [Duration]) {
        func rank(_ percentile: Double) -> Duration {
            guard !sorted.isEmpty else { return .zero }
            // Nearest rank: the smallest sample with at least `percentile` of the samples at or below it.
            let index = Int((percentile / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(index, sorted.count - 1))]
        }
        count = sorted.count
        p50 = rank(50)
        p95 = rank(95)
        p99 = rank(99)
        max = sorted.last ?? .zero
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
