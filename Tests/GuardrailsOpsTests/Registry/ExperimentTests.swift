// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import Testing

struct ExperimentTests {
    let directory = try! TemporaryDirectory()

    func registry(ratings: [Int: (up: Int, down: Int)]) throws -> PromptRegistry {
        let registry = PromptRegistry(directory: directory.url, actor: "test")
        for version in 1...(ratings.keys.max() ?? 1) { _ = try registry.register("welcome", template: "v\(version)") }
        for (version, counts) in ratings {
            for _ in 0..<counts.up { try registry.recordFeedback("welcome", version: version, isPositive: true) }
            for _ in 0..<counts.down { try registry.recordFeedback("welcome", version: version, isPositive: false) }
        }
        return registry
    }

    @Test func aClearlyBetterVersionIsASignificantWinner() throws {
        let report = try registry(ratings: [1: (60, 40), 2: (80, 20)]).experiment("welcome")
        #expect(report.arms.map(\.version) == [2, 1])
        #expect(report.arms.map(\.satisfaction) == [0.8, 0.6])
        // Pooled p = 0.7; SE = sqrt(0.7 × 0.3 × (2/100)) = 0.0648; z = 0.2 / 0.0648 = 3.086.
        #expect(abs(report.comparisons[0].z - 3.086) < 0.001)
        #expect(abs(report.comparisons[0].pValue - 0.00203) < 0.0001)
        #expect(report.winner == 2)
    }

    @Test func aSmallDifferenceOnFewRatingsHasNoWinner() throws {
        let report = try registry(ratings: [1: (6, 4), 2: (7, 3)]).experiment("welcome")
        #expect(report.arms.map(\.total) == [10, 10])
        #expect(report.comparisons[0].pValue > 0.5)
        #expect(report.winner == nil)
    }

    @Test func feedbackForAnUnknownVersionIsRefused() throws {
        let registry = try registry(ratings: [1: (1, 0)])
        #expect(throws: PromptRegistryError.self) { try registry.recordFeedback("welcome", version: 9, isPositive: true) }
    }
}
