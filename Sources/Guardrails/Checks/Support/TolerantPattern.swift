// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization

/// A pattern written for normalized text, with a second form for text whose spaced-out letters were joined.
///
/// Joining `i g n o r e a l l` gives `ignoreall`: neighbouring spaced words touch. The second form relaxes
/// every `\s+` to `\s*` and drops word boundaries, and runs only on that joined view.
///
/// The second forms of a lexicon are compiled together the first time a text with spaced letters needs
/// them (``JoinedForms``): most texts have none, and the forms are half of what loading a lexicon costs.
/// They are not in the policy's prefilter, but their literals are the first forms' (relaxing `\s+` and
/// dropping `\b` adds none), and literal ids are process-wide, so the policy's anchor pass still tells
/// where they can match; a literal it does not record the positions of makes a form scan the whole text.
struct TolerantPattern: Sendable {
    let pattern: Pattern
    private let joinedForms: JoinedForms
    private let index: Int

    /// Compiles the literal patterns of a built-in check (exercised by its examples), spread over the
    /// processor's cores: the lexicons are most of what the first policy load of a process does.
    static func compiling(_ sources: [String]) -> [TolerantPattern] {
        let joinedForms = JoinedForms(sources: sources)
        return compile(sources).enumerated().map { TolerantPattern(pattern: $1, joinedForms: joinedForms, index: $0) }
    }

    /// `source` with every `\s+` relaxed to `\s*` and its word boundaries dropped.
    static func relaxed(_ source: String) -> String {
        source.replacingBytes(#"\s+"#, with: #"\s*"#).replacingBytes(#"\b"#, with: "")
            .replacingBytes("(?<![a-z0-9])", with: "").replacingBytes("(?![a-z0-9])", with: "")
    }

    /// Literal patterns, compiled on every core.
    fileprivate static func compile(_ sources: [String]) -> [Pattern] {
        BuiltInPatterns.compile(sources, options: [.ucp])
    }

    /// Calls `body` with the original-text span and the normalized text of each match: first in the
    /// `normalized` view, then in the `joined` view (see ``NormalizedViews``) for matches that do not
    /// overlap those.
    ///
    /// The views are values a check reads out of its ``NormalizedViews`` once per text: read from the object
    /// for each pattern, their text was retained and released for each pattern of a lexicon. The matches
    /// are collected first and mapped to the original text after: a closure that mapped them as they came
    /// captured a view, and so copied, retained and released its offset arrays and text on every call,
    /// though few texts have a match at all.
    func forEachMatch(
        in normalized: NormalizedText, joined: NormalizedText?, scratch: MatchScratch, _ body: (Span, Substring) -> Void
    ) throws {
        var matches: [Span] = []
        try pattern.forEachMatch(in: normalized.text, scratch: scratch) { matches.append($0) }
        var spans: [Span] = []
        for match in matches {
            let span = normalized.originalSpan(of: match)
            spans.append(span)
            body(span, match.text(in: normalized.text))
        }
        guard let joined else { return }
        matches.removeAll(keepingCapacity: true)
        try touchingWords.forEachMatch(in: joined.text, scratch: scratch) { matches.append($0) }
        for match in matches {
            let span = joined.originalSpan(of: match)
            guard !spans.contains(where: { $0.overlaps(span) }) else { continue }
            body(span, match.text(in: joined.text))
        }
    }

    /// The first match, preferring the `normalized` view to the `joined` one.
    func firstMatch(
        in normalized: NormalizedText, joined: NormalizedText?, scratch: MatchScratch
    ) throws -> (span: Span, matched: Substring)? {
        if let match = try pattern.firstMatch(in: normalized.text, scratch: scratch) {
            return (normalized.originalSpan(of: match), match.text(in: normalized.text))
        }
        if let joined, let match = try touchingWords.firstMatch(in: joined.text, scratch: scratch) {
            return (joined.originalSpan(of: match), match.text(in: joined.text))
        }
        return nil
    }

    /// The form for joined text; the first use compiles the lexicon's.
    var touchingWords: Pattern { joinedForms.patterns[index] }

    /// The forms of a lexicon's patterns for joined text, compiled on first use. The first text with spaced
    /// letters in a process waits for them: about as long as loading took for the lexicon's first forms.
    final class JoinedForms: Sendable {
        /// The sources of the lexicon's first forms, relaxed on first use too.
        private let sources: [String]
        private let compiled = Mutex<[Pattern]?>(nil)

        init(sources: [String]) {
            self.sources = sources
        }

        /// The forms, in the lexicon's order, compiled on the first call; later calls wait for the first.
        var patterns: [Pattern] {
            compiled.withLock { compiled in
                if let compiled { return compiled }
                let patterns = TolerantPattern.compile(sources.map(TolerantPattern.relaxed))
                compiled = patterns
                return patterns
            }
        }
    }
}

/// The normalized views of one text that obfuscation-aware checks match against, built once per
/// evaluation and kept in its scratch for every check that asks.
///
/// A class that each ``MatchScratch`` keeps and fills again for the next text, so that handing the views
/// to each of a lexicon's patterns costs one reference count, where a struct cost a copy of three strings
/// and four arrays per pattern, and keeping them costs no allocation. Like the scratch, it is used on one
/// thread at a time.
final class NormalizedViews {
    /// The text the views are of; `nil` before the first text and after ``forget()``.
    private(set) var source: String?
    /// Case, accents, homoglyphs, invisible characters and leetspeak undone.
    private(set) var normalized = NormalizedText("")
    /// The same with spaced-out letters joined; `nil` when the text has none.
    private(set) var joined: NormalizedText?

    /// Views of no text yet.
    init() {}

    /// Makes these the views of `text`.
    private func show(_ text: String) {
        source = text
        normalized = NormalizedText(text, options: [.leet])
        joined = normalized.hasSpacedLetters ? NormalizedText(text, options: [.leet, .collapsingSpacedLetters]) : nil
    }

    /// Lets go of the last text's views.
    func forget() {
        source = nil
        normalized = NormalizedText("")
        joined = nil
    }

    /// The views of `text`, built once per evaluation and shared by every check that asks.
    static func of(_ text: String, cachedIn scratch: MatchScratch) -> NormalizedViews {
        let views = scratch.normalizedViews
        if views.source == text { return views }
        views.show(text)
        if views.normalized.isASCIICaseFold { scratch.shareAnchorScan(of: text, with: views.normalized.text) }
        return views
    }
}

@available(*, unavailable)
extension NormalizedViews: Sendable {}

extension String {
    /// Every occurrence of `target` replaced with `replacement`, compared byte by byte. A pattern's
    /// source needs no Unicode equivalence, and this is a hundred times cheaper than `replacing(_:with:)`,
    /// which showed up in the first policy load.
    fileprivate func replacingBytes(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let target = Array(target.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: target) {
                result += replacement.utf8
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
