// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization
import Testing

@testable import GuardrailsCLI

/// Mapping on several threads: ``ParallelMap``.
struct ParallelMapTests {
    @Test func resultsKeepIndexOrderAndEachIndexIsTransformedOnce() {
        let calls = Mutex<[Int]>([])
        let squares = ParallelMap.map(1_000, jobs: 3) { _, index in
            calls.withLock { $0.append(index) }
            return index * index
        }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(calls.withLock { $0.sorted() } == Array(0..<1_000))
    }

    @Test func eachWorkerTransformsAtLeastOneIndex() {
        // However the dispatch pool schedules the workers, worker w starts with index w.
        for _ in 0..<20 {
            let workers = ParallelMap.map(3, jobs: 3) { worker, _ in worker }
            #expect(workers == [0, 1, 2])
            let many = ParallelMap.map(64, jobs: 2) { worker, _ in worker }
            #expect(Set(many) == [0, 1])
        }
    }

    @Test func oneJobOrOneIndexRunsOnTheFirstWorker() {
        #expect(ParallelMap.map(5, jobs: 1) { worker, index in worker * 10 + index } == [0, 1, 2, 3, 4])
        #expect(ParallelMap.map(1, jobs: 4) { worker, index in worker * 10 + index } == [0])
        #expect(ParallelMap.map(0, jobs: 4) { worker, _ in worker }.isEmpty)
    }
}
