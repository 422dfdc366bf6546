// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A set of byte values, as 256 bits.
///
/// The pattern analysis of ``LiteralAnchors`` uses it for the bytes a part of a pattern can begin with,
/// and so for the bytes that can follow a window literal (see ``LiteralAnchors/windowFollowers``).
struct ByteSet: Hashable, Sendable {
    private var words = SIMD4<UInt64>()

    /// No byte.
    init() {}

    /// The bytes of `bytes`.
    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    /// Every byte from `0x80` up: where a character beyond ASCII can begin, for a set that must hold them.
    static let beyondASCII = ByteSet(0x80...0xFF)

    mutating func insert(_ byte: UInt8) {
        words[Int(byte >> 6)] |= 1 << UInt64(byte & 63)
    }

    func contains(_ byte: UInt8) -> Bool {
        words[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.words |= other.words
        return result
    }

    /// The union with `other`, where `nil` stands for every byte: `nil` when `other` is.
    func union(orAny other: ByteSet?) -> ByteSet? { other.map(union) }

    /// The bytes, in increasing order.
    var bytes: [UInt8] { (0...255).map(UInt8.init).filter(contains) }
}
