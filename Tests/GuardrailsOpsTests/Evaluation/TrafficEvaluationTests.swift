// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import Testing

struct TrafficEvaluationTests {
    @Test func parsesLogLinesWithFieldAliasesAndNamesWhatIsMissing() throws {
        let exchange = LoggedExchange.parse(#"{"id": 7, "question": "q?", "answer": "a.", "reference": "r"}"#, line: 3)
        #expect(try exchange.get() == LoggedExchange(line: 3, prompt: "q?", response: "a.", reference: "r"))
        #expect(LoggedExchange.parse(#"{"prompt": "q"}"#, line: 4).failure?.description == #"line 4: no "response" (or "answer", "output") string"#)
        #expect(LoggedExchange.parse("[1, 2]", line: 5).failure?.description == "line 5: not a JSON object")
        #expect(LoggedExchange.parse(#"{"prompt": "q", "#, line: 6).failure?.reason == "not a JSON object")
    }

    @Test func aReservoirSampleIsUniformAndRepeatableForASeed() {
        var hits = Array(repeating: 0, count: 100)
        for seed in 0..<2_000 {
            var sample = ReservoirSample<Int>(capacity: 10, seed: UInt64(seed))
            for value in 0..<100 { sample.offer(value) }
            #expect(sample.elements.count == 10)
            for value in sample.elements { hits[value] += 1 }
        }
        // Each value is kept with probability 10/100: 200 of 2,000 runs; 4 standard deviations is ±54.
        #expect(hits.allSatisfy { (146...254).contains($0) }, "\(hits)")
        var first = ReservoirSample<Int>(capacity: 5, seed: 42)
        var second = ReservoirSample<Int>(capacity: 5, seed: 42)
        for value in 0..<1_000 {
            first.offer(value)
            second.offer(value)
        }
        #expect(first.elements == second.elements)
        #expect(first.elements == first.elements.sorted())
        #expect(first.seen == 1_000)
    }

    @Test func aSampleSmallerThanItsCapacityKeepsEverything() {
        var sample = ReservoirSample<String>(capacity: 200, seed: 1)
        for value in ["a", "b", "c"] { sample.offer(value) }
        #expect(sample.elements == ["a", "b", "c"])
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
