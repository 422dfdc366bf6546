// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

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
    @Test func commonWordsAreOneTokenAndSpacesAreFree() {
        #expect(TokenEstimator.count("the cat sat on the mat") == 6)
    }

    @Test func longWordsDigitsAndPunctuationCostMore() {
        #expect(TokenEstimator.count("internationalization") == 4)  // 20 letters: 4 started runs of 6
        #expect(TokenEstimator.count("1234567") == 3)  // digits in groups of 3
        #expect(TokenEstimator.count("a, b.") == 4)
        #expect(TokenEstimator.count("line\n\n\nnext") == 3)
    }

    @Test func nonLatinScriptsCountPerScalar() {
        #expect(TokenEstimator.count("한국어") == 3)
        #expect(TokenEstimator.count("👍") == 2)
        #expect(TokenEstimator.count("café") == 1)
    }

    @Test func emptyTextIsZeroTokens() {
        #expect(TokenEstimator.count("") == 0)
    }
}
