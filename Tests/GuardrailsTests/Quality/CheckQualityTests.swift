// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsTesting
import Testing

/// Measured precision and recall of the built-in checks on the labelled corpus in Tests/Fixtures/quality
/// (see generate.py there for where each part comes from). The floors are the product's promise.
struct CheckQualityTests {
    struct Floor: Sendable, CustomTestStringConvertible {
        let check: String
        let corpus: String
        let minimumRecall: Double
        let maximumFalsePositiveRate: Double
        var testDescription: String { "\(check): recall ≥ \(minimumRecall), false positives ≤ \(maximumFalsePositiveRate)" }
    }

    static let floors = [
        Floor(check: "pii", corpus: "pii", minimumRecall: 0.98, maximumFalsePositiveRate: 0.01),
        Floor(check: "secrets", corpus: "secrets", minimumRecall: 0.95, maximumFalsePositiveRate: 0.02),
        Floor(check: "injection", corpus: "injection", minimumRecall: 0.90, maximumFalsePositiveRate: 0.02),
        Floor(check: "medical_advice", corpus: "medical_advice", minimumRecall: 0.90, maximumFalsePositiveRate: 0.03),
        Floor(check: "toxicity", corpus: "toxicity", minimumRecall: 0.85, maximumFalsePositiveRate: 0.03),
    ]

    @Test(arguments: floors)
    func checkMeetsItsQualityFloor(_ floor: Floor) throws {
        let check = try #require(CheckRegistry.builtIn.check(named: floor.check))
            .init(options: CheckOptions(ruleID: floor.check))
        let corpus = packageRoot.appending(path: "Tests/Fixtures/quality/\(floor.corpus).jsonl")
        let result = try QualityEvaluation.evaluate(check, corpus: corpus)
        print("\n" + result.table)
        #expect(result.positives.reduce(0) { $0 + $1.count } >= 1_000, "the corpus needs thousands of positives")
        #expect(result.negatives.count >= 700, "the corpus needs hundreds of hard negatives")
        #expect(
            result.recall >= floor.minimumRecall,
            "recall \(result.recall) below \(floor.minimumRecall); missed, e.g.:\n\(result.misses.joined(separator: "\n"))")
        #expect(
            result.falsePositiveRate <= floor.maximumFalsePositiveRate,
            "false positives \(result.falsePositiveRate) above \(floor.maximumFalsePositiveRate); e.g.:\n\(result.falseAlarms.joined(separator: "\n"))")
    }

    /// The hand-written hold-out set (Tests/Fixtures/quality/holdout) uses phrasings the generated corpus
    /// does not. It is small, so it gets a looser bar; a drop below it means the checks stopped generalizing.
    @Test(arguments: floors)
    func checkGeneralizesToTheHoldOutSet(_ floor: Floor) throws {
        let check = try #require(CheckRegistry.builtIn.check(named: floor.check))
            .init(options: CheckOptions(ruleID: floor.check))
        let corpus = packageRoot.appending(path: "Tests/Fixtures/quality/holdout/\(floor.corpus).jsonl")
        let result = try QualityEvaluation.evaluate(check, corpus: corpus)
        print("\nhold-out " + result.table)
        #expect(result.recall >= floor.minimumRecall - 0.1, "missed:\n\(result.misses.joined(separator: "\n"))")
        #expect(result.falsePositiveRate <= 0.15, "flagged:\n\(result.falseAlarms.joined(separator: "\n"))")
    }
}
