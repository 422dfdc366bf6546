// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader, or a crash, never sees half of one.
///
/// The bytes go to a temporary file in the same directory, which is flushed to disk (`fsync`) and
/// then renamed over the target: POSIX `rename` is atomic, so the file is either the old version or
/// the new one. The directory is flushed too, so the rename survives a power cut.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StorageError.posix("create", temporary, errno) }
        var isWritten = false
        defer {
            if !isWritten { unlink(temporary.path) }
        }
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { throw StorageError.posix("write", temporary, errno) }
                    offset += count
                }
            }
            guard fsync(descriptor) == 0 else { throw StorageError.posix("fsync", temporary, errno) }
        }
        guard rename(temporary.path, url.path) == 0 else { throw StorageError.posix("rename", url, errno) }
        isWritten = true
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

/// A file could not be read or written.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the file and the fix where there is one.
    public let description: String

    init(_ description: String) { self.description = description }

    static func posix(_ operation: String, _ url: URL, _ code: Int32) -> StorageError {
        StorageError("cannot \(operation) '\(url.path)': \(String(cString: strerror(code)))")
    }
}
