// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// What the anchor pass found in one text. A class, so that handing it to each of a policy's patterns
/// costs one reference count rather than one per array; lives for one evaluation, on one thread.
final class AnchorScan {
    /// Bit set over literal ids.
    let present: [UInt64]
    /// ASCII digits in the text.
    let digits: Int
    /// Whether the text holds U+212A KELVIN SIGN or U+017F LATIN SMALL LETTER LONG S.
    let hasBeyondASCIIFolds: Bool
    /// Where positional literals end, as the automaton reported them.
    private let positionalEndings: [UInt64]
    /// Each occurrence of a positional literal by literal, built when a pattern first asks for them.
    private var builtChains: Chains?
    /// The starts of the literals the prefilter searches for on demand, by slot, once per text.
    private var searchedStarts: [[Int32]?] = []
    /// Occurrences of positional literals: `occurrences[last[id]]` is the last occurrence of literal `id`
    /// (none when -1) and `previous` links each occurrence to the one before it with the same id.
    struct Chains {
        let occurrences: [(id: Int32, start: Int32)]
        let last: [Int32]
        let previous: [Int32]
    }

    init(present: [UInt64], digits: Int, positionalEndings: [UInt64], hasBeyondASCIIFolds: Bool) {
        self.present = present
        self.digits = digits
        self.positionalEndings = positionalEndings
        self.hasBeyondASCIIFolds = hasBeyondASCIIFolds
    }

    /// The chains of occurrences, built from the endings on first use: most texts admit no pattern that
    /// needs them.
    func chains(_ automaton: AnchorAutomaton, literalCount: Int) -> Chains {
        if let builtChains { return builtChains }
        let (occurrences, last, previous) = automaton.occurrences(in: positionalEndings, literalCount: literalCount)
        let chains = Chains(occurrences: occurrences, last: last, previous: previous)
        builtChains = chains
        return chains
    }

    /// The starts of the searched literal in `slot` (of `count` slots), found by `search` the first time.
    func searched(_ slot: Int, count: Int, _ search: () -> [Int32]) -> [Int32] {
        if searchedStarts.isEmpty { searchedStarts = Array(repeating: nil, count: count) }
        if let starts = searchedStarts[slot] { return starts }
        let starts = search()
        searchedStarts[slot] = starts
        return starts
    }
}

@available(*, unavailable)
extension AnchorScan: Sendable {}
