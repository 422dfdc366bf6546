// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CPCRE2

/// Scratch memory for one evaluation: PCRE2 match data, allocated once and reused by every pattern of
/// every check, and the text's normalized views, built once for every check that needs them.
///
/// Only the overall match range is read, so one ovector pair serves every pattern (PCRE2 still sets
/// group 0 when a pattern has more groups than the ovector holds). Never shared between threads.
final class MatchScratch {
    let matchData: OpaquePointer
    /// The normalized views of the last text a check asked for, so checks of one evaluation share them.
    var normalizedViews: (text: String, views: NormalizedViews)?

    init() {
        guard let matchData = pcre2_match_data_create_8(1, nil) else {
            fatalError("PCRE2 could not allocate match data for one ovector pair: out of memory")
        }
        self.matchData = matchData
    }

    deinit { pcre2_match_data_free_8(matchData) }
}

@available(*, unavailable)
extension MatchScratch: Sendable {}
