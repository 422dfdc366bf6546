// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsOps
import GuardrailsTesting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct PromptTestRunnerTests {
    let directory = try! TemporaryDirectory()

    /// Writes `yaml` as a suite next to a guard policy and loads it.
    func suite(_ yaml: String) throws -> PromptTestSuite {
        try "policy: guard\ninput:\n  - id: no-secrets\n    check: secrets\n    action: block\noutput:\n  - id: no-internal\n    check: keywords\n    words: [internal]\n    action: block\n"
            .write(to: directory.url.appending(path: "guard.yaml"), atomically: true, encoding: .utf8)
        let url = directory.url.appending(path: "suite.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return try PromptTestSuite.load(contentsOf: url)
    }

    func run(_ suite: PromptTestSuite, answers: [String: [String]]) async -> SuiteResult {
        await PromptTestRunner(model: RecordedModel(recordings: answers)).run(suite)
    }

    @Test func everyAssertionReportsWhyItFailed() async throws {
        let suite = try suite("""
            suite: s
            cases:
              - name: all
                input: q
                assert:
                  - contains: CS-4821
                  - not_contains: refund
                  - max_length: 20
                  - max_words: 2
                  - regex: '\\d{3}'
                  - passes_policy: default
            """)
        let failed = await run(suite, answers: ["q": ["We will REFUND you, no case number, contact ops@acme.example"]])
        #expect(failed.cases[0].failureMessages.sorted() == [
            "contains \"CS-4821\": not found",
            "max_length 20: 60 characters",
            "max_words 2: 9 words",
            "not_contains \"refund\": found",
            "regex /\\d{3}/: no match",
        ])
        let passed = await run(suite, answers: ["q": ["CS-4821 123"]])
        #expect(passed.cases[0].passed)
    }

    @Test func passRateAppliesOverRepeatedRuns() async throws {
        let suite = try suite("""
            suite: s
            cases:
              - name: flaky
                input: q
                repeat: 4
                pass_rate: 0.75
                assert: [{contains: ok}]
            """)
        #expect(await run(suite, answers: ["q": ["ok", "ok", "no", "ok"]]).cases[0].passed)
        let result = await run(suite, answers: ["q": ["ok", "no", "no", "ok"]])
        #expect(result.cases[0].passRate == 0.5)
        #expect(!result.cases[0].passed)
        #expect(result.failedCount == 1)
    }

    @Test func blockedByPassesOnlyForTheBlockingRule() async throws {
        let suite = try suite("""
            suite: s
            policy: guard.yaml
            cases:
              - name: secret in
                input: my key is AKIAIOSFODNN7EXAMPLE
                assert: [{blocked_by: no-secrets}]
              - name: internal out
                input: status?
                assert: [{blocked_by: no-secrets}]
              - name: not blocked
                input: hello
                assert: [{blocked_by: no-internal}]
            """)
        let result = await run(suite, answers: ["status?": ["internal only"], "hello": ["hi"]])
        #expect(result.cases.map(\.passed) == [true, false, false])
        #expect(result.cases[1].failureMessages == ["blocked_by no-secrets: blocked by 'no-internal' instead"])
        #expect(result.cases[2].failureMessages == ["blocked_by no-internal: not blocked"])
    }

    @Test func jsonSchemaParsesFencedAnswersAndNamesEachViolation() async throws {
        let suite = try suite("""
            suite: s
            cases:
              - name: json
                input: q
                assert:
                  - json_schema:
                      type: object
                      required: [order, status]
                      additionalProperties: false
                      properties:
                        order: {type: string, pattern: '^[0-9]+$'}
                        status: {enum: [shipped, delivered]}
                        items: {type: array, items: {type: integer}, maxItems: 2}
            """)
        #expect(await run(suite, answers: ["q": ["```json\n{\"order\": \"48213\", \"status\": \"shipped\"}\n```"]]).cases[0].passed)
        let wrong = await run(suite, answers: ["q": [#"{"order": "A1", "status": "lost", "items": [1, 2.5, 3], "note": 1}"#]])
        #expect(wrong.cases[0].failureMessages == [
            #"json_schema: $.items[1]: expected integer, found number; $.items: 3 items, more than 2; $: unexpected property 'note'; $.order: "A1" does not match pattern /^[0-9]+$/; $.status: "lost" is not one of "shipped", "delivered""#,
        ])
        #expect(await run(suite, answers: ["q": ["Sure! Here it is"]]).cases[0].failureMessages == ["json_schema: the answer is not JSON"])
    }

    @Test func aModelErrorFailsTheCaseWithItsMessage() async throws {
        let suite = try suite("suite: s\ncases:\n  - name: c\n    input: unrecorded\n    assert: [{contains: x}]\n")
        let result = await run(suite, answers: [:])
        #expect(result.cases[0].failureMessages.first?.hasPrefix("model error: no recorded response for \"unrecorded\"") == true)
    }

    @Test func runsAgainstALiveModelOverHTTP() async throws {
        let stub = try StubChatModel { prompt, _ in prompt == "ping" ? "pong" : "?" }
        let suite = try suite("suite: s\nsystem: Be terse.\ncases:\n  - name: ping\n    input: ping\n    repeat: 3\n    assert: [{contains: pong}]\n")
        let result = await PromptTestRunner(model: stub.client, concurrency: 2).run(suite)
        #expect(result.cases[0].passes == 3)
        #expect(stub.server.requests.count == 3)
    }

    @Test func loadingReportsEveryProblemWithItsLine() throws {
        let error = #expect(throws: PolicyLoadError.self) {
            try suite("""
                suite: s
                polcy: guard.yaml
                cases:
                  - name: a
                    input: q
                    assert:
                      - contain: x
                      - regex: '(unclosed'
                      - passes_policy: strict
                      - blocked_by: no-secrets
                  - name: a
                    input: q
                    repeat: 0
                    assert: [{max_words: many}]
                """)
        }
        #expect(error?.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
            "2: unknown key 'polcy'; did you mean 'policy'?",
            "7: unknown assertion 'contain'; did you mean 'contains'?",
            "8: invalid regex at offset 9: missing closing parenthesis",
            "9: no policy named 'strict'; list it under 'policies:'",
            "10: 'blocked_by' needs the suite's 'policy:' that calls go through",
            "13: 'repeat' must be a whole number of at least 1",
            "14: 'max_words' takes a whole number",
            "11: two cases are named 'a'",
        ])
    }

    @Test func junitReportIsWellFormedXMLWithOneFailurePerFailedCase() async throws {
        let suite = try suite("suite: 'quotes \" & <tags>'\ncases:\n  - name: good\n    input: a\n    assert: [{contains: x}]\n  - name: bad <one>\n    input: b\n    assert: [{contains: x}]\n")
        let result = await run(suite, answers: ["a": ["x"], "b": ["y & \u{7} z"]])
        let xml = JUnitReport.xml(for: result)
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var failureMessages: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                elements.append(name)
                if name == "failure" { failureMessages.append(attributes["message"] ?? "") }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed:\n\(xml)")
        #expect(collector.elements.filter { $0 == "testcase" }.count == 2)
        #expect(collector.failureMessages == ["0/1 runs passed (required 100%)"])
        #expect(xml.contains(#"<testsuite name="quotes &quot; &amp; &lt;tags&gt;" tests="2" failures="1""#))
        #expect(xml.contains(#"<testcase name="bad &lt;one&gt;""#))
    }
}
