// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Bounds on the work one match may do, so a pathological pattern or input cannot hang evaluation.
///
/// Set per policy in the rule file's `settings` (`match_limit`, `depth_limit`, `heap_limit_kib`).
/// A match that reaches a limit stops with a ``MatchFault``, which the policy's `on_error` setting
/// turns into a block (the default) or lets pass.
public struct MatchLimits: Sendable, Hashable {
    /// Maximum calls of PCRE2's internal match function per match attempt (`match_limit`).
    public var matchLimit: UInt32
    /// Maximum backtracking depth per match attempt, for the interpreter (`depth_limit`).
    public var depthLimit: UInt32
    /// Maximum heap memory for backtracking per match attempt, in KiB (`heap_limit_kib`).
    public var heapLimitKiB: UInt32

    /// Creates limits. Every value must be positive.
    public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    /// One million match steps, depth 100,000 and 20 MiB of heap: far above what a sound pattern
    /// needs on a 1 MiB input, far below what turns a catastrophic backtrack into an outage.
    public static let `default` = MatchLimits(matchLimit: 1_000_000, depthLimit: 100_000, heapLimitKiB: 20_480)
}
