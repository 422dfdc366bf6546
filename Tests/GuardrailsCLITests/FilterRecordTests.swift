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
}
