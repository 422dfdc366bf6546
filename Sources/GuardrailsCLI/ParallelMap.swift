// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Dispatch
import Synchronization

/// Maps indices to values on several threads, keeping the results in index order.
enum ParallelMap {
    /// `transform(worker, 0) … transform(worker, count - 1)` on up to `jobs` threads, `worker` being the
    /// number (below `jobs`) of the thread that runs it.
    ///
    /// Worker `w` starts with index `w`, so each of the `min(jobs, count)` workers transforms at least one
    /// index even when the dispatch pool is busy and runs them one after another; then workers take the next
    /// index as they finish one, so uneven items balance out.
    static func map<Value: Sendable>(
        _ count: Int, jobs: Int, _ transform: @Sendable (_ worker: Int, _ index: Int) -> Value
    ) -> [Value] {
        guard jobs > 1, count > 1 else { return (0..<count).map { transform(0, $0) } }
        let workers = min(jobs, count)
        let slots = Slots<Value>(count: count, firstClaimed: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index: Int? = worker
            while let claimed = index {
                slots.store(transform(worker, claimed), at: claimed)
                index = slots.claim()
            }
        }
        return slots.values()
    }
}

/// Result slots for ``ParallelMap``.
///
/// `@unchecked Sendable` is sound: the indices below `firstClaimed` go one to each worker, and `claim()`
/// hands each later index to exactly one thread (an atomic counter), so each slot is written by one thread
/// only, and `values()` reads the slots after `concurrentPerform` has returned, which happens after every
/// iteration finished.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int
    private let next: Atomic<Int>

    /// Slots for `count` values, the indices below `firstClaimed` already handed out.
    init(count: Int, firstClaimed: Int) {
        self.count = count
        next = Atomic(firstClaimed)
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func claim() -> Int? {
        let index = next.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    func store(_ value: Value, at index: Int) { storage[index] = value }

    func values() -> [Value] { (0..<count).map { storage[$0]! } }
}
