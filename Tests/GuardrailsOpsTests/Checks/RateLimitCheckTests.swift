// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import Synchronization
import Testing

@testable import GuardrailsOps

struct RateLimitCheckTests {
    /// A monotonic clock the test moves.
    final class Ticker: Sendable {
        private let elapsed = Mutex(Duration.zero)
        func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
        var now: @Sendable () -> Duration { { self.elapsed.withLock { $0 } } }
    }

    func check(_ options: [String: OptionValue], ticker: Ticker) throws -> RateLimitCheck {
        try RateLimitCheck(options: CheckOptions(ruleID: "rate", values: options), now: ticker.now)
    }

    func messages(_ check: RateLimitCheck, _ text: String = "hello", user: String? = "u-1") throws -> [String] {
        var findings: [Finding] = []
        try check.evaluate(Subject(text: text, context: user.map { ["user": $0] } ?? [:]), into: &findings)
        return findings.compactMap(\.message)
    }

    @Test func allowsABurstThenRefillsAtThePerMinuteRate() throws {
        let ticker = Ticker()
        let limit = try check(["requests": .integer(6), "burst": .integer(2)], ticker: ticker)  // one per 10 s
        #expect(try messages(limit).isEmpty)
        #expect(try messages(limit).isEmpty)
        #expect(try messages(limit) == ["user u-1 is over 6 requests per minute; retry in 10 s"])
        ticker.advance(.seconds(4))
        #expect(try messages(limit) == ["user u-1 is over 6 requests per minute; retry in 6 s"])
        ticker.advance(.seconds(6))
        #expect(try messages(limit).isEmpty)
        #expect(try messages(limit).count == 1)
    }

    @Test func eachUserHasTheirOwnBucket() throws {
        let limit = try check(["requests": .integer(1)], ticker: Ticker())
        #expect(try messages(limit, user: "alice").isEmpty)
        #expect(try messages(limit, user: "alice").count == 1)
        #expect(try messages(limit, user: "bob").isEmpty)
        #expect(try messages(limit, user: nil).isEmpty)
        #expect(try messages(limit, user: nil) == ["requests without a user is over 1 requests per minute; retry in 60 s"])
    }

    @Test func countsEstimatedTokensWhenLimitingTokens() throws {
        let ticker = Ticker()
        let limit = try check(["tokens": .integer(60)], ticker: ticker)  // one token per second
        let text = String(repeating: "word ", count: 40)
        let cost = TokenEstimator.count(text)
        #expect(try messages(limit, text).isEmpty)
        #expect(try messages(limit, text).count == 1)
        ticker.advance(.seconds(cost))
        #expect(try messages(limit, text).isEmpty)
        #expect(try messages(limit, String(repeating: "word ", count: 200)).first?.contains("more than the burst of 60") == true)
    }

    @Test func sharesItsBucketsAcrossCopiesOfThePolicy() throws {
        let policy = try PolicyLoader(registry: .operations).load(
            yaml: "policy: p\ninput:\n  - id: rate\n    check: rate_limit\n    requests: 2\n    action: block\n")
        let copy = policy
        #expect(try policy.evaluate("a", context: ["user": "u"]).decision == .allow)
        #expect(try copy.evaluate("b", context: ["user": "u"]).decision == .allow)
        #expect(try policy.evaluate("c", context: ["user": "u"]).decision == .block)
    }

    @Test func optionErrorsNameTheFix() {
        func error(_ options: [String: OptionValue]) -> String? {
            do {
                _ = try check(options, ticker: Ticker())
                return nil
            } catch { return "\(error)" }
        }
        #expect(error([:])?.contains("set 'requests' (per minute) or 'tokens' (per minute)") == true)
        #expect(error(["requests": .integer(1), "tokens": .integer(1)])?.contains("not both") == true)
        #expect(error(["requests": .integer(0)])?.contains("at least 1") == true)
        #expect(error(["requests": .integer(5), "burst": .integer(0)])?.contains("'burst' must be at least 1") == true)
    }
}
