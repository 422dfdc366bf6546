// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import Testing

@testable import GuardrailsCLI

struct JSONWriterTests {
    private func literal(_ text: String) -> String {
        var out: [UInt8] = []
        JSONWriter.string(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        #expect(literal("plain é 👩‍💻") == "\"plain é 👩‍💻\"")
        #expect(literal("a\"b\\c\nd\te\r\u{01}\u{1F}") == #""a\"b\\c\nd\te\r\u0001\u001f""#)
        #expect(literal("") == "\"\"")
        #expect(literal("\n") == #""\n""#)
    }

    @Test func everyStringReadsBackAsItself() throws {
        // Runs of plain bytes between escapes are copied whole: escapes at every position and of every kind.
        let pieces = ["a", "é", "👩‍💻", "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{1B}", "\u{7F}", " ", "xyz"]
        var random = SplitMix64(seed: 3)
        for _ in 0..<2000 {
            let text = (0..<random.below(20)).map { _ in random.pick(pieces) }.joined()
            let read = try JSONSerialization.jsonObject(with: Data(literal(text).utf8), options: .fragmentsAllowed)
            #expect(read as? String == text, "\(text.debugDescription)")
        }
    }
}
