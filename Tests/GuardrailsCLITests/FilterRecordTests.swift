// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import Testing

@testable import GuardrailsCLI

struct FilterRecordTests {
    private func parse(_ line: String) -> Result<FilterRecord, FilterRecord.Problem> {
        FilterRecord.parse(Array(line.utf8))
    }

    @Test func idMayBeAStringOrAnInteger() throws {
        #expect(try parse(#"{"id": "a", "text": "t"}"#).get().id == .string("a"))
        #expect(try parse(#"{"id": 12, "text": "t"}"#).get().id == .integer(12))
        #expect(try parse(#"{"text": "t"}"#).get().id == nil)
        #expect(try parse(#"{"id": null, "text": "t"}"#).get().id == nil)
    }

    @Test func fractionalOrBooleanIDsAreRejected() {
        for line in [#"{"id": 1.5, "text": "t"}"#, #"{"id": true, "text": "t"}"#, #"{"id": {}, "text": "t"}"#] {
            guard case .failure(let problem) = parse(line) else {
                Issue.record("accepted \(line)")
                continue
            }
            #expect(problem.code == "invalid_field")
        }
    }

    @Test func directionIsOptionalAndValidated() throws {
        #expect(try parse(#"{"text": "t", "direction": "output"}"#).get().direction == .output)
        #expect(try parse(#"{"text": "t"}"#).get().direction == nil)
        guard case .failure(let problem) = parse(#"{"text": "t", "direction": "up"}"#) else {
            Issue.record("accepted an unknown direction")
            return
        }
        #expect(problem.message == "\"direction\" must be \"input\" or \"output\", found \"up\"")
    }

    @Test func unknownFieldsAreIgnored() throws {
        #expect(try parse(#"{"text": "t", "user": "u1", "meta": {"a": 1}}"#).get().text == "t")
    }

    @Test func flatRecordsAreReadWithoutFoundationAndOthersAreLeftToIt() {
        let flat = #"{"id": 7, "text": "a\"b\\c\/\n\u00e9\u0041 \t", "direction": "output", "x": null, "y": true}"#
        #expect(Array(flat.utf8).withUnsafeBufferPointer(FlatRecordReader.fields(of:)) != nil)
        #expect(parse(flat) == .success(FilterRecord(id: .integer(7), text: "a\"b\\c/\néA \t", direction: .output)))
        // Nested values, fractions, surrogate escapes, a key twice, malformed JSON: JSONSerialization's turn.
        for line in [
            #"{"text": "t", "meta": {"a": 1}}"#, #"{"id": 1.5, "text": "t"}"#, #"{"text": "\ud83d\ude00"}"#,
            #"{"text": "a", "text": "b"}"#, #"{"text": "t",}"#, #"{"text": 01}"#, #"["text"]"#, #"{"text": "t"} x"#,
        ] {
            #expect(Array(line.utf8).withUnsafeBufferPointer(FlatRecordReader.fields(of:)) == nil, "\(line)")
        }
    }

    @Test func theFastReaderAgreesWithJSONSerializationOnEveryLine() {
        // Pieces of records, well formed and not, joined at random: every line must come out of parse(_:)
        // exactly as it comes out of JSONSerialization alone, record or problem.
        let pieces = [
            "{", "}", "\"text\"", "\"id\"", "\"direction\"", "\"input\"", "\"output\"", "\"sideways\"", ":", ",", " ",
            "\t", "\n", "\"a\"", "\"é👩‍💻\"", "\"\\n\\\"\\\\\\u00e9\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\x\"",
            "\"\\b\\f\\r\\t\\/\\u004A\"",
            "\"\u{01}\"", "0", "-0", "12", "-7", "007", "1.5", "2e3", "123456789012345", "1234567890123456", "true",
            "false", "null", "[1]", "{\"a\": 1}", "\"", "\\",
        ]
        let strings = pieces.filter { $0.count > 1 && $0.hasPrefix("\"") && $0.hasSuffix("\"") }
        var random = SplitMix64(seed: 17)
        var records = 0
        var read = 0
        for _ in 0..<4000 {
            var line = "{"
            let wellFormed = random.below(2) == 0  // a record's shape with any values, or anything at all
            for field in 0..<random.below(5) {
                if field > 0 { line += !wellFormed && random.below(8) == 0 ? random.pick(pieces) : ", " }
                line += random.pick(["\"text\"", "\"id\"", "\"direction\"", "\"other\"", random.pick(strings)])
                line += !wellFormed && random.below(10) == 0 ? random.pick(pieces) : random.pick([":", " : "])
                line += wellFormed && random.below(2) == 0 ? random.pick(strings) : random.pick(pieces)
            }
            line += !wellFormed && random.below(10) == 0 ? random.pick(pieces) : "}"
            let bytes = Array(line.utf8)
            let fast = FilterRecord.parse(bytes)
            #expect(fast == FilterRecord.parseWithFoundation(bytes), "\(line)")
            if case .success = fast { records += 1 }
            if bytes.withUnsafeBufferPointer(FlatRecordReader.fields(of:)) != nil { read += 1 }
        }
        #expect(read > 1000, "the fast reader took too few lines to tell")
        #expect(records > 100, "too few well-formed records to tell")
    }
}
