// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Words near a match that make it more (or less) likely to be what it looks like.
///
/// Words match on token boundaries only: `lic` does not fire inside `public`. A word that starts or ends
/// with an ASCII letter or digit needs a non-alphanumeric neighbour on that side; words in scripts without
/// spaces (Korean `전화`) match as written, since particles attach to them.
struct ContextWords: Sendable {
    private let words: [[UInt8]]

    init(_ words: [String]) {
        self.words = Array(Set(words.map { Array($0.lowercased().utf8) })).filter { !$0.isEmpty }
    }

    var isEmpty: Bool { words.isEmpty }

    /// Whether a word appears within `window` bytes before `span` or after it in `text`.
    func appear(near span: Span, in text: String, window: Int = 48) -> Bool {
        guard !words.isEmpty else { return false }
        let utf8 = text.utf8
        let count = utf8.count
        let lower = max(0, span.start - window)  // a partial scalar at the edge matches no word
        let upper = min(count, span.end + window)
        let region = Array(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
            .map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return words.contains { word in Self.contains(word, in: region) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }

    private static func contains(_ word: [UInt8], in region: [UInt8]) -> Bool {
        guard word.count <= region.count else { return false }
        let checksStart = isAlphanumeric(word[0])
        let checksEnd = isAlphanumeric(word[word.count - 1])
        var start = 0
        while start + word.count <= region.count {
            if region[start] == word[0], region[start..<(start + word.count)].elementsEqual(word) {
                let before = start == 0 || !checksStart || !isAlphanumeric(region[start - 1])
                let afterIndex = start + word.count
                let after = afterIndex == region.count || !checksEnd || !isAlphanumeric(region[afterIndex])
                if before, after { return true }
            }
            start += 1
        }
        return false
    }
}
