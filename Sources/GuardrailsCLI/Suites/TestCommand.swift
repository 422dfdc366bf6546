// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails
import GuardrailsOps
import Synchronization

/// `guardrails test`: run a prompt test suite.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a prompt test suite against recorded answers or a live model; print a table, write JUnit XML.",
        discussion: """
            A suite is YAML: cases with an input and assertions on the answer (contains, not_contains, \
            max_length, max_words, regex, json_schema, passes_policy, blocked_by). See docs/llmops.md.

            By default the suite runs against its recordings file (deterministic, for CI). With --base-url \
            it calls an OpenAI-compatible endpoint (API key from $OPENAI_API_KEY or --api-key-env); add \
            --record FILE to save the answers as a recordings file.

            Examples:
              guardrails test suites/customer-support.yaml --junit report.xml
              guardrails test suite.yaml --base-url http://localhost:11434/v1 \\
                  --model llama3.1 --record suite.recordings.yaml

            Exit status: 0 every case passed, 1 a case failed, 2 an error (invalid suite, missing recordings).
            """
    )

    @Argument(help: ArgumentHelp("The suite file.", valueName: "suite.yaml"))
    var suite: String

    @Option(name: .long, help: ArgumentHelp("Recorded answers to replay (default: the suite's `recordings:`).", valueName: "file"))
    var recordings: String?

    @Option(name: .long, help: ArgumentHelp("Call a live OpenAI-compatible API at this URL instead.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: "The live model (default: the suite's `model:`).")
    var model: String?

    @Option(name: .long, help: ArgumentHelp("The environment variable holding the API key.", valueName: "name"))
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(name: .long, help: ArgumentHelp("With --base-url: write the answers to this recordings file.", valueName: "file"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Write a JUnit XML report here.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: "Model calls at once.")
    var concurrency = 4

    func run() async throws {
        let suite: PromptTestSuite
        do {
            suite = try PromptTestSuite.load(contentsOf: URL(filePath: self.suite))
        } catch {
            FileHandle.standardError.write(Data(DiagnosticRenderer.render(error.diagnostics).utf8))
            throw ExitCode(ExitStatus.error.rawValue)
        }
        let (target, source, recorder) = try makeModel(for: suite)
        print("suite \(suite.name): \(suite.cases.count) cases against \(source)")
        let showsProgress = isatty(STDERR_FILENO) == 1
        let total = suite.cases.count
        let finished = Mutex(0)
        let result = await PromptTestRunner(model: target, concurrency: concurrency).run(suite) { result in
            guard showsProgress else { return }
            let count = finished.withLock { $0 += 1; return $0 }
            FileHandle.standardError.write(Data("\r[\(count)/\(total)] \(result.testCase.name)\u{1B}[K".utf8))
        }
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let width = suite.cases.map(\.name.count).max() ?? 0
        for outcome in result.cases { print(Self.row(for: outcome, nameWidth: width)) }
        let (seconds, attoseconds) = result.duration.components
        print("\(result.passedCount) passed, \(result.failedCount) failed in " + String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18))
        if let junit {
            try Data(JUnitReport.xml(for: result).utf8).write(to: URL(filePath: junit), options: .atomic)
            print("JUnit report: \(junit)")
        }
        if let recorder, let record {
            try recorder.write(to: URL(filePath: record), modelName: model ?? suite.model ?? "live")
            print("recordings: \(record)")
        }
        if result.failedCount > 0 { throw ExitCode(ExitStatus.blocked.rawValue) }
    }

    private func makeModel(for suite: PromptTestSuite) throws -> (any LanguageModel, String, RecordingModel?) {
        if let baseURL {
            let live = try LiveModel.make(baseURL: baseURL, model: model ?? suite.model ?? "gpt-4o-mini", apiKeyVariable: apiKeyEnv)
            if record != nil {
                let recorder = RecordingModel(model: live)
                return (recorder, "\(baseURL) (recording)", recorder)
            }
            return (live, baseURL, nil)
        }
        if record != nil { throw ValidationError("--record needs --base-url: it records a live model's answers") }
        guard let path = recordings ?? suite.recordingsURL?.path else {
            throw ValidationError("the suite names no `recordings:`; pass --recordings FILE or --base-url URL")
        }
        return (try RecordedModel(contentsOf: URL(filePath: path)), "recordings \(path)", nil)
    }

    /// `PASS  order status  1/1` or `FAIL  refund  0/1  regex /…/: no match`.
    static func row(for result: CaseResult, nameWidth: Int) -> String {
        let status = result.passed ? "PASS" : "FAIL"
        var runs = "\(result.passes)/\(result.runs.count)"
        if result.testCase.requiredPassRate < 1 || result.runs.count > 1 {
            runs += " (\(Int((result.passRate * 100).rounded()))%, need \(Int((result.testCase.requiredPassRate * 100).rounded()))%)"
        }
        let name = result.testCase.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        let detail = result.passed ? "" : "  " + result.failureMessages.prefix(3).joined(separator: "; ")
        return "\(status)  \(name)  \(runs)\(detail)"
    }
}
