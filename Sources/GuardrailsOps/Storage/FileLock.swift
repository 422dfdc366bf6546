// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock on a file (`flock`), held for the duration of a closure.
///
/// Processes that take the lock on the same file run their closures one at a time, so a
/// read-modify-write of shared files cannot interleave. Each call opens the file anew, so two threads
/// of one process exclude each other too. The lock is released when the closure returns or throws,
/// and by the kernel if the process dies.
enum FileLock {
    static func withLock<Result>(at url: URL, _ body: () throws -> Result) throws -> Result {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StorageError.posix("open the lock file", url, errno) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StorageError.posix("lock", url, errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
