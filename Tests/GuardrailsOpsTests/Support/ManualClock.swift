// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Synchronization

/// A wall clock that moves only when a test moves it.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    /// A clock at `iso8601`, such as `2026-11-11T00:00:00Z`.
    init(_ iso8601: String) {
        current = Mutex(ISO8601DateFormatter().date(from: iso8601)!)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// The clock as the closure adapters take.
    var closure: @Sendable () -> Date { { self.now } }
}

/// A temporary directory removed when the value is.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "guardrails-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
