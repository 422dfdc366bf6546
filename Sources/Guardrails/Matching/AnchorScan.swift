// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// What the anchor pass found in one text (see ``Prefilter``). A class, so that handing it to each of a
/// policy's patterns costs one reference count rather than one per array; it lives in an evaluation's
/// ``MatchScratch``, on one thread, and is filled again for the next text with the arrays it already has.
///
/// Its stored properties are `@exclusivity(unchecked)`, as the scratch's are: one thread uses a scan at a
/// time, and its methods pass its arrays `inout` only to the automaton and to
/// ``Prefilter/appendStarts(of:in:to:)``, neither of which reaches back into the scan.
final class AnchorScan {
    /// Bit set over literal ids: the literals the text may hold, those the pass found and those it does not
    /// look for (which may be anywhere).
    @exclusivity(unchecked) private(set) var present: [UInt64] = []
    /// ASCII digits in the text.
    @exclusivity(unchecked) private(set) var digits = 0
    /// Whether the text holds U+212A KELVIN SIGN or U+017F LATIN SMALL LETTER LONG S.
    @exclusivity(unchecked) private(set) var hasBeyondASCIIFolds = false

    /// The automaton's per-state marks, kept for the next scan.
    @exclusivity(unchecked) private var entered = AnchorAutomaton.EnteredStates()
    /// Where positional literals end, as the automaton reported them: the first `endingCount`.
    @exclusivity(unchecked) private var endings: [UInt64] = []
    @exclusivity(unchecked) private var endingCount = 0
    /// Each occurrence of a positional literal by literal, built when a pattern first asks for them.
    @exclusivity(unchecked) private var chains = Chains()
    @exclusivity(unchecked) private var hasChains = false
    /// The starts of the single bytes the prefilter searches for on demand, by slot, once per text.
    @exclusivity(unchecked) private var searchedStarts: [[Int32]] = []
    @exclusivity(unchecked) private var isSearched: [Bool] = []

    /// Occurrences of positional literals: `occurrences[last[id]]` is the last occurrence of literal `id`
    /// (none when -1) and `previous` links each occurrence to the one before it with the same id.
    struct Chains {
        var occurrences: [(id: Int32, start: Int32)] = []
        var last: [Int32] = []
        var previous: [Int32] = []
    }

    /// Scans `bytes` with `automaton` into this object, forgetting the last text; `uncovered` is the bit set
    /// of the literals the pass does not look for, which ``present`` starts from.
    func fill(
        _ bytes: UnsafeBufferPointer<UInt8>, automaton: AnchorAutomaton, uncovered: [UInt64], searchedSlots: Int
    ) {
        present.reset(to: uncovered)
        endingCount = automaton.scan(bytes, marking: &present, entered: &entered, endings: &endings)
        hasChains = false
        if searchedStarts.count != searchedSlots { searchedStarts = [[Int32]](repeating: [], count: searchedSlots) }
        isSearched.reset(to: false, count: searchedSlots)
    }

    /// Marks literal `id` present: one the automaton does not look for.
    func insert(literal id: Int32) {
        present.insert(literal: id)
    }

    /// Records what the prefilter learnt besides the automaton: the digit count, and whether the text
    /// holds a character that caseless ASCII letters also match.
    func finish(digits: Int, beyondASCIIFolds: [Int32]) {
        self.digits = digits
        hasBeyondASCIIFolds = beyondASCIIFolds.contains(where: present.contains(literal:))
    }

    /// Builds the chains of occurrences from the endings, the first time a pattern of the text asks: many
    /// texts admit no pattern that needs them.
    func buildChains(_ automaton: AnchorAutomaton, literalCount: Int) {
        guard !hasChains else { return }
        automaton.chain(endings, count: endingCount, literalCount: literalCount, into: &chains)
        hasChains = true
    }

    /// Appends the start of each occurrence of positional literal `id`, last first, only those at a word
    /// start if `atWordStart`; ``buildChains(_:literalCount:)`` must have run for this text.
    ///
    /// The chains are read in place: handing them out copied three arrays, a reference count each, for
    /// each pattern and text.
    func appendOccurrences(
        of id: Int32, atWordStart: Bool, in text: UnsafeBufferPointer<UInt8>, to offsets: inout [Int]
    ) {
        var occurrence = chains.last[Int(id)]
        while occurrence >= 0 {
            let start = Int(chains.occurrences[Int(occurrence)].start)
            occurrence = chains.previous[Int(occurrence)]
            if Prefilter.mayStart(at: start, atWordStart: atWordStart, in: text) { offsets.append(start) }
        }
    }

    /// Appends the starts of the `searched` byte in `slot`, only those at a word start if `atWordStart`:
    /// the byte's starts are found the first time a pattern of the text asks, and read in place.
    func appendSearched(
        _ slot: Int, _ searched: Prefilter.SearchedByte, atWordStart: Bool, in text: UnsafeBufferPointer<UInt8>,
        to offsets: inout [Int]
    ) {
        if !isSearched[slot] {
            searchedStarts[slot].removeAll(keepingCapacity: true)
            Prefilter.appendStarts(of: searched, in: text, to: &searchedStarts[slot])
            isSearched[slot] = true
        }
        for index in searchedStarts[slot].indices {
            let start = Int(searchedStarts[slot][index])
            if Prefilter.mayStart(at: start, atWordStart: atWordStart, in: text) { offsets.append(start) }
        }
    }

    /// Whether the buffers grew past what is worth keeping for the next text (a megabyte of text needs
    /// eight of endings).
    var isOversized: Bool { endings.count > Self.maximumKeptLength }

    static let maximumKeptLength = 1 << 16
}

@available(*, unavailable)
extension AnchorScan: Sendable {}

extension Array {
    /// Makes this a copy of `other`'s elements in its own storage (never `other`'s, which a later write
    /// would then copy), the storage it has when it already holds as many.
    mutating func reset(to other: [Element]) {
        if count == other.count {
            withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: other) }
        } else {
            self = other.withUnsafeBufferPointer { Array($0) }
        }
    }

    /// Makes this `count` copies of `value`, in the storage it has when it already holds `count`.
    mutating func reset(to value: Element, count: Int) {
        if self.count == count {
            withUnsafeMutableBufferPointer { $0.update(repeating: value) }
        } else {
            self = Array(repeating: value, count: count)
        }
    }
}
