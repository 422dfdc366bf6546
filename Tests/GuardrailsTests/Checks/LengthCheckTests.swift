// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import Guardrails

struct LengthCheckTests {
    private func findings(_ text: String, _ values: [String: OptionValue]) throws -> [Finding] {
        let check = try LengthCheck(options: CheckOptions(ruleID: "len", values: values))
        var findings: [Finding] = []
        try check.evaluate(Subject(text: text), into: &findings)
        return findings
    }

    @Test func bytesCharactersAndTokensAreEachLimited() throws {
        let text = "👩‍👩‍👧‍👦 family"  // 1 + 1 + 6 = 8 characters, 32 bytes
        #expect(try findings(text, ["max_chars": .integer(8)]).isEmpty)
        #expect(try findings(text, ["max_chars": .integer(7)]).map(\.category) == ["length.chars"])
        #expect(try findings(text, ["max_bytes": .integer(32)]).isEmpty)
        #expect(try findings(text, ["max_bytes": .integer(31)]).map(\.span) == [Span(start: 31, end: 32)])
    }

    @Test func tokensAreEstimatedOnlyForTextsLongerInBytesThanTheBudget() throws {
        let text = "the cat sat on the mat"  // 6 estimated tokens, 22 bytes
        #expect(try findings(text, ["max_tokens": .integer(6)]).isEmpty)
        let over = try findings(text, ["max_tokens": .integer(5)])
        #expect(over.map(\.category) == ["length.tokens"])
        #expect(over.first?.message == "6 estimated tokens over max_tokens 5")
        #expect(try findings(text, ["max_tokens": .integer(22)]).isEmpty)
    }

    @Test func overflowSpanStartsAtTheFirstScalarOverTheBudget() throws {
        // 한국어: a 7-byte budget ends inside 어 (bytes 6..<9), so the overflow starts at 6.
        #expect(try findings("한국어", ["max_bytes": .integer(7)]).map(\.span) == [Span(start: 6, end: 9)])
    }

    @Test func severalExceededBudgetsReportInOffsetOrder() throws {
        let result = try findings("abcdefghij", ["max_chars": .integer(8), "max_bytes": .integer(5)])
        #expect(result.map(\.category) == ["length.bytes", "length.chars"])
        #expect(result.first?.message == "10 bytes over max_bytes 5")
    }

    @Test func negativeLimitIsRejected() {
        #expect(throws: CheckOptionsError.self) { try findings("x", ["max_chars": .integer(-1)]) }
    }

    @Test func redactingALengthRuleTruncates() throws {
        let yaml = "policy: t\noutput:\n  - id: cap\n    check: length\n    max_chars: 5\n    action: redact\n"
        #expect(try policy(yaml).evaluate("hello world", direction: .output).text == "hello[CHARS]")
    }
}

struct TokenEstimatorTests {
    @Test func theEstimateNeverExceedsTheByteCount() {
        // The length check relies on this to skip texts no longer in bytes than their token budget.
        let pieces = ["a", "é", "한", "👩‍👩‍👧‍👦", "7", "(", "\n", "\r\n", " ", "\t", "\u{0301}", "ß", "🇫🇷", ")::", "x1"]
        var random = SplitMix64(seed: 5)
        for _ in 0..<2_000 {
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(TokenEstimator.count(text) <= text.utf8.count, "\(text.debugDescription)")
        }
    }

    @Test func commonWordsAreOneTokenAndSpacesAreFree() {
        #expect(TokenEstimator.count("the cat sat on the mat") == 6)
    }

    @Test func longWordsDigitsSymbolsAndLineBreaksCostMore() {
        #expect(TokenEstimator.count("internationalization") == 2)  // 20 letters: 2 started runs of 12
        #expect(TokenEstimator.count("1234567") == 3)  // digits in groups of 3
        #expect(TokenEstimator.count("a, b.") == 4)
        #expect(TokenEstimator.count("f(x)) -> y") == 6)  // f ( x )) -> y
        #expect(TokenEstimator.count("line\n\n\nnext") == 5)
        #expect(TokenEstimator.count("if x:\n        return y") == 6)  // the line break takes its indentation along
    }

    @Test func nonLatinScriptsCountPerScalar() {
        #expect(TokenEstimator.count("한국어") == 3)
        #expect(TokenEstimator.count("👍") == 2)
        #expect(TokenEstimator.count("café") == 1)
    }

    @Test func emptyTextIsZeroTokens() {
        #expect(TokenEstimator.count("") == 0)
    }

    /// Samples with their `cl100k_base` counts (Tests/Fixtures/tokens/generate.py says how they were made).
    struct Sample: Decodable, Sendable {
        let kind: String
        let text: String
        let cl100k: Int
    }

    @Test(arguments: ["prose", "code"])
    func estimateIsWithinTenPercentOfCL100K(kind: String) throws {
        let url = packageRoot.appending(path: "Tests/Fixtures/tokens/samples.jsonl")
        let samples = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Sample.self, from: Data($0.utf8)) }
            .filter { $0.kind == kind }
        #expect(samples.count >= 30)
        let estimated = samples.reduce(0) { $0 + TokenEstimator.count($1.text) }
        let actual = samples.reduce(0) { $0 + $1.cl100k }
        let ratio = Double(estimated) / Double(actual)
        print("\(kind): estimated \(estimated) tokens, cl100k_base \(actual), ratio \(ratio)")
        #expect(abs(ratio - 1) <= 0.10, "estimated \(estimated), cl100k_base \(actual)")
    }
}
