// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsTesting
import Testing

/// `guardrails test`: prompt test suites through the binary.
struct TestCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @Test func theShippedCustomerSupportSuitePassesOnItsRecordings() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appending(path: "report.xml")
        let suite = CLIRunner.packageRoot.appending(path: "suites/customer-support.yaml").path
        let result = try CLIRunner.run(["test", suite, "--junit", junit.path])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.outputLines.filter { $0.hasPrefix("PASS  ") }.count == 7)
        #expect(result.output.contains("7 passed, 0 failed"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<testsuite name="customer-support" tests="7" failures="0""#))
    }

    @Test func aFailingCaseExitsOneAndSaysWhy() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try "recordings:\n  - input: hi\n    responses: [We will refund you.]\n"
            .write(to: directory.appending(path: "r.yaml"), atomically: true, encoding: .utf8)
        try "suite: s\nrecordings: r.yaml\ncases:\n  - name: no promises\n    input: hi\n    assert: [{not_contains: will refund}]\n"
            .write(to: directory.appending(path: "s.yaml"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["test", directory.appending(path: "s.yaml").path])
        #expect(result.status == 1)
        #expect(result.outputLines.contains("FAIL  no promises  0/1  not_contains \"will refund\": found"))
    }

    @Test func anInvalidSuiteExitsTwoWithLocatedErrors() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = directory.appending(path: "s.yaml")
        try "suite: s\ncases:\n  - name: c\n    input: hi\n    assert: [{containz: x}]\n".write(to: suite, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["test", suite.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("s.yaml:5:15: error: unknown assertion 'containz'; did you mean 'contains'?"))
    }

    @Test func recordsALiveModelsAnswersAndReplaysThem() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try StubHTTPServer { _ in
            .json(#"{"model":"m","choices":[{"message":{"content":"Line one\nCS-4821"}}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#)
        }
        let suite = directory.appending(path: "s.yaml")
        try "suite: s\nrecordings: rec.yaml\ncases:\n  - name: c\n    input: 'status: CS-4821?'\n    assert: [{contains: CS-4821}]\n"
            .write(to: suite, atomically: true, encoding: .utf8)
        let live = try CLIRunner.run(
            ["test", suite.path, "--base-url", server.baseURL.absoluteString, "--model", "m", "--record", directory.appending(path: "rec.yaml").path])
        #expect(live.status == 0, "\(live.output)\(live.stderr)")
        #expect(server.requests.count == 1)
        let replay = try CLIRunner.run(["test", suite.path])
        #expect(replay.status == 0, "\(replay.output)\(replay.stderr)")
        #expect(server.requests.count == 1)
        #expect(try String(contentsOf: directory.appending(path: "rec.yaml"), encoding: .utf8).contains("Line one"))
    }
}
