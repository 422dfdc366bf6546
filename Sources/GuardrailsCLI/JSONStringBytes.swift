// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The bytes a JSON string cannot hold as they are: `"`, `\` and the control characters below 0x20. The
/// filter's reader and writer look for them eight bytes at a time, since chat text goes dozens of bytes
/// between them.
enum JSONStringBytes {
    /// The offset of the first `"`, `\` or control character in `bytes` at or after `start`, or `bytes.count`
    /// when there is none.
    static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        // `(x - n) & ~x` has a byte's high bit set for a byte of `x` below `n` (`n` ≤ 0x80), and only when
        // some byte is: a borrow runs upwards from a byte below `n` alone. XOR with a repeated byte turns
        // that byte into zeros. The word where a bit is set is read again a byte at a time.
        while offset &+ 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let controls = (word &- ones &* 0x20) & ~word
            let found = controls | (quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes
            if found & highBits != 0 { break }
            offset &+= 8
        }
        while offset < bytes.count {
            let byte = base[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return offset }
            offset &+= 1
        }
        return offset
    }
}
