// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Testing

@testable import Guardrails

struct RedactorTests {
    private func redact(_ text: String, _ span: Span, _ category: String, _ style: RedactionStyle, key: String? = "k")
        -> String
    {
        Redactor(hashKey: key.map { Array($0.utf8) })
            .apply([Redaction(span: span, category: category, style: style)], to: text)
    }

    @Test func tagUsesTheLastComponentOfTheCategoryUpperCased() {
        #expect(redact("a jane@corp.com b", Span(start: 2, end: 15), "pii.email", .tag) == "a [EMAIL] b")
        #expect(Redactor.label(for: "secret.aws-access key") == "AWS_ACCESS_KEY")
        #expect(Redactor.label(for: "confidential") == "CONFIDENTIAL")
    }

    @Test func labelsAreUpperCasedByCharacterBeyondASCII() {
        #expect(Redactor.label(for: "pii.straße") == "STRASSE")
        #expect(Redactor.label(for: "kategorie.größe-2") == "GRÖSSE_2")
        #expect(Redactor.label(for: "") == "REDACTED")
        // ASCII is read byte by byte; it must give what reading by Character gives, control characters and
        // "\r\n" (one character) included.
        let categories = (UInt8(0x01)..<0x7F).filter { $0 != UInt8(ascii: ".") }
            .map { "x" + String(UnicodeScalar($0)) + "y" }
        for category in categories + ["x\r\ny"] {
            let reference = String(category.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
            #expect(Redactor.label(for: category) == reference, "\(category.debugDescription)")
        }
    }

    @Test func maskKeepsTheCharacterCountOfMultiByteText() {
        // 한국어 is 3 characters in 9 bytes; 👩‍👩‍👧‍👦 is one character; e + U+0301 is one character.
        #expect(redact("이름: 한국어!", Span(start: 8, end: 17), "pii.name", .mask) == "이름: ***!")
        #expect(redact("x👩‍👩‍👧‍👦y", Span(start: 1, end: 26), "emoji", .mask) == "x*y")
        #expect(redact("cafe\u{301}", Span(start: 0, end: 6), "word", .mask) == "****")
    }

    @Test func partialKeepsTheLastFourCharacters() {
        #expect(redact("card 4111111111111111", Span(start: 5, end: 21), "pii.credit_card", .partial) == "card ************1111")
        #expect(redact("pin 1234", Span(start: 4, end: 8), "pin", .partial) == "pin ****")
        #expect(redact("주민번호 가나다라마바", Span(start: 13, end: 31), "id", .partial) == "주민번호 **다라마바")
    }

    @Test func hashIsStableKeyedAndShort() {
        let first = redact("jane@corp.com", Span(start: 0, end: 13), "pii.email", .hash, key: "k1")
        let again = redact("jane@corp.com", Span(start: 0, end: 13), "pii.email", .hash, key: "k1")
        let otherKey = redact("jane@corp.com", Span(start: 0, end: 13), "pii.email", .hash, key: "k2")
        let otherValue = redact("john@corp.com", Span(start: 0, end: 13), "pii.email", .hash, key: "k1")
        #expect(first == again)
        #expect(first != otherKey)
        #expect(first != otherValue)
        #expect(first.wholeMatch(of: /<EMAIL:[0-9a-f]{8}>/) != nil)
    }

    @Test func hashMatchesHMACSHA256() {
        // HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") = f7bc83f4...
        let text = "The quick brown fox jumps over the lazy dog"
        #expect(redact(text, Span(start: 0, end: text.utf8.count), "x", .hash, key: "key") == "<X:f7bc83f4>")
    }

    @Test func spansInsideAScalarWidenToWholeScalars() {
        // Bytes 1..<2 fall inside 한 (bytes 0..<3): the whole scalar is redacted, never half of it.
        #expect(redact("한a", Span(start: 1, end: 2), "x", .tag) == "[X]a")
        let merged = Redactor.merge(
            [Redaction(span: Span(start: 2, end: 3), category: "x", style: .tag)], in: Array("a한b".utf8))
        #expect(merged.map(\.span) == [Span(start: 1, end: 4)])
    }

    @Test func overlappingSpansMergeKeepingTheFirstCategory() {
        let merged = Redactor.merge(
            [
                Redaction(span: Span(start: 5, end: 9), category: "b", style: .mask),
                Redaction(span: Span(start: 0, end: 6), category: "a", style: .tag),
                Redaction(span: Span(start: 9, end: 10), category: "c", style: .tag),
            ], in: Array("0123456789".utf8))
        #expect(merged.map(\.span) == [Span(start: 0, end: 9), Span(start: 9, end: 10)])
        #expect(merged.map(\.category) == ["a", "c"])
    }

    @Test func redactionStyleComesFromTheRule() throws {
        let yaml = """
            policy: styles
            settings:
              hash_key: test-key
            input:
              - id: masked
                check: pattern
                patterns: ['\\d{4}-\\d{4}']
                category: pii.number
                action: redact
                redact: partial
              - id: hashed
                check: pattern
                patterns: ['[a-z]+@corp\\.com']
                category: pii.email
                action: redact
                redact: hash
            """
        let verdict = try policy(yaml).evaluate("call 1234-5678 or jane@corp.com")
        #expect(verdict.text.hasPrefix("call *****5678 or <EMAIL:"))
    }

    @Test func hashKeyComesFromTheEnvironmentVariableTheSettingsName() throws {
        let yaml = """
            policy: styles
            settings:
              hash_key_env: MY_KEY
            input:
              - id: hashed
                check: pattern
                patterns: ['secret']
                action: redact
                redact: hash
            """
        let one = try policy(yaml, environment: ["MY_KEY": "one"]).evaluate("secret").text
        let two = try policy(yaml, environment: ["MY_KEY": "two"]).evaluate("secret").text
        #expect(one != two)
        #expect(one.hasPrefix("<HASHED:"))
    }
}
