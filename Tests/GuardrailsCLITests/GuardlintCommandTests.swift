// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

/// `guardlint`, run as a real process.
struct GuardlintCommandTests {
    static let fixtures = CLIRunner.packageRoot.appending(path: "Tests/Fixtures/guardlint")

    private func run(_ arguments: [String]) throws -> CLIResult {
        try CLIRunner.run(arguments, executable: "guardlint")
    }

    @Test func cleanPoliciesExitZero() throws {
        let result = try run(["--strict", CLIRunner.packageRoot.appending(path: "policies").path])
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("3 files (3 policies), 40 of 40 examples passed: 0 errors, 0 warnings\n"))
    }

    @Test func errorsExitOneAndWarningsOnlyUnderStrict() throws {
        #expect(try run([Self.fixtures.appending(path: "GR101-invalid-regex.yaml").path]).status == 1)
        let warningOnly = Self.fixtures.appending(path: "GR130-missing-message.yaml").path
        #expect(try run([warningOnly]).status == 0)
        #expect(try run(["--strict", warningOnly]).status == 1)
    }

    @Test func unusableArgumentsExitTwo() throws {
        let missing = try run(["/nonexistent/policies"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "guardlint: no such file or directory: /nonexistent/policies\n")
        #expect(try run(["--format", "xml"]).status == 2)
    }

    @Test func jsonFormatListsEveryDiagnosticWithItsLocation() throws {
        let result = try run(["--format", "json", Self.fixtures.appending(path: "GR102-unknown-check.yaml").path])
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "GR102")
        #expect(diagnostics.first?["line"] as? Int == 4)
        #expect(diagnostics.first?["column"] as? Int == 12)
        #expect((document["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    @Test func githubFormatWritesWorkflowCommands() throws {
        let file = Self.fixtures.appending(path: "GR120-example-failed.yaml").path
        let result = try run(["--format", "github", file])
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("::error file=\(file),line=9,col=5,title=GR120 example-failed::example does not hold") == true)
        #expect(lines.first?.contains("%0A") == true)  // notes stay on one line
    }

    @Test func sarifFormatHasTheRequiredStructure() throws {
        let file = Self.fixtures.appending(path: "GR114-confusable-characters.yaml").path
        let result = try run(["--format", "sarif", file])
        let log = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "guardlint")
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for entry in results {
            #expect(ruleIDs.contains(entry["ruleId"] as? String ?? ""))
            #expect(["error", "warning", "note"].contains(entry["level"] as? String ?? ""))
            #expect(((entry["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        // The pattern 'pаypal' starts at UTF-8 column 16; SARIF counts code points, the same here.
        let region = ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 5)
        #expect(region?["startColumn"] as? Int == 16)
    }

    @Test func emitManifestListsValidatedPolicies() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "guardlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appending(path: "ValidatedPolicies.swift").path
        let policies = CLIRunner.packageRoot.appending(path: "policies").path
        #expect(try run(["--emit-manifest", manifest, policies]).status == 0)
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(text.contains("enum ValidatedPolicies"))
        #expect(text.contains("medical.yaml\""))
    }

    @Test func helpTeachesWithExamplesAndExitStatuses() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("guardlint --format github"))
        #expect(result.output.contains("Exit status: 0 clean, 1 problems at error level"))
    }
}
