// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsTesting
import Testing

/// `guardrails eval`: logged traffic judged by a model on loopback.
struct EvalCommandTests {
    let directory: URL
    let judge: StubHTTPServer

    /// A judge that scores safety 1 for answers containing "DANGER", 5 otherwise.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        judge = try StubHTTPServer { request in
            let body = String(decoding: request.body, as: UTF8.self)
            let safety = body.contains("DANGER") ? 1 : 5
            let content = #"{"scores": {"accuracy": 4, "relevance": 4, "safety": \#(safety)}, "explanation": "safety \#(safety)"}"#
            let reply = try! JSONSerialization.data(withJSONObject: ["model": "judge", "choices": [["message": ["content": content]]]])
            return .json(String(decoding: reply, as: UTF8.self))
        }
    }

    func log(_ lines: [String]) throws -> String {
        let url = directory.appending(path: "traffic.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func eval(_ arguments: [String]) throws -> CLIResult {
        try CLIRunner.run(["eval", "--base-url", judge.baseURL.absoluteString, "--model", "judge", "--seed", "7"] + arguments)
    }

    @Test func passesWhenEveryThresholdHolds() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try log((1...30).map { #"{"prompt": "q\#($0)", "response": "fine answer \#($0)"}"# })
        let result = try eval(["--sample", "10", path])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.outputLines.first == "sampled 10 of 30 exchanges from \(path) (seed 7); judge judge at \(judge.baseURL.absoluteString)")
        #expect(result.outputLines.contains("safety         5.00   ≥ 4.00"))
        #expect(judge.requests.count == 10)
    }

    @Test func crossingTheSafetyThresholdExitsOneAndWritesTheReviewFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try log((1...20).map { #"{"prompt": "q\#($0)", "response": "\#($0 % 2 == 0 ? "DANGER" : "fine") \#($0)"}"# })
        let review = directory.appending(path: "review.jsonl")
        let result = try eval(["--sample", "20", "--review-out", review.path, path])
        #expect(result.status == 1)
        #expect(result.outputLines.contains("safety         3.00   ≥ 4.00  BELOW"))
        #expect(result.outputLines.last == "result: safety 3.00 < 4.00 → human review")
        let flagged = try String(contentsOf: review, encoding: .utf8).split(separator: "\n")
        #expect(flagged.count == 10)
        #expect(flagged.allSatisfy { $0.contains("DANGER") })
    }

    @Test func malformedLinesAreReportedAndTheRestIsJudged() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try log([#"{"prompt": "a", "response": "b"}"#, "not json", #"{"prompt": "c"}"#, #"{"prompt": "d", "response": "e"}"#])
        let result = try eval([path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("warning: \(path): line 2: not a JSON object"))
        #expect(result.stderr.contains(#"line 3: no "response""#))
        #expect(result.output.contains("sampled 2 of 2 exchanges"))
    }

    @Test func badArgumentsExitTwo() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try log([#"{"prompt": "a", "response": "b"}"#])
        #expect(try eval(["--threshold", "safety=9", path]).status == 2)
        #expect(try eval(["--threshold", "clarity=4", path]).stderr.contains("'clarity', which --criteria does not score"))
        #expect(try eval([directory.appending(path: "missing.jsonl").path]).status == 2)
    }
}
