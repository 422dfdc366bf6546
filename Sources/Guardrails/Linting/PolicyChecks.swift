// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The lint checks that need a loaded policy: examples, patterns, rule order, coverage.
struct PolicyChecks {
    let policy: Policy
    let file: String
    let requiresExampleCoverage: Bool
    var diagnostics: [Diagnostic] = []
    var examplesRun = 0
    var examplesPassed = 0

    init(policy: Policy, file: String, requiresExampleCoverage: Bool) {
        self.policy = policy
        self.file = file
        self.requiresExampleCoverage = requiresExampleCoverage
    }

    /// Every rule once, with the directions it is in.
    private var rules: [Rule] {
        var seen = Set<String>()
        return (policy.input.rules + policy.output.rules).filter { seen.insert($0.id).inserted }
    }

    mutating func run() {
        checkChains()
        for rule in rules {
            checkPatterns(of: rule)
            checkWordLists(of: rule)
            checkRedaction(of: rule)
            if rule.message == nil, rule.location?.file == file {
                diagnostics.append(
                    Diagnostic(
                        .missingMessage, .warning,
                        "rule '\(rule.id)' has no 'message'; say why it fires, for the people who see the finding",
                        at: rule.location))
            }
        }
        checkExamples()
    }

    // MARK: - Chains and rules

    private mutating func checkChains() {
        let location = PolicyLocation(file: file, line: 1, column: 1, utf8Offset: 0)
        if policy.input.rules.isEmpty, policy.output.rules.isEmpty {
            diagnostics.append(Diagnostic(.emptyChain, "the policy has no rules: every text passes unchecked", at: location))
            return
        }
        for chain in [policy.input, policy.output] {
            for (index, rule) in chain.rules.enumerated() {
                guard let blocker = chain.rules[..<index].first(where: {
                    $0.action == .block && $0.checkName == rule.checkName && $0.options == rule.options
                }) else { continue }
                diagnostics.append(
                    Diagnostic(
                        .unreachableRule,
                        "rule '\(rule.id)' can never fire in the \(chain.direction.rawValue) chain: rule '\(blocker.id)' runs the same check with the same options first and blocks",
                        at: rule.location,
                        notes: [Diagnostic(.unreachableRule, .note, "'\(blocker.id)' is here", at: blocker.location)]))
            }
        }
    }

    private mutating func checkRedaction(of rule: Rule) {
        guard rule.action == .redact, rule.checkName == DisclaimerCheck.description.id else { return }
        diagnostics.append(
            Diagnostic(
                .unusableRedaction,
                "rule '\(rule.id)': a missing disclaimer is an empty span at the end of the text, so redaction has nothing to replace; use block or annotate",
                at: rule.location))
    }

    // MARK: - Patterns and word lists

    private mutating func checkPatterns(of rule: Rule) {
        guard let check = rule.check as? PatternCheck else { return }
        let locations = rule.optionLocations["patterns"] ?? []
        for (index, pattern) in check.patterns.enumerated() {
            let location = index < locations.count ? locations[index] : rule.location
            switch BacktrackingProbe.probe(pattern.source, options: pattern.options) {
            case .linear: break
            case .exponential(let sample, let length):
                diagnostics.append(
                    Diagnostic(
                        .catastrophicBacktracking,
                        "pattern /\(pattern.source)/ backtracks exponentially: \(length) repetitions of '\(Self.printable(sample))' exhaust 5,000,000 match steps; make the inner repetition possessive (++), atomic ((?>…)), or remove the nested quantifier",
                        at: location))
            case .polynomial(let sample, let length):
                diagnostics.append(
                    Diagnostic(
                        .slowPattern, .warning,
                        "pattern /\(pattern.source)/ slows down on long text: \(length) repetitions of '\(Self.printable(sample))' exhaust 3,000,000 match steps; anchor it or make repetitions possessive",
                        at: location))
            }
            var firesEverywhere = true  // then GR113 says more than GR134 would
            if (try? pattern.firstMatch(in: "")) != nil {
                diagnostics.append(
                    Diagnostic(
                        .matchesEverything, "pattern /\(pattern.source)/ matches the empty string, so it fires on every text",
                        at: location))
            } else {
                let matched = Self.everydayTexts.filter { (try? pattern.firstMatch(in: $0)) != nil }.count
                firesEverywhere = matched * 10 >= Self.everydayTexts.count * 8
                if firesEverywhere {
                    diagnostics.append(
                        Diagnostic(
                            .matchesEverything, .warning,
                            "pattern /\(pattern.source)/ matches \(matched) of \(Self.everydayTexts.count) everyday sentences: it would fire on almost every text",
                            at: location))
                }
            }
            if !pattern.anchors.isAnchored, !firesEverywhere {
                diagnostics.append(
                    Diagnostic(
                        .unanchoredPattern, .warning,
                        "pattern /\(pattern.source)/ has no fixed text the prefilter can look for, so it runs over the whole of every text; start it with a word, prefix or delimiter that every match contains (e.g. 'key=[A-Z0-9]{20}' rather than '[A-Z0-9]{20}')",
                        at: location))
            }
            checkConfusables(in: pattern.source, what: "pattern", at: location)
        }
    }

    private mutating func checkWordLists(of rule: Rule) {
        for key in ["words", "allow", "phrases"] {
            guard case .list(let items)? = rule.options[key] else { continue }
            let locations = rule.optionLocations[key] ?? []
            for (index, item) in items.enumerated() {
                guard case .string(let word) = item else { continue }
                checkConfusables(in: word, what: "'\(key)' entry", at: index < locations.count ? locations[index] : rule.location)
            }
        }
    }

