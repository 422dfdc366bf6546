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
/// Each ``Pattern`` knows its ``LiteralAnchors``: literals one of which every match contains, prefixes
/// one of which every match starts with, window literals that every match holds near its start, and a
/// minimum count of ASCII digits. A policy's prefilter compiles them for all its patterns into one
/// ``AnchorAutomaton``. Evaluating a text scans it once (per normalized view); then a pattern
/// - is skipped when none of its literals occurred or the text has too few digits;
/// - runs PCRE2's JIT only at the offsets where one of its prefixes occurred, when it has prefixes;
/// - else only in the windows just before its window literals, when it has those;
/// - runs over the whole text otherwise.
///
/// Findings are exactly those of running every pattern over the whole text: anchors are necessary
/// conditions, never guesses. Patterns the prefilter was not built with (a custom check that does not
/// list its ``Check/patterns``) always run over the whole text.
struct Prefilter: Sendable {
    /// Texts shorter than this skip the anchor pass: PCRE2 is as quick on them, and short strings may be
    /// stored inline, where their bytes have no stable address to cache the scan by.
    static let minimumTextLength = 32
    /// A pattern with more candidate offsets than this in a text scans the text from the first one: one
    /// try per 16 bytes costs about what a full scan does, and never fewer than 256 tries.
    static func maximumCandidates(forLength length: Int) -> Int { max(256, length / 16) }

    private let automaton: AnchorAutomaton
    /// Literals of one byte whose positions are not needed: `memchr` answers them faster than the
    /// automaton, which would stop at every occurrence of a common byte such as `.` or `-`.
    private let singleBytes: [(id: Int32, byte: UInt8)]
    /// Bit set over literal ids: the literals the automaton looks for.
    private let covered: [UInt64]
    /// Bit set over literal ids: those whose positions the automaton records.
    private let positional: [UInt64]

    /// Builds the prefilter for `patterns`.
    init(patterns: [Pattern]) {
        var ids = Set<Int32>(LiteralID.beyondASCIIFolds)
        var positional = Set<Int32>()
        for pattern in patterns {
            ids.formUnion(pattern.anchorIDs)
            ids.formUnion(pattern.filter.prefixIDs)
            ids.formUnion(pattern.windowIDs)
            ids.formUnion(pattern.filter.requirementIDs)
            positional.formUnion(pattern.filter.prefixIDs)
            positional.formUnion(pattern.windowIDs)
        }
        // A literal's first bytes occur wherever it does: looking for at most 8 keeps the automaton small
        // enough for the cache, and PCRE2 checks the rest.
        let literals = ids.sorted().map { (id: $0, bytes: Array(LiteralID.bytes(of: $0).prefix(8))) }
        let isSingleByte = { (literal: (id: Int32, bytes: [UInt8])) in literal.bytes.count == 1 && !positional.contains(literal.id) }
        singleBytes = literals.filter(isSingleByte).map { ($0.id, $0.bytes[0]) }
        automaton = AnchorAutomaton(literals: literals.filter { !isSingleByte($0) }, positional: positional)
        let words = (Int(ids.max() ?? 0) >> 6) + 1
        covered = Self.bitSet(ids, words: words)
        self.positional = Self.bitSet(positional, words: words)
    }

    private static func bitSet(_ ids: Set<Int32>, words: Int) -> [UInt64] {
        var set = [UInt64](repeating: 0, count: words)
        for id in ids { set.insert(literal: id) }
        return set
    }

