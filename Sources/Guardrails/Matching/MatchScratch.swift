// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CPCRE2

/// PCRE2 match data for one evaluation: allocated once, reused by every pattern of every check.
///
/// Only the overall match range is read, so one ovector pair serves every pattern (PCRE2 still sets
/// group 0 when a pattern has more groups than the ovector holds). Never shared between threads.
final class MatchScratch {
    let matchData: OpaquePointer

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
