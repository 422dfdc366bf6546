// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds out, by running it, whether a pattern backtracks catastrophically.
///
/// Reading a pattern for nested quantifiers guesses; this runs it. Subjects are built from the characters
/// the pattern can match (its literals, and a representative of each class and escape: `a` for `\w`,
/// `1` for `\d`, a space for `\s`), repeated, and ended with characters that make the match fail (then
/// each literal the pattern needs), so the engine must try every way to split the run. An exponential pattern exhausts a generous match
/// limit on a few dozen characters; a polynomial one only on thousands.
struct BacktrackingProbe {
    enum Verdict: Equatable {
        case linear
        /// Exhausted the limit on `length` characters of `sample`: exponential.
        case exponential(sample: String, length: Int)
        /// Exhausted the limit only on long subjects: polynomial.
        case polynomial(sample: String, length: Int)
    }

    static func probe(_ source: String, options: Pattern.Options) -> Verdict {
        let units = candidateUnits(in: source)
        // Exponential: 2^30 ways to split 30 characters; a linear pattern needs a few hundred steps.
        if let hit = firstFault(source, options: options, units: units, length: 30, limit: 5_000_000) {
            return .exponential(sample: hit, length: 30)
        }
        // Polynomial: 3,000 characters at a budget of 1,000 steps per character.
        if let hit = firstFault(source, options: options, units: units, length: 3_000, limit: 3_000_000) {
            return .polynomial(sample: hit, length: 3_000)
        }
        return .linear
    }

    private static func firstFault(_ source: String, options: Pattern.Options, units: [String], length: Int, limit: UInt32)
        -> String?
    {
        let limits = MatchLimits(matchLimit: limit, depthLimit: limit, heapLimitKiB: 65_536)
        guard let pattern = try? Pattern(source, options: options, limits: limits) else { return nil }
        let endings = ["!", "\u{1}", "", " ", "\n"]
        // A literal the pattern requires, placed after a character that breaks the match, defeats PCRE2's
        // "required character" shortcut, so the engine really tries every split of the run.
        let literals = units.filter { $0.unicodeScalars.count == 1 }
        for unit in units {
            let run = String(repeating: unit, count: max(1, length / unit.count))
            for ending in endings + literals.map({ "!" + $0 }) {
                let subject = run + ending
                do {
                    try pattern.forEachMatch(in: subject) { _ in }
                } catch {
                    if error.isLimit { return unit }
                }
            }
        }
        return nil
    }

    /// Single characters the pattern mentions, representatives of its classes, and pairs of them
    /// (for alternations such as `(ab|a)*`).
    static func candidateUnits(in source: String) -> [String] {
        var singles: [String] = []
        func add(_ unit: String) { if !singles.contains(unit) { singles.append(unit) } }
        var iterator = source.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\\" {
                guard let escaped = iterator.next() else { break }
                switch escaped {
                case "w", "W": add("a")
                case "d", "D": add("1")
                case "s", "S", "h", "v": add(" ")
                case "b", "B", "A", "z", "Z", "G", "K": break
                default: add(String(escaped))
                }
                continue
            }
            if "()[]{}|*+?^$:<>=!,-".unicodeScalars.contains(scalar) { continue }
            add(scalar == "." ? "a" : String(scalar))
        }
        if singles.isEmpty { singles = ["a"] }
        let limited = Array(singles.prefix(12))
        var units = limited
        for first in limited.prefix(6) {
            for second in limited.prefix(6) where first != second { units.append(first + second) }
        }
        return units
    }
}
