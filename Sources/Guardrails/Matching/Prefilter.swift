// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a text that tells, for every pattern of a policy at once, whether the pattern can match
/// it and where a match can start.
///
/// Each ``Pattern`` knows its ``LiteralAnchors``: literals one of which every match contains, its
/// branches (the requirements and prefixes of each alternative), window literals that every match holds
/// near its start, and a minimum count of ASCII digits. A policy's prefilter compiles them for all its
/// patterns into one ``AnchorAutomaton`` (single bytes go to `memchr` instead). Evaluating a text scans
/// it once (per normalized view); then a pattern
/// - is skipped when the text has too few digits, none of its literals, or no branch with all it needs;
/// - runs PCRE2's JIT only at the offsets where a prefix of an admitted branch occurred, when every
///   admitted branch has prefixes;
/// - else only in the windows just before its window literals, when it has those;
/// - runs over the whole text otherwise.
///
/// Findings are exactly those of running every pattern over the whole text: anchors are necessary
/// conditions, never guesses. Patterns the prefilter was not built with (a custom check that does not
/// list its ``Check/patterns``) always run over the whole text.
final class Prefilter: Sendable {
    /// Texts shorter than this skip the anchor pass: PCRE2 is as quick on them, and short strings may be
    /// stored inline, where their bytes have no stable address to cache the scan by.
    static let minimumTextLength = 32
    /// A pattern with more candidate offsets than this in a text scans the text from the first one: one
    /// try per 16 bytes costs about what a full scan does, and never fewer than 256 tries.
    static func maximumCandidates(forLength length: Int) -> Int { max(256, length / 16) }

    private let automaton: AnchorAutomaton
    /// Literals of one byte: `memchr` tells whether they occur faster than the automaton, which would stop
    /// at every occurrence of a common byte such as `.`, `-` or `i`.
    private let singleBytes: [(id: Int32, byte: UInt8)]
    /// Bit set over literal ids: the literals whose presence the pass finds out. Any other literal may be
    /// anywhere.
    private let covered: [UInt64]
    /// ``covered``'s complement: where each scan's present set starts.
    private let uncovered: [UInt64]
    /// Bit set over literal ids: those whose positions the automaton records.
    private let positional: [UInt64]
    /// Literals of one byte whose positions some pattern needs, by literal id: their index in
    /// ``searched``, or -1. Their positions are searched for only when a pattern asks, once per text.
    private let searchedSlot: [Int16]
    private let searched: [SearchedByte]
    /// The ids of ``LiteralID/beyondASCIIFolds``, read once.
    private let beyondASCIIFolds = LiteralID.beyondASCIIFolds

    /// Builds the prefilter for `patterns`.
    init(patterns: [Pattern]) {
        var tested = Set<Int32>(LiteralID.beyondASCIIFolds)  // literals whose presence some pattern tests
        var wanted = Set<Int32>()  // literals whose positions some pattern needs
        var uses: [Int32: SearchedByte.Use] = [:]  // what all of them ask of those positions, by literal
        for pattern in patterns {
            tested.formUnion(pattern.anchorIDs)
            tested.formUnion(pattern.filter.prefixIDs)
            tested.formUnion(pattern.filter.requirementIDs)
            wanted.formUnion(pattern.filter.prefixIDs)
            wanted.formUnion(pattern.windowIDs)
            for use in SearchedByte.uses(by: pattern) {
                uses[use.id] = uses[use.id].map { $0.merged(with: use.use) } ?? use.use
            }
        }
        let ids = tested.union(wanted)
        // A literal's first bytes occur wherever it does: looking for at most 8 keeps the automaton small
        // enough for the cache, and PCRE2 checks the rest.
        let literals = ids.sorted().map { (id: $0, bytes: Array(LiteralID.bytes(of: $0).prefix(AnchorAutomaton.maximumLiteralLength))) }
        // A literal of two letters that no pattern needs the positions of is left out: nearly every text holds
        // one, so whether it does rules out next to nothing, and the automaton would stop at each occurrence.
        let scanned = literals.filter {
            $0.bytes.count > 1 && (wanted.contains($0.id) || !Self.isCommonWord($0.bytes))
        }
        let positional = Set(scanned.map(\.id)).intersection(wanted)
        // A single byte that is only a window literal (a digit, mostly) needs its positions, never its presence.
        singleBytes = literals.filter { $0.bytes.count == 1 && tested.contains($0.id) }.map { ($0.id, $0.bytes[0]) }
        automaton = AnchorAutomaton(literals: scanned, positional: positional)
        let words = (Int(ids.max() ?? 0) >> 6) + 1
        covered = Self.bitSet(Set(scanned.map(\.id)).union(singleBytes.map(\.id)), words: words)
        uncovered = covered.map { ~$0 }
        self.positional = Self.bitSet(positional, words: words)
        let searched = literals.filter { $0.bytes.count == 1 && wanted.contains($0.id) }
        var searchedSlot = [Int16](repeating: -1, count: words * 64)
        for (slot, literal) in searched.enumerated() { searchedSlot[Int(literal.id)] = Int16(slot) }
        self.searchedSlot = searchedSlot
        self.searched = searched.map { SearchedByte(byte: $0.bytes[0], use: uses[$0.id] ?? .anyOccurrence) }
    }

