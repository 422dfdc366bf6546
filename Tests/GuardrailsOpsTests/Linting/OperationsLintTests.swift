// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsOps
import Testing

/// `guardlint`'s checks of price tables, prompt test suites and recordings, one fixture per code.
struct OperationsLintTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appending(path: "Tests/Fixtures/guardlint-ops")
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    let linter = PolicyLinter(registry: .operations, environment: [:], requiresExampleCoverage: true, documentLinters: DocumentLinter.operations)

    @Test(arguments: fixtures)
    func fixtureProducesExactlyItsExpectedOutput(_ name: String) throws {
        let report = try linter.lint(paths: [Self.directory.appending(path: name)])
        let output = LintOutput.human.render(report).replacingOccurrences(of: Self.directory.path(percentEncoded: false) + "/", with: "$DIR/")
        let expected = try String(contentsOf: Self.directory.appending(path: String(name.dropLast(5)) + ".expected"), encoding: .utf8)
        #expect(output == expected)
        #expect(report.diagnostics.contains { $0.id.code == String(name.prefix(5)) })
    }

    @Test func everyOperationsCodeHasAFixture() {
        let covered = Set(Self.fixtures.map { String($0.prefix(5)) })
        for id in [DiagnosticID.invalidPriceTable, .negativePrice, .implausiblePrice, .unknownModel] {
            #expect(covered.contains(id.code), "no fixture for \(id)")
        }
    }

    @Test func theShippedPoliciesPricesAndSuitesLintCleanUnderStrict() throws {
        let paths = ["policies", "suites", "Sources/GuardrailsOps/Resources/prices.yaml"].map { Self.root.appending(path: $0) }
        let report = try linter.lint(paths: paths)
        #expect(report.files.count == 6)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func aBrokenSuiteAndRecordingsAreReportedWithTheirFiles() throws {
        let directory = try TemporaryDirectory()
        try "suite: s\ncases:\n  - name: c\n    input: q\n    assert: [{max_wrds: 3}]\n"
            .write(to: directory.url.appending(path: "s.yaml"), atomically: true, encoding: .utf8)
        try "recordings:\n  - input: q\n".write(to: directory.url.appending(path: "r.yaml"), atomically: true, encoding: .utf8)
        let report = try linter.lint(paths: [directory.url])
        let messages = report.diagnostics.map { "\(URL(filePath: $0.location?.file ?? "").lastPathComponent): \($0.message)" }
        #expect(messages.contains("s.yaml: unknown assertion 'max_wrds'; did you mean 'max_words'?"))
        #expect(messages.contains { $0.hasPrefix("r.yaml: ") && $0.contains("needs 'responses:'") })
    }
}
