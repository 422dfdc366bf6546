// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A set of byte values: each ASCII byte, and the bytes beyond ASCII all at once.
///
/// The pattern analysis of ``LiteralAnchors`` uses it for the bytes a part of a pattern can begin with,
/// and so for the bytes that can follow a prefix or a window literal (see
/// ``LiteralAnchors/windowFollowers``). Where the analysis knows nothing it uses ``all``. The bytes beyond
/// ASCII are one member, which loses little (the literals are ASCII, and so is most text), and keeps the set
/// at 17 bytes: the analysis copies it with every part of every pattern.
struct ByteSet: Hashable, Sendable {
    /// Bytes `0x00` to `0x3F`, one bit each.
    private var low: UInt64 = 0
    /// Bytes `0x40` to `0x7F`.
    private var high: UInt64 = 0
    /// Whether the set holds every byte from `0x80` up.
    private var beyondASCII = false

    /// No byte.
    init() {}

    /// The bytes of `bytes`; any byte beyond ASCII brings all of them.
    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    /// Every byte from `0x80` up: where a character beyond ASCII can begin, for a set that must hold them.
    static let beyondASCII = ByteSet(CollectionOfOne(0x80))
    /// Every byte.
    static let all = ByteSet(0...0xFF)

    /// Adds `byte`, and every byte beyond ASCII with one of them.
    mutating func insert(_ byte: UInt8) {
        switch byte {
        case ..<0x40: low |= 1 << UInt64(byte)
        case ..<0x80: high |= 1 << UInt64(byte & 0x3F)
        default: beyondASCII = true
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        switch byte {
        case ..<0x40: low >> UInt64(byte) & 1 != 0
        case ..<0x80: high >> UInt64(byte & 0x3F) & 1 != 0
        default: beyondASCII
        }
    }

    /// Whether every byte of this set is in `other`.
    func isSubset(of other: ByteSet) -> Bool {
        low & ~other.low == 0 && high & ~other.high == 0 && (!beyondASCII || other.beyondASCII)
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.low |= other.low
        result.high |= other.high
        result.beyondASCII = beyondASCII || other.beyondASCII
        return result
    }

    /// The bytes, in increasing order.
    var bytes: [UInt8] { (0...255).map(UInt8.init).filter(contains) }
}
