// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Dispatch
import Synchronization

/// The patterns built-in checks are written with, compiled together.
enum BuiltInPatterns {
    /// Compiles `sources`, literal patterns of a built-in check (exercised by its examples), spread over
    /// the processor's cores: compiling the built-in checks is most of what the first policy load of a
    /// process does.
    static func compile(_ sources: [String], options: Pattern.Options = []) -> [Pattern] {
        let compiled = Mutex([Pattern?](repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let pattern = try! Pattern(sources[index], options: options)
            compiled.withLock { $0[index] = pattern }
        }
        return compiled.withLock { $0.map { $0! } }
    }
}
