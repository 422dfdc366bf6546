// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in bounded memory.
///
/// A line longer than the limit is skipped to its end and reported as ``Line/tooLong(byteCount:)``,
/// so one huge record costs no more memory than the limit and the lines after it are still read.
final class LineReader {
    /// One line, without its `\n`.
    enum Line: Equatable, Sendable {
        case text([UInt8])
        case tooLong(byteCount: Int)

        /// Bytes held in memory for the line.
        var byteCount: Int {
            if case .text(let bytes) = self { return bytes.count }
            return 0
        }
    }

    private let fileDescriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var isAtEnd = false
    private(set) var readError: Int32?
    private static let chunk = 1 << 16

    /// Called before every `read` that may block, so output for the lines already read goes out
    /// first (what makes `tail -f | guardrails filter` show results as lines arrive).
    var beforeRead: () -> Void = {}

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        self.buffer = [UInt8](repeating: 0, count: Self.chunk)
    }

    /// The next line, or `nil` at the end of input. Lines longer than `limit` bytes are not kept.
    func nextLine(limit: Int) -> Line? {
        var skipped = 0  // bytes of an over-long line dropped so far
        while true {
            if let newline = bufferedNewline() { return take(upTo: newline, skipped: skipped, limit: limit) }
            if end - start > limit {
                skipped += end - start
                start = 0
                end = 0
            }
            if isAtEnd {
                defer { start = end }
                if skipped > 0 { return .tooLong(byteCount: skipped + end - start) }
                return start < end ? .text(Array(buffer[start..<end])) : nil
            }
            fill()
        }
    }

    /// The next line if it is already in the buffer or can be read without waiting (or the input has
    /// ended); `nil` when reading it would wait for input.
    func nextBufferedLine(limit: Int) -> Line? {
        while true {
            if let newline = bufferedNewline() { return take(upTo: newline, skipped: 0, limit: limit) }
            if isAtEnd { return nextLine(limit: limit) }
            // An over-long line is left to `nextLine`, which skips it.
            guard end - start <= limit, isReadable else { return nil }
            fill()
        }
    }

    /// All remaining input, unless it is longer than `limit` bytes (then `nil`, having read only `limit + 1`).
    func readAll(limit: Int) -> [UInt8]? {
        while !isAtEnd, end - start <= limit { fill() }
        guard end - start <= limit else { return nil }
        defer { start = end }
        return Array(buffer[start..<end])
    }

    /// The index of the first `\n` in the buffered bytes.
    private func bufferedNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            return memchr(base + start, 0x0A, end - start).map { base.distance(to: UnsafeRawPointer($0)) }
        }
    }

    /// The line from `start` to `newline`, `skipped` bytes of it already dropped, and moves past it.
    private func take(upTo newline: Int, skipped: Int, limit: Int) -> Line {
        defer { start = newline + 1 }
        if skipped > 0 { return .tooLong(byteCount: skipped + newline - start) }
        if newline - start > limit { return .tooLong(byteCount: newline - start) }
        return .text(Array(buffer[start..<newline]))
    }

    /// Whether a `read` would return at once: input is waiting, or it has ended.
    private var isReadable: Bool {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func fill() {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if buffer.count - end < Self.chunk {
            buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, Self.chunk)))
        }
        beforeRead()
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                read(fileDescriptor, bytes.baseAddress! + end, bytes.count - end)
            }
            if count > 0 {
                end += count
                return
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 { readError = errno }
            isAtEnd = true
            return
        }
    }
}