    /// Invisible characters, and words that mix Latin letters with Cyrillic or Greek look-alikes.
    private mutating func checkConfusables(in text: String, what: String, at location: PolicyLocation?) {
        if let invisible = text.unicodeScalars.first(where: { NormalizedText.isInvisible($0) && $0.value > 0x7F && !(0x0300...0x036F).contains($0.value) }) {
            diagnostics.append(
                Diagnostic(
                    .confusableCharacters,
                    "\(what) '\(Self.printable(text))' contains the invisible character U+\(String(invisible.value, radix: 16, uppercase: true)); delete it",
                    at: location))
            return
        }
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            let scalars = word.unicodeScalars
            let hasLatin = scalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            guard hasLatin, let lookAlike = scalars.first(where: { $0.value >= 0x0370 && NormalizedText.fold($0) != nil }) else {
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .confusableCharacters,
                    "\(what) '\(Self.printable(text))': '\(word)' mixes Latin letters with '\(lookAlike)' (U+\(String(lookAlike.value, radix: 16, uppercase: true))), which looks like '\(Character(Unicode.Scalar(NormalizedText.fold(lookAlike)!)))'; it will not match text typed with the Latin letter",
                    at: location))
            return
        }
    }

    // MARK: - Examples

    private mutating func checkExamples() {
        let rootExamples = policy.examples
        if rootExamples.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .noExamples, .warning,
                    "the policy has no 'examples:'; add texts with the verdict they must get, so changes are tested",
                    at: PolicyLocation(file: file, line: 1, column: 1, utf8Offset: 0)))
        }
        var triggered: [String: Int] = [:]
        var passedBy: [String: Int] = [:]
        var patternHits = Set<String>()
        for example in rootExamples {
            examplesRun += 1
            let result = policy.verify(example)
            switch (result.passed, example.isTodo) {
            case (true, false), (false, true): examplesPassed += 1
            default: break
            }
            if example.isTodo {
                diagnostics.append(
                    result.passed
                        ? Diagnostic(
                            .todoExamplePasses, "this 'todo: true' example now passes: remove 'todo' so it guards the fix",
                            at: example.location)
                        : Diagnostic(
                            .todoExample, .note, "known gap (todo): \(result.mismatches.joined(separator: "; "))",
                            at: example.location))
            } else if !result.passed {
                diagnostics.append(
                    Diagnostic(
                        .exampleFailed, "example does not hold: \(result.mismatches.joined(separator: "; "))",
                        at: example.location, notes: Self.sideBySide(example, result, at: example.location)))
            }
            // Coverage: which rules trigger on this example, with every rule running.
            guard let verdict = try? policy.evaluate(example.text, direction: example.direction, context: example.context, audit: true)
            else { continue }
            let chain = policy.chain(for: example.direction)
            for rule in chain.rules {
                if verdict.findings.contains(where: { $0.rule == rule.id }) {
                    triggered[rule.id, default: 0] += 1
                } else {
                    passedBy[rule.id, default: 0] += 1
                }
                if let check = rule.check as? PatternCheck {
                    for pattern in check.patterns where (try? pattern.firstMatch(in: example.text)) != nil {
                        patternHits.insert(rule.id + "\u{0}" + pattern.source)
                    }
                }
            }
        }
        for rule in rules where rule.location?.file == file {
            if let check = rule.check as? PatternCheck, !rootExamples.isEmpty {
                let locations = rule.optionLocations["patterns"] ?? []
                for (index, pattern) in check.patterns.enumerated() where !patternHits.contains(rule.id + "\u{0}" + pattern.source) {
                    diagnostics.append(
                        Diagnostic(
                            .untestedPattern, .warning,
                            "no example triggers pattern /\(pattern.source)/ of rule '\(rule.id)'; add one that does",
                            at: index < locations.count ? locations[index] : rule.location))
                }
            }
            guard requiresExampleCoverage else { continue }
            let hits = triggered[rule.id, default: 0]
            let misses = passedBy[rule.id, default: 0]
            if hits == 0 || misses == 0 {
                diagnostics.append(
                    Diagnostic(
                        .exampleCoverage,
                        "rule '\(rule.id)' needs at least one example that triggers it and one that does not (has \(hits) that trigger\(hits == 1 ? "s" : "") it, \(misses) that do\(misses == 1 ? "es" : "") not)",
                        at: rule.location))
            }
        }
    }

    /// Expected and actual verdicts, aligned for reading.
    private static func sideBySide(_ example: PolicyExample, _ result: ExampleResult, at location: PolicyLocation?) -> [Diagnostic] {
        guard case .success(let verdict) = result.verdict else { return [] }
        let triggeredRules = verdict.findings.map { "\($0.rule) (\($0.category))" }
        let expected = "expected: \(example.expect.rawValue)" + (example.rule.map { " by rule '\($0)'" } ?? "")
            + (example.output.map { ", output \"\(printable($0))\"" } ?? "")
        let actual = "actual:   \(verdict.decision.rawValue)"
            + (triggeredRules.isEmpty ? ", no rule triggered" : " by \(triggeredRules.joined(separator: ", "))")
            + (example.output != nil ? ", output \"\(printable(verdict.text))\"" : "")
        return [Diagnostic(.exampleFailed, .note, expected, at: location), Diagnostic(.exampleFailed, .note, actual, at: location)]
    }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined().prefix(80))
    }

    /// Ordinary sentences a sensible pattern does not match.
    static let everydayTexts = [
        "Hello, how are you today?", "Can you summarise this article for me?", "The meeting moved to Thursday.",
        "Thanks for your help!", "What is the capital of France?", "I like apples and oranges.", "Please fix the typo.",
        "Write a haiku about autumn.", "안녕하세요, 반갑습니다.", "Bonjour, comment ça va ?", "Ok", "The build passed.",
    ]
}