    /// Whether `literal` is two ASCII letters, such as "in" or "to", which nearly every text holds.
    static func isCommonWord(_ literal: [UInt8]) -> Bool {
        literal.count == 2 && literal.allSatisfy { $0 &- 0x61 < 26 }
    }

    private static func bitSet(_ ids: Set<Int32>, words: Int) -> [UInt64] {
        var set = [UInt64](repeating: 0, count: words)
        for id in ids { set.insert(literal: id) }
        return set
    }

    /// Scans `bytes` once, into `scan`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into scan: AnchorScan) {
        scan.fill(bytes, automaton: automaton, uncovered: uncovered, searchedSlots: searched.count)
        let digits = Self.digitCount(bytes)
        if let base = bytes.baseAddress {
            // A text without digits holds none of the digit literals: no need to look.
            for (id, byte) in singleBytes
            where (digits > 0 || !LiteralAnchors.Node.isDigit(byte)) && memchr(base, Int32(byte), bytes.count) != nil
                || byte &- 0x61 < 26 && memchr(base, Int32(byte - 0x20), bytes.count) != nil
            {
                scan.insert(literal: id)
            }
        }
        scan.finish(digits: digits, beyondASCIIFolds: beyondASCIIFolds)
    }

    /// The ASCII digits in `bytes`, counted in byte lanes 255 bytes at a time: a loop the compiler
    /// vectorises, where one that counts into an `Int` is a compare and a branch per byte.
    static func digitCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var total = 0
        var start = 0
        while start < bytes.count {
            let block = base + start
            let length = min(255, bytes.count &- start)
            var digits: UInt8 = 0
            for index in 0..<length {
                // 1 exactly when the byte is a digit, without a branch: below 10, the subtraction wraps.
                digits &+= UInt8(truncatingIfNeeded: (UInt16(block[index] &- 0x30) &- 10) >> 15)
            }
            total &+= Int(digits)
            start &+= length
        }
        return total
    }

    /// Whether the scanned text may hold one of the literals of `set`: one the pass found, or one it does not
    /// look for, which may be anywhere (the scan's present set starts with those).
    @inline(__always)
    private func mayHold(_ set: LiteralIDSet, _ scan: AnchorScan) -> Bool {
        for (index, bits) in set.words {
            guard index < covered.count else { return true }
            if bits & scan.present[index] != 0 { return true }
        }
        return false
    }

    /// Where matches of a pattern can start in a scanned text.
    enum Candidates: Equatable {
        /// Nowhere: the text lacks what every match needs.
        case none
        /// Anywhere: scan the whole text.
        case anywhere
        /// Only at these offsets, in increasing order (possibly none).
        case offsets
        /// Only up to ``LiteralAnchors/windowReach`` bytes before these offsets, in increasing order.
        case windows
        /// Nowhere before this offset; too many candidates to try one by one.
        case from(Int)
    }

    /// Where a match of `pattern` can start in `text`; for ``Candidates/offsets`` and
    /// ``Candidates/windows``, fills `offsets`.
    ///
    /// A pattern can match when the text has its digits, one of its literals and, for one of its branches,
    /// a literal of every requirement set. Its matches then start where a prefix of such a branch occurs,
    /// when every such branch has prefixes; else in the windows before its window literals; else anywhere.
    func candidates(
        for pattern: Pattern, in scan: AnchorScan, text: UnsafeBufferPointer<UInt8>, into offsets: inout [Int]
    ) -> Candidates {
        guard scan.digits >= pattern.minimumDigits else { return .none }
        // Caseless k and s also match U+212A and U+017F, which no ASCII literal stands for.
        if pattern.foldsBeyondASCII, scan.hasBeyondASCIIFolds { return .anywhere }
        guard pattern.anchorIDs.isEmpty || mayHold(pattern.anchorSet, scan) else { return .none }
        let filter = pattern.filter
        // Groups of admitted branches, as bits; past 64 groups every group counts as admitted.
        var admitted: UInt64 = 0
        var anyAdmitted = filter.branches.isEmpty
        for branch in filter.branches where branch.requirements.allSatisfy({ mayHold($0, scan) }) {
            anyAdmitted = true
            admitted |= branch.group < 64 ? 1 << UInt64(branch.group) : ~0
        }
        guard anyAdmitted else { return .none }
        offsets.removeAll(keepingCapacity: true)
        if filter.isPrefixed {
            scan.buildChains(automaton, literalCount: covered.count * 64)
            let followers = pattern.prefixFollowers
            var groups = admitted
            while groups != 0 {
                let group = groups.trailingZeroBitCount
                groups &= groups &- 1
                guard group < filter.groups.count else { break }
                for index in filter.groups[group] {
                    let collected = offsets.count
                    let use = SearchedByte.Use(
                        atWordStart: filter.prefixAtWordStart[index],
                        followers: filter.prefixIsFollowed[index] ? followers : nil)
                    guard collect(filter.prefixIDs[index], use, scan, text, into: &offsets) else { return .anywhere }
                    if let followers = use.followers {
                        let length = filter.prefixLengths[index]
                        Self.keepFollowed(by: followers, after: length, in: text, &offsets, from: collected)
                    }
                }
            }
            guard offsets.count <= Self.maximumCandidates(forLength: text.count) else {
                return .from(offsets.min() ?? 0)
            }
            offsets.sort()
            offsets.removeAdjacentDuplicates()
            return .offsets
        }
        let ids = pattern.windowIDs
        guard !ids.isEmpty else { return .anywhere }
        scan.buildChains(automaton, literalCount: covered.count * 64)
        let followers = pattern.windowFollowers
        let use = SearchedByte.Use(atWordStart: false, followers: followers)
        for index in ids.indices {
            let collected = offsets.count
            guard collect(ids[index], use, scan, text, into: &offsets) else { return .anywhere }
            if let followers {
                let length = pattern.windowLengths[index]
                Self.keepFollowed(by: followers, after: length, in: text, &offsets, from: collected)
            }
        }
        // Each candidate is a window up to `reach` bytes of text: past a point a scan from the earliest one
        // is cheaper.
        let reach = pattern.windowReach
        if offsets.count * max(reach, 16) > text.count * 2 { return .from(max((offsets.min() ?? 0) - reach, 0)) }
        offsets.sort()
        return .windows
    }

    /// Appends the start of every occurrence of literal `id` that `use` may take: only at word starts if it
    /// says so (its followers are tested after). Returns false when the prefilter does not know where
    /// the literal occurs: it was not built with it, or, for a single byte, with a pattern that asks for it
    /// what `use` does.
    private func collect(
        _ id: Int32, _ use: SearchedByte.Use, _ scan: AnchorScan, _ text: UnsafeBufferPointer<UInt8>,
        into offsets: inout [Int]
    ) -> Bool {
        if positional.contains(literal: id) {
            scan.appendOccurrences(of: id, atWordStart: use.atWordStart, in: text, to: &offsets)
            return true
        }
        guard Int(id) < searchedSlot.count, searchedSlot[Int(id)] >= 0 else { return false }
        let slot = Int(searchedSlot[Int(id)])
        guard searched[slot].use.keepsEveryOccurrence(of: use) else { return false }
        scan.appendSearched(slot, searched[slot], atWordStart: use.atWordStart, in: text, to: &offsets)
        return true
    }

    /// Keeps, of the literal occurrences at `offsets[from...]`, those that one of `followers` follows
    /// (ASCII-lower-cased) `length` bytes on: a prefix or window literal followed by anything else is in no
    /// match.
    private static func keepFollowed(
        by followers: ByteSet, after length: Int, in text: UnsafeBufferPointer<UInt8>, _ offsets: inout [Int], from: Int
    ) {
        var kept = from
        for index in from..<offsets.count where isFollowed(offsets[index], after: length, by: followers, in: text) {
            offsets[kept] = offsets[index]
            kept &+= 1
        }
        offsets.removeLast(offsets.count &- kept)
    }

    /// Whether one of `followers` (ASCII-lower-cased) comes `length` bytes after `start`.
    @inline(__always)
    static func isFollowed(
        _ start: Int, after length: Int, by followers: ByteSet, in text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let next = start &+ length
        return next < text.count && followers.contains(UTF8Scalars.lowercased(text[next]))
    }

    /// Whether a match can start at `start`: anywhere, or only where no `a–z` or `0–9` comes before when
    /// `atWordStart`.
    @inline(__always)
    static func mayStart(at start: Int, atWordStart: Bool, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        !atWordStart || start == 0 || !LiteralAnchors.Node.isAlphanumeric(text[start - 1])
    }

    /// Appends where `searched.byte` (ASCII-lower-cased) occurs in `text`, either case for a letter, in
    /// increasing order, those occurrences its use may take: `memchr` finds each case, and the two runs of
    /// offsets are merged as they are found.
    static func appendStarts(of searched: SearchedByte, in text: UnsafeBufferPointer<UInt8>, to starts: inout [Int32]) {
        guard let base = text.baseAddress else { return }
        let byte = searched.byte
        let use = searched.use
        /// The first offset at or after `from` that holds `variant`, or `text.count`.
        func next(_ variant: UInt8, from: Int) -> Int {
            guard from < text.count, let found = memchr(base + from, Int32(variant), text.count - from) else {
                return text.count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let isLetter = byte &- 0x61 < 26
        var lower = next(byte, from: 0)
        var upper = isLetter ? next(byte - 0x20, from: 0) : text.count
        while lower < text.count || upper < text.count {
            if lower < upper {
                if use.takes(lower, in: text) { starts.append(Int32(lower)) }
                lower = next(byte, from: lower + 1)
            } else {
                if use.takes(upper, in: text) { starts.append(Int32(upper)) }
                upper = next(byte - 0x20, from: upper + 1)
            }
        }
    }

    /// A literal of one byte whose positions some pattern needs, and what the patterns that collect them
    /// take of its occurrences: a text's starts of the byte are searched once and kept only where one of
    /// them may start a match. Most such bytes are common (`i`, `u`, `f`, `.`): of the 58,168 `i`s in the
    /// first 1,000 stream records, 19,859 are at a word start and 1,836 of those are followed by a byte
    /// that the threat signal's matches can go on with.
    struct SearchedByte: Sendable {
        let byte: UInt8
        /// What every pattern that collects the byte's positions asks of an occurrence, together.
        let use: Use

        /// What a pattern takes of a literal's occurrences: those at a word start only, or anywhere; and
        /// those followed (ASCII-lower-cased) by one of `followers`, or by anything when `nil`.
        struct Use: Sendable {
            let atWordStart: Bool
            let followers: ByteSet?

            /// Every occurrence.
            static let anyOccurrence = Use(atWordStart: false, followers: nil)

            /// What this use or `other` takes: the occurrences either may.
            func merged(with other: Use) -> Use {
                let followers = self.followers.flatMap { mine in other.followers.map { mine.union($0) } }
                return Use(atWordStart: atWordStart && other.atWordStart, followers: followers)
            }

            /// Whether this use takes every occurrence `other` does, so that a list kept for this one serves
            /// it: the list of a pattern the prefilter was built with, asked for by one it was not.
            func keepsEveryOccurrence(of other: Use) -> Bool {
                guard !atWordStart || other.atWordStart else { return false }
                guard let followers else { return true }
                return other.followers.map { $0.isSubset(of: followers) } ?? false
            }

            /// Whether this use takes the occurrence of a one-byte literal at `start`.
            @inline(__always)
            func takes(_ start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
                guard Prefilter.mayStart(at: start, atWordStart: atWordStart, in: text) else { return false }
                guard let followers else { return true }
                return Prefilter.isFollowed(start, after: 1, by: followers, in: text)
            }
        }

        /// The uses `pattern` makes of literals' positions, by literal id, as
        /// ``Prefilter/candidates(for:in:text:into:)`` makes them: its prefixes when every group of its
        /// branches has some, else its window literals.
        static func uses(by pattern: Pattern) -> [(id: Int32, use: Use)] {
            let filter = pattern.filter
            guard filter.isPrefixed else {
                return pattern.windowIDs.map { ($0, Use(atWordStart: false, followers: pattern.windowFollowers)) }
            }
            return filter.prefixIDs.indices.map { index in
                let followers = filter.prefixIsFollowed[index] ? pattern.prefixFollowers : nil
                let use = Use(atWordStart: filter.prefixAtWordStart[index], followers: followers)
                return (filter.prefixIDs[index], use)
            }
        }
    }
}

extension [Int] {
    /// Removes each element equal to the one before it, so a sorted array holds every value once.
    mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}

extension [UInt64] {
    /// Whether this bit set over literal ids holds `id`.
    func contains(literal id: Int32) -> Bool {
        let word = Int(id) >> 6
        return word < count && self[word] & (1 << UInt64(id & 63)) != 0
    }

    /// Adds `id` to this bit set over literal ids, which must be large enough.
    mutating func insert(literal id: Int32) {
        self[Int(id) >> 6] |= 1 << UInt64(id & 63)
    }
}

/// Literal ids as masks over the 64-id words of a bit set: a pattern's literals were numbered together,
/// so testing them against a scan takes one or two ANDs instead of one lookup per literal.
struct LiteralIDSet: Sendable {
    /// The words that hold at least one id of the set, in increasing order, with the set's bits in each.
    let words: [(index: Int, bits: UInt64)]

    init(_ ids: [Int32]) {
        var words: [(index: Int, bits: UInt64)] = []
        for id in ids.sorted() {
            let index = Int(id) >> 6
            if words.last?.index != index { words.append((index, 0)) }
            words[words.count - 1].bits |= 1 << UInt64(id & 63)
        }
        self.words = words
    }
}

/// Process-wide ids for anchor literals, so a pattern carries its literals as small integers and
/// prefilters of different policies share them. Ids are only ever added.
enum LiteralID {
    private static let table = Mutex<(ids: [[UInt8]: Int32], literals: [[UInt8]])>(([:], []))

    /// U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S: caseless PCRE2 matches them for `k` and `s`.
    static let beyondASCIIFolds: [Int32] = [id(for: Array("\u{212A}".utf8)), id(for: Array("\u{017F}".utf8))]

    static func id(for literal: [UInt8]) -> Int32 {
        table.withLock { table in
            if let id = table.ids[literal] { return id }
            let id = Int32(table.literals.count)
            table.ids[literal] = id
            table.literals.append(literal)
            return id
        }
    }

    static func bytes(of id: Int32) -> [UInt8] {
        table.withLock { $0.literals[Int(id)] }
    }

}
