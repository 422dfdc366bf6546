// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Where a policy spends its time on a set of texts: per rule, and per text.
///
/// ```swift
/// let profile = policy.profile(records.map { ($0.text, $0.direction) })
/// for rule in profile.rules.sorted(by: { $0.time > $1.time }) { print(rule.id, rule.share(of: profile)) }
/// ```
public struct PolicyProfile: Sendable {
    /// What one rule cost.
    public struct RuleProfile: Sendable, Identifiable {
        /// The rule id.
        public let id: String
        /// The chain it belongs to.
        public let direction: Direction
        /// The check it runs.
        public let checkName: String
        /// Times the rule ran (once per text of its direction, unless an earlier rule blocked).
        public internal(set) var calls = 0
        /// Time inside the rule's check.
        public internal(set) var time = Duration.zero
        /// Patterns run on PCRE2: the prefilter's candidates.
        public internal(set) var patternRuns = 0
        /// Patterns the prefilter ruled out without running them.
        public internal(set) var patternsSkipped = 0
        /// PCRE2 matches, before the check's own validation.
        public internal(set) var matches = 0
        /// Findings reported.
        public internal(set) var findings = 0
        /// Sources of the rule's patterns without a usable literal anchor: each costs a full pass per text.
        public let unanchoredPatterns: [String]

        /// The rule's share of the time spent in all rules.
        public func share(of profile: PolicyProfile) -> Double {
            let total = profile.rules.reduce(Duration.zero) { $0 + $1.time }
            return total == .zero ? 0 : time / total
        }
    }

    /// Every rule of both chains, in chain order (input first).
    public internal(set) var rules: [RuleProfile]
    /// The evaluation time of each text, in input order.
    public internal(set) var latencies: [Duration] = []
    /// UTF-8 bytes evaluated.
    public internal(set) var bytes = 0

    /// The latency at `quantile` (0…1), exact over the stored samples (nearest rank).
    public func latency(atQuantile quantile: Double) -> Duration {
        guard !latencies.isEmpty else { return .zero }
        let sorted = latencies.sorted()
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

extension Policy {
    /// Evaluates every text and measures each rule: time, calls, prefilter candidates, matches, findings.
    ///
    /// Verdicts are the same as from ``evaluate(_:direction:context:audit:)``; texts over
    /// `max_input_bytes` are skipped. Timing each rule adds a little overhead of its own.
    public func profile(_ texts: some Sequence<(text: String, direction: Direction)>) -> PolicyProfile {
        var rules: [PolicyProfile.RuleProfile] = []
        var offsets: [Direction: Int] = [:]
        for chain in [input, output] {
            offsets[chain.direction] = rules.count
            rules += chain.rules.map { rule in
                PolicyProfile.RuleProfile(
                    id: rule.id, direction: chain.direction, checkName: rule.checkName,
                    unanchoredPatterns: rule.check.patterns.filter { !$0.anchors.isAnchored }.map(\.source))
            }
        }
        var profile = PolicyProfile(rules: rules)
        let clock = ContinuousClock()
        for (text, direction) in texts where text.utf8.count <= settings.maxInputBytes {
            let scratch = MatchScratch(prefilter: prefilter)
            let offset = offsets[direction]!
            var before = scratch.statistics
            var evaluation = Evaluation(policy: self, chain: chain(for: direction), audit: settings.audit)
            evaluation.observeRule = { index, duration, findings in
                let after = scratch.statistics
                profile.rules[offset + index].calls += 1
                profile.rules[offset + index].time += duration
                profile.rules[offset + index].patternRuns += after.runs - before.runs
                profile.rules[offset + index].patternsSkipped += after.skipped - before.skipped
                profile.rules[offset + index].matches += after.matches - before.matches
                profile.rules[offset + index].findings += findings
                before = after
            }
            var contiguous = text
            contiguous.makeContiguousUTF8()
            let started = clock.now
            _ = evaluation.run(Subject(text: contiguous, direction: direction, context: [:], scratch: scratch))
            profile.latencies.append(clock.now - started)
            profile.bytes += text.utf8.count
        }
        return profile
    }
}
