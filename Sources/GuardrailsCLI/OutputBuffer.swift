// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to a file descriptor, flushed explicitly or when 64 KiB pile up.
final class OutputBuffer {
    private let fileDescriptor: Int32
    private(set) var bytes: [UInt8] = []
    private static let threshold = 1 << 16

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        bytes.reserveCapacity(Self.threshold)
    }

    func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.threshold { flush() }
    }

    func write(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
        if bytes.count >= Self.threshold { flush() }
    }

    func flush() {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the reader went away; nothing useful can be done with the rest
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
