// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization

/// Evaluation scratch memory kept between the evaluations of one policy, so that an evaluation allocates
/// almost nothing: PCRE2 match data and context, candidate buffers and anchor scans are reused.
///
/// Each evaluation takes a scratch, uses it on its own thread, and gives it back; the pool keeps at most
/// ``capacity`` of them, enough for as many evaluations at once as a machine has threads for.
final class ScratchPool: Sendable {
    /// A scratch waiting in the pool. `@unchecked Sendable` is sound: only the pool refers to a parked
    /// scratch; ``take()`` hands it, under the lock, to one evaluation, which alone uses it until
    /// ``give(_:)`` parks it again under the lock, so no two threads ever use one scratch at once.
    private struct Parked: @unchecked Sendable {
        let scratch: MatchScratch
    }

    /// Scratches kept at most.
    static let capacity = 32

    private let prefilter: Prefilter
    private let parked = Mutex<[Parked]>([])

    init(prefilter: Prefilter) {
        self.prefilter = prefilter
    }

    /// A scratch for one evaluation: a parked one, or a new one when none is left.
    func take() -> MatchScratch {
        parked.withLock { $0.popLast() }?.scratch ?? MatchScratch(prefilter: prefilter)
    }

    /// Parks `scratch`, cleared, for a later evaluation; the caller must not use it again.
    func give(_ scratch: MatchScratch) {
        scratch.reset()
        let parked = Parked(scratch: scratch)
        self.parked.withLock { pool in
            if pool.count < Self.capacity { pool.append(parked) }
        }
    }
}