    /// Scans `bytes` once.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> AnchorScan {
        var present = [UInt64](repeating: 0, count: covered.count)
        var occurrences: [(id: Int32, start: Int32)] = []
        occurrences.reserveCapacity(bytes.count / 16 + 16)
        let digits = automaton.scan(bytes, marking: &present, occurrences: &occurrences)
        for (id, byte) in singleBytes {
            guard let base = bytes.baseAddress else { break }
            let isLetter = byte &- 0x61 < 26
            if memchr(base, Int32(byte), bytes.count) != nil || isLetter && memchr(base, Int32(byte - 0x20), bytes.count) != nil {
                present.insert(literal: id)
            }
        }
        // Chain the occurrences of each literal, so a pattern visits only those of its own prefixes.
        var last = [Int32](repeating: -1, count: covered.count * 64)
        var previous = [Int32](repeating: -1, count: occurrences.count)
        for (index, occurrence) in occurrences.enumerated() {
            previous[index] = last[Int(occurrence.id)]
            last[Int(occurrence.id)] = Int32(index)
        }
        return AnchorScan(present: present, digits: digits, occurrences: occurrences, last: last, previous: previous)
    }

    /// Whether the scanned text may hold one of the literals of `set` (those the automaton does not look
    /// for may be anywhere).
    private func mayHold(_ set: LiteralIDSet, _ scan: AnchorScan) -> Bool {
        for (index, bits) in set.words {
            guard index < covered.count else { return true }
            if bits & ~covered[index] != 0 || bits & scan.present[index] != 0 { return true }
        }
        return false
    }

    /// Where matches of a pattern can start in a scanned text.
    enum Candidates: Equatable {
        /// Nowhere: the text lacks what every match needs.
        case none
        /// Anywhere: scan the whole text.
        case anywhere
        /// Only at these offsets, in increasing order.
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
        guard scan.digits >= pattern.anchors.minimumDigits else { return .none }
        // Caseless k and s also match U+212A and U+017F, which no ASCII literal stands for.
        if pattern.anchors.foldsBeyondASCII, scan.hasBeyondASCIIFolds { return .anywhere }
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
            var groups = admitted
            while groups != 0 {
                let group = groups.trailingZeroBitCount
                groups &= groups &- 1
                guard group < filter.groups.count else { break }
                for index in filter.groups[group] {
                    let id = filter.prefixIDs[index]
                    guard positional.contains(literal: id) else { return .anywhere }
                    collect(id, atWordStart: filter.prefixAtWordStart[index], scan, text, into: &offsets)
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
        guard !ids.isEmpty, ids.allSatisfy(positional.contains(literal:)) else { return .anywhere }
        for id in ids { collect(id, atWordStart: false, scan, text, into: &offsets) }
        // Each candidate is a window up to `reach` bytes of text: past a point a scan from the earliest one
        // is cheaper.
        let reach = pattern.anchors.windowReach
        if offsets.count * max(reach, 16) > text.count * 2 { return .from(max((offsets.min() ?? 0) - reach, 0)) }
        offsets.sort()
        return .windows
    }

    /// Appends the start of every occurrence of literal `id`, only at word starts if `atWordStart`.
    private func collect(
        _ id: Int32, atWordStart: Bool, _ scan: AnchorScan, _ text: UnsafeBufferPointer<UInt8>, into offsets: inout [Int]
    ) {
        var occurrence = scan.last[Int(id)]
        while occurrence >= 0 {
            let start = Int(scan.occurrences[Int(occurrence)].start)
            occurrence = scan.previous[Int(occurrence)]
            if atWordStart, start > 0, LiteralAnchors.Node.isAlphanumeric(text[start - 1]) { continue }
            offsets.append(start)
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
        var words: [Int: UInt64] = [:]
        for id in ids { words[Int(id) >> 6, default: 0] |= 1 << UInt64(id & 63) }
        self.words = words.sorted { $0.key < $1.key }.map { (index: $0.key, bits: $0.value) }
    }
}

/// What the anchor pass found in one text. A class, so that handing it to each of a policy's patterns
/// costs one reference count rather than one per array.
final class AnchorScan {
    /// Bit set over literal ids.
    let present: [UInt64]
    /// ASCII digits in the text.
    let digits: Int
    /// Each occurrence of a prefix literal: its id and start offset, in the order they end.
    let occurrences: [(id: Int32, start: Int32)]
    /// By literal id, the index in `occurrences` of its last occurrence (-1: none); `previous` links each
    /// occurrence to the one before it with the same id.
    let last: [Int32]
    let previous: [Int32]

    init(present: [UInt64], digits: Int, occurrences: [(id: Int32, start: Int32)], last: [Int32], previous: [Int32]) {
        self.present = present
        self.digits = digits
        self.occurrences = occurrences
        self.last = last
        self.previous = previous
    }

    var hasBeyondASCIIFolds: Bool { LiteralID.beyondASCIIFolds.contains(where: present.contains(literal:)) }
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
