// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Dispatch
import Synchronization

/// Maps indices to values on several threads, keeping the results in index order.
enum ParallelMap {
    /// `transform(worker, 0) … transform(worker, count - 1)` on up to `jobs` threads, `worker` being the
    /// number (below `jobs`) of the thread that runs it; workers take the next index as they finish one,
    /// so uneven items balance out.
    static func map<Value: Sendable>(
        _ count: Int, jobs: Int, _ transform: @Sendable (_ worker: Int, _ index: Int) -> Value
    ) -> [Value] {
        guard jobs > 1, count > 1 else { return (0..<count).map { transform(0, $0) } }
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { worker in
            while let index = slots.claim() { slots.store(transform(worker, index), at: index) }
        }
        return slots.values()
    }
}

/// Result slots for ``ParallelMap``.
///
/// `@unchecked Sendable` is sound: `claim()` hands each index to exactly one thread (an atomic counter),
/// so each slot is written by one thread only, and `values()` reads the slots after
/// `concurrentPerform` has returned, which happens after every iteration finished.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int
    private let next = Atomic<Int>(0)

    init(count: Int) {
        self.count = count
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
