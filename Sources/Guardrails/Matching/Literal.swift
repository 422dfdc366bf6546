// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A byte string of at most ``capacity`` bytes, stored inline.
///
/// The pattern analysis of ``LiteralAnchors`` builds sets of thousands of short strings for every
/// policy it loads. As `[UInt8]` each of them was a heap object to allocate, reference-count and hash
/// byte by byte; a `Literal` is 40 bytes of plain data, hashed in one round (see ``hash(into:)``).
struct Literal: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The longest string a literal holds: the analysis' longest literal plus its word-start marker.
    static let capacity = 32

    /// The bytes, followed by zeros up to ``capacity``: equal strings have equal storage.
    private var storage = SIMD32<UInt8>()
    /// The number of bytes.
    private(set) var count = 0

    /// The empty string.
    init() {}

    /// The bytes of `bytes`, which holds at most ``capacity`` of them.
    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { append(byte) }
    }

    init(arrayLiteral bytes: UInt8...) {
        self.init(bytes)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "Literal index out of range")
        return storage[position]
    }

    /// Adds `byte` at the end.
    mutating func append(_ byte: UInt8) {
        precondition(count < Self.capacity, "a literal holds at most \(Self.capacity) bytes")
        storage[count] = byte
        count += 1
    }

    /// `self` followed by `other`, cut after `limit` bytes.
    func appending(_ other: Literal, upTo limit: Int = Literal.capacity) -> Literal {
        var result = self
        for byte in other where result.count < limit { result.append(byte) }
        return result
    }

    /// The string without its first byte; the empty string stays empty.
    func droppingFirst() -> Literal {
        Literal(dropFirst())
    }

    /// Whether the bytes of `other` occur in this string, one after another.
    func contains(_ other: Literal) -> Bool {
        guard other.count <= count else { return false }
        return withUnsafeBytes(of: storage) { mine in
            withUnsafeBytes(of: other.storage) { theirs in
                for start in 0...(count - other.count) {
                    var offset = 0
                    while offset < other.count, mine[start + offset] == theirs[offset] { offset += 1 }
                    if offset == other.count { return true }
                }
                return false
            }
        }
    }

    /// The bytes as an array, as public API reports them.
    var bytes: [UInt8] { Array(self) }

    static func == (a: Literal, b: Literal) -> Bool {
        a.count == b.count && a.storage == b.storage
    }

    /// A total order that is cheap to compute, for keeping literals sorted (``LiteralSet``): by length,
    /// then by the stored bytes read as words. It is not the lexicographic order of the bytes.
    func sortsBefore(_ other: Literal) -> Bool {
        if count != other.count { return count < other.count }
        return withUnsafeBytes(of: storage) { mine in
            withUnsafeBytes(of: other.storage) { theirs in
                for offset in stride(from: 0, to: Self.capacity, by: 8) {
                    let a = mine.load(fromByteOffset: offset, as: UInt64.self)
                    let b = theirs.load(fromByteOffset: offset, as: UInt64.self)
                    if a != b { return a < b }
                }
                return false
            }
        }
    }

    /// One word to hash: the first eight bytes, mixed with the rest when there are more. Most literals
    /// are words of eight bytes or fewer, so this is one round of the hasher instead of one per byte.
    func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: storage) { words in
            var mixed = words.load(fromByteOffset: 0, as: UInt64.self)
            if count > 8 {
                mixed ^= words.load(fromByteOffset: 8, as: UInt64.self) &* 0x9E37_79B9_7F4A_7C15
                mixed ^= words.load(fromByteOffset: 16, as: UInt64.self) &* 0xC2B2_AE3D_27D4_EB4F
                mixed ^= words.load(fromByteOffset: 24, as: UInt64.self) &* 0x1656_67B1_9E37_79F9
            }
            hasher.combine(mixed)
        }
    }
}
