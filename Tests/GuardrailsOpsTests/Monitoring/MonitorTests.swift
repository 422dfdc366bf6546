// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CoreMetrics
import Foundation
import GuardrailsOps
import Prometheus
import Testing

struct MonitorTests {
    @Test func percentilesAreExactNearestRankOverTheSamples() {
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        for milliseconds in (1...200).shuffled() {
            monitor.record(CallRecord(model: "m", outcome: .answered, latency: .milliseconds(milliseconds)))
        }
        let latency = monitor.summary().latency
        #expect(latency.count == 200)
        #expect(latency.p50 == .milliseconds(100))
        #expect(latency.p95 == .milliseconds(190))
        #expect(latency.p99 == .milliseconds(198))
        #expect(latency.max == .milliseconds(200))
    }

    @Test func keepsOnlyTheMostRecentSamples() {
        let monitor = Monitor(sampleCapacity: 10, metrics: NOOPMetricsHandler.instance)
        for milliseconds in 1...25 {
            monitor.record(CallRecord(model: "m", outcome: .answered, latency: .milliseconds(milliseconds)))
        }
        let summary = monitor.summary()
        #expect(summary.requests == 25)
        #expect(summary.latency.count == 10)
        #expect(summary.latency.p50 == .milliseconds(20))  // samples 16...25
    }

    @Test func triggerRatesCountCallsNotFindings() {
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        monitor.record(CallRecord(model: "m", outcome: .answered, latency: .zero, triggeredRules: ["pii", "pii", "toxicity"]))
        monitor.record(CallRecord(model: "m", outcome: .answered, latency: .zero, triggeredRules: ["pii"]))
        monitor.record(CallRecord(model: "m", outcome: .answered, latency: .zero))
        monitor.record(CallRecord(model: "m", outcome: .answered, latency: .zero))
        #expect(monitor.summary().triggerRates == ["pii": 0.5, "toxicity": 0.25])
    }

    @Test func satisfactionIsTheShareOfPositiveRatings() {
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        #expect(monitor.summary().satisfactionRate == nil)
        for positive in [true, true, true, false] { monitor.recordFeedback(positive: positive, model: "m") }
        #expect(monitor.summary().satisfactionRate == 0.75)
        #expect(monitor.summary().ratings == 4)
    }

    @Test func costPerRequestAveragesEveryCall() {
        let monitor = Monitor(metrics: NOOPMetricsHandler.instance)
        monitor.record(CallRecord(model: "m", outcome: .answered, latency: .zero, cost: Decimal(string: "0.03")))
        monitor.record(CallRecord(model: "m", outcome: .blockedInput, latency: .zero))
        #expect(monitor.summary().costPerRequest == Decimal(string: "0.015"))
    }

    @Test func exportsMetricsAPrometheusServerCanScrape() {
        let registry = PrometheusCollectorRegistry()
        let monitor = Monitor(metrics: PrometheusMetricsFactory(registry: registry))
        monitor.record(CallRecord(
            model: "gpt-4o-mini", outcome: .answered, latency: .milliseconds(120), usage: TokenUsage(input: 100, output: 40),
            cost: Decimal(string: "0.000039"), triggeredRules: ["pii-redact"]))
        monitor.record(CallRecord(
            model: "gpt-4o-mini", outcome: .blockedInput, latency: .milliseconds(2), triggeredRules: ["injection"],
            routing: ModelRouter.Decision(model: "gpt-4o-mini", complexity: .simple, reason: "simple: one short question")))
        monitor.recordFeedback(positive: false, model: "gpt-4o-mini")

        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        let exposition = String(decoding: buffer, as: UTF8.self)
        for line in [
            #"guardrails_requests_total{model="gpt-4o-mini",outcome="answered"} 1"#,
            #"guardrails_requests_total{model="gpt-4o-mini",outcome="blocked_input"} 1"#,
            #"guardrails_tokens_total{model="gpt-4o-mini",kind="input"} 100"#,
            #"guardrails_tokens_total{model="gpt-4o-mini",kind="output"} 40"#,
            #"guardrails_cost_total{model="gpt-4o-mini"} 3.9e-05"#,
            #"guardrails_rule_triggers_total{rule="injection"} 1"#,
            #"guardrails_feedback_total{model="gpt-4o-mini",rating="negative"} 1"#,
            #"guardrails_request_duration_count{model="gpt-4o-mini",outcome="answered"} 1"#,
            #"guardrails_routes_total{complexity="simple",model="gpt-4o-mini"} 1"#,
        ] {
            #expect(exposition.contains(line), "missing \(line) in:\n\(exposition)")
        }
    }
}
