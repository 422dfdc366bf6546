// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Words near a match that make it more (or less) likely to be what it looks like.
///
/// Words match on token boundaries only: `lic` does not fire inside `public`. A word that starts or ends
/// with an ASCII letter or digit needs a non-alphanumeric neighbour on that side; words in scripts without
/// spaces (Korean `전화`) match as written, since particles attach to them.
struct ContextWords: Sendable {
    /// The words, lower-cased, by their first byte: the bytes around a match are read once, and only the
    /// words that start with a byte are compared where it occurs.
    private let wordsByFirstByte: [[[UInt8]]]

    init(_ words: [String]) {
        var wordsByFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for word in Set(words.map { Array($0.lowercased().utf8) }) where !word.isEmpty {
            wordsByFirstByte[Int(word[0])].append(word)
        }
        self.wordsByFirstByte = wordsByFirstByte
        isEmpty = !wordsByFirstByte.contains { !$0.isEmpty }
    }

    let isEmpty: Bool

    /// Whether a word appears within `window` bytes before `span` or after it in `text`.
    func appear(near span: Span, in text: String, window: Int = 48) -> Bool {
        guard !isEmpty else { return false }
        let count = text.utf8.count
        let lower = max(0, span.start - window)  // a partial scalar at the edge matches no word
        let upper = min(count, span.end + window)
        guard lower < upper else { return false }
        return UTF8Scalars.withBytes(of: text) { appear(in: UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
    }

    /// Whether a word appears in `region`, whose edges count as token boundaries.
    private func appear(in region: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in region.indices {
            for word in wordsByFirstByte[Int(UTF8Scalars.lowercased(region[start]))]
            where Self.holds(word, at: start, in: region) {
                return true
            }
        }
        return false
    }

    /// Whether `word` is in `region` at `start`, ASCII case folded, on token boundaries.
    private static func holds(_ word: [UInt8], at start: Int, in region: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = start + word.count
        guard end <= region.count else { return false }
        for index in 1..<word.count where UTF8Scalars.lowercased(region[start + index]) != word[index] { return false }
        let before = start == 0 || !isAlphanumeric(word[0]) || !isAlphanumeric(region[start - 1])
        let after = end == region.count || !isAlphanumeric(word[word.count - 1]) || !isAlphanumeric(region[end])
        return before && after
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }
}
