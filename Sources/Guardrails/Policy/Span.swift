// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A half-open range of UTF-8 byte offsets into the original input of an evaluation.
///
/// Offsets count UTF-8 bytes, not characters: in `"é@x"`, `@` starts at offset 2. Use
/// ``range(in:)`` or ``text(in:)`` to get back to `String` indices at the edges of a program.
public struct Span: Hashable, Sendable {
    /// UTF-8 byte offset of the first byte (0-based).
    public var start: Int
    /// UTF-8 byte offset one past the last byte.
    public var end: Int

    /// Creates a span from `start` up to, not including, `end`. Requires `0 <= start <= end`.
    public init(start: Int, end: Int) {
        precondition(start >= 0 && start <= end, "a span needs 0 <= start <= end, got \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    /// Creates a span from a range of UTF-8 byte offsets.
    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    /// The offsets as a range.
    public var range: Range<Int> { start..<end }

    /// Number of UTF-8 bytes covered.
    public var count: Int { end - start }

    /// Whether the span covers no bytes.
    public var isEmpty: Bool { start == end }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// The `String.Index` range of this span in `text`, the string it was reported for.
    ///
    /// Offsets that fall inside a multi-byte scalar are rounded outward to scalar boundaries.
    public func range(in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let count = utf8.count
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lower = min(start, count)
        var upper = min(end, count)
        while lower > 0, lower < count, UTF8Scalars.isContinuation(utf8[index(lower)]) { lower -= 1 }
        while upper < count, UTF8Scalars.isContinuation(utf8[index(upper)]) { upper += 1 }
        return index(lower)..<index(upper)
    }

    /// The text this span covers in `text`, the string it was reported for.
    public func text(in text: String) -> Substring { text[range(in: text)] }
}

extension Span: Comparable {
    /// Orders by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension Span: CustomStringConvertible {
    /// "12..<28".
    public var description: String { "\(start)..<\(end)" }
}
