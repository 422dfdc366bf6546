// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Scalar-boundary arithmetic on UTF-8 bytes.
enum UTF8Scalars {
    /// Calls `body` with the UTF-8 bytes of `text`, in place; only a string without contiguous storage
    /// (a bridged one) is copied first.
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every scalar of `text` is ASCII: one vectorisable pass over its bytes.
    static func isASCII(_ text: String) -> Bool {
        withBytes(of: text) { utf8 in utf8.reduce(UInt8(0)) { $0 | $1 } < 0x80 }
    }

    /// `byte` with an ASCII capital letter lower-cased: the case fold of the anchor pass and of the checks
    /// that compare bytes.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Whether `byte` continues a multi-byte scalar (`10xxxxxx`).
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The first scalar boundary strictly after `offset` (or `utf8.count + 1` past the end, to stop scans).
    static func nextScalarStart(in utf8: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int {
        var next = offset + 1
        while next < utf8.count, isContinuation(utf8[next]) { next += 1 }
        return next
    }

    /// `offset` moved back to the start of the scalar it falls in.
    static func scalarStart<C: Collection<UInt8>>(in utf8: C, atOrBefore offset: Int) -> Int where C.Index == Int {
        var offset = min(offset, utf8.count)
        while offset > 0, offset < utf8.count, isContinuation(utf8[offset]) { offset -= 1 }
        return offset
    }

    /// `offset` moved forward to the next scalar boundary, unless it is one already.
    static func scalarEnd<C: Collection<UInt8>>(in utf8: C, atOrAfter offset: Int) -> Int where C.Index == Int {
        var offset = max(offset, 0)
        while offset < utf8.count, isContinuation(utf8[offset]) { offset += 1 }
        return offset
    }
}

extension RandomAccessCollection<UInt8> where Index == Int {
    /// Whether `part` occurs in these bytes, compared byte for byte (an empty `part` always does).
    func contains(_ part: Self) -> Bool {
        guard let first = part.first, part.count <= count else { return part.isEmpty }
        for start in 0...(count - part.count)
        where self[start] == first && self[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }
}
