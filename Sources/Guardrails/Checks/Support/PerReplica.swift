// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization

/// A value a built-in check builds once per replica of a policy (see ``CheckOptions/replica``): the
/// compiled patterns of its lexicon, shared by every policy of that replica in the process.
final class PerReplica<Value: Sendable>: Sendable {
    private let values = Mutex<[Int: Value]>([:])
    private let make: @Sendable () -> Value

    /// A value that `make` builds the first time each replica asks.
    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value of `replica`, built on its first use; other replicas' first uses wait meanwhile.
    func callAsFunction(_ replica: Int) -> Value {
        values.withLock { values in
            if let value = values[replica] { return value }
            let value = make()
            values[replica] = value
            return value
        }
    }
}
