// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CPCRE2

/// Scratch memory for one evaluation: PCRE2 match data, allocated once and reused by every pattern of
/// every check; the text's normalized views, built once for every check that needs them; and the
/// policy's anchor scans of those texts (see ``Prefilter``).
///
/// Only the overall match range is read, so one ovector pair serves every pattern (PCRE2 still sets
/// group 0 when a pattern has more groups than the ovector holds). Never shared between threads.
///
/// Its stored properties are `@exclusivity(unchecked)`: the runtime check of every access cost 4% of an
/// evaluation, and it can never fire. A scratch belongs to one evaluation on one thread at a time (see
/// ``ScratchPool``), and no access to a property overlaps another: `candidates` is the only one passed
/// `inout`, to ``Prefilter/candidates(for:in:text:into:)``, which touches no other part of the scratch.
final class MatchScratch {
    let matchData: OpaquePointer
    /// A match context for windowed matches, whose offset limit changes per try.
    let matchContext: OpaquePointer
    /// Candidate offsets of the pattern being run; reused.
    @exclusivity(unchecked) var candidates: [Int] = []
    /// The normalized views of the last text a check asked for, so checks of one evaluation share them;
    /// made on first use, as the scratch of a direct pattern match never needs them.
    var normalizedViews: NormalizedViews {
        if let views = views { return views }
        let views = NormalizedViews()
        self.views = views
        return views
    }
    @exclusivity(unchecked) private var views: NormalizedViews?
    /// The policy's prefilter; `nil` runs every pattern on every text.
    let prefilter: Prefilter?
    /// ``prefilter``, lent without a reference count to each pattern's run: the scratch holds it for life.
    private let prefilterReference: Unmanaged<Prefilter>?
    /// Counts of pattern runs, for profiles.
    @exclusivity(unchecked) var statistics = MatchStatistics()
    /// Anchor scans of recent texts. Each entry keeps its text alive, so its bytes' address identifies it.
    @exclusivity(unchecked) private var scans: [(text: String, address: UnsafeRawPointer, count: Int, scan: AnchorScan)] = []
    /// Scans no text holds any more, kept to be filled again with the arrays they have.
    @exclusivity(unchecked) private var spareScans: [AnchorScan] = []

    init(prefilter: Prefilter? = nil) {
        self.prefilter = prefilter
        self.prefilterReference = prefilter.map(Unmanaged.passUnretained)
        if prefilter != nil {
            candidates.reserveCapacity(64)
            scans.reserveCapacity(4)
        }
        guard let matchData = pcre2_match_data_create_8(1, nil) else {
            fatalError("PCRE2 could not allocate match data for one ovector pair: out of memory")
        }
        guard let matchContext = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2 could not allocate a match context: out of memory")
        }
        self.matchData = matchData
        self.matchContext = matchContext
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
    }

    /// Where matches of `pattern` can start in `text`, whose contiguous UTF-8 is `utf8`, by the policy's
    /// prefilter (filling ``candidates`` for offsets and windows); `nil` without a prefilter, or for a text
    /// too short for the anchor pass.
    ///
    /// This runs once per pattern per text, so it touches no reference count: the scan is lent, not
    /// retained, as the scratch keeps every scan it hands out until ``reset()``.
    func matchStarts(
        of pattern: Pattern, in text: String, _ utf8: UnsafeBufferPointer<UInt8>
    ) -> Prefilter.Candidates? {
        guard utf8.count >= Prefilter.minimumTextLength, let prefilterReference else { return nil }
        return prefilterReference._withUnsafeGuaranteedRef { prefilter in
            unretainedAnchorScan(of: text, utf8, prefilter)._withUnsafeGuaranteedRef { scan in
                prefilter.candidates(for: pattern, in: scan, text: utf8, into: &candidates)
            }
        }
    }

    /// The anchor scan of `text`, whose contiguous UTF-8 is `utf8`: computed once per text.
    func anchorScan(of text: String, _ utf8: UnsafeBufferPointer<UInt8>, _ prefilter: Prefilter) -> AnchorScan {
        unretainedAnchorScan(of: text, utf8, prefilter).takeUnretainedValue()
    }

    /// The anchor scan of `text`, valid until ``reset()``: ``scans`` or ``spareScans`` holds it until then.
    private func unretainedAnchorScan(
        of text: String, _ utf8: UnsafeBufferPointer<UInt8>, _ prefilter: Prefilter
    ) -> Unmanaged<AnchorScan> {
        let address = UnsafeRawPointer(utf8.baseAddress!)
        if let index = scanIndex(at: address, count: utf8.count) {
            return scans.withUnsafeBufferPointer { .passUnretained($0[index].scan) }
        }
        let scan = spareScans.popLast() ?? AnchorScan()
        prefilter.scan(utf8, into: scan)
        remember(scan, of: text, at: address, count: utf8.count)
        return .passUnretained(scan)
    }

    /// By index: `firstIndex(where:)` would copy, and so retain, every entry it looks at.
    private func scanIndex(at address: UnsafeRawPointer, count: Int) -> Int? {
        for index in scans.indices where scans[index].address == address && scans[index].count == count { return index }
        return nil
    }

    private func remember(_ scan: AnchorScan, of text: String, at address: UnsafeRawPointer, count: Int) {
        if scans.count == 4 { spareScans.append(scans.removeFirst().scan) }
        scans.append((text, address, count, scan))
    }

    /// Forgets the last evaluation's texts, keeping the memory for the next: scans are cleared and kept,
    /// unless a large text made them too big to be worth keeping. A scan shared by a text and its case fold
    /// is kept once: kept twice, two texts of a later evaluation would be scanned into the same object,
    /// and one would be matched with the other's candidates.
    func reset() {
        for entry in scans where !entry.scan.isOversized && !spareScans.contains(where: { $0 === entry.scan }) {
            spareScans.append(entry.scan)
        }
        scans.removeAll(keepingCapacity: true)
        views?.forget()
        statistics = MatchStatistics()
        candidates.removeAll(keepingCapacity: candidates.capacity <= AnchorScan.maximumKeptLength)
    }

    /// Lets `fold`, which is `original` with its ASCII letters lower-cased, use the anchor scan of
    /// `original`: the scan folds ASCII case, so the two would be the same, and one pass is saved.
    func shareAnchorScan(of original: String, with fold: String) {
        guard let prefilter, fold.utf8.count >= Prefilter.minimumTextLength, fold.utf8.count == original.utf8.count else {
            return
        }
        _ = original.utf8.withContiguousStorageIfAvailable { originalUTF8 in
            fold.utf8.withContiguousStorageIfAvailable { foldUTF8 in
                let address = UnsafeRawPointer(foldUTF8.baseAddress!)
                guard scanIndex(at: address, count: foldUTF8.count) == nil else { return }
                remember(anchorScan(of: original, originalUTF8, prefilter), of: fold, at: address, count: foldUTF8.count)
            }
        }
    }
}

/// How patterns fared during an evaluation.
struct MatchStatistics: Equatable {
    /// Patterns run on PCRE2.
    var runs = 0
    /// Patterns the prefilter ruled out without running them.
    var skipped = 0
    /// Matches reported.
    var matches = 0
}

@available(*, unavailable)
extension MatchScratch: Sendable {}
