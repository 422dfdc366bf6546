// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import Guardrails

/// One fixture per diagnostic code in Tests/Fixtures/guardlint: the linter's exact output for it.
struct PolicyLinterFixtureTests {
    static let directory = packageRoot.appending(path: "Tests/Fixtures/guardlint")

    /// Fixture names: a `.yaml` file or a folder, each with a `.expected` file beside it.
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted()
    }()

    @Test(arguments: fixtures)
    func fixtureProducesExactlyItsExpectedOutput(_ name: String) throws {
        let isStrict = name.hasPrefix("GR133")
        let linter = PolicyLinter(environment: [:], requiresExampleCoverage: isStrict)
        let report = try linter.lint(paths: [Self.directory.appending(path: name)])
        let prefix = Self.directory.path(percentEncoded: false) + "/"
        let output = LintOutput.human.render(report, strict: isStrict).replacingOccurrences(of: prefix, with: "$DIR/")
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        let expected = try String(contentsOf: Self.directory.appending(path: stem + ".expected"), encoding: .utf8)
        #expect(output == expected)
        let code = String(name.prefix(5))
        #expect(report.diagnostics.contains { $0.id.code == code }, "the fixture for \(code) does not produce it")
    }

    @Test func everyDiagnosticCodeHasAFixture() {
        // GR005 (a directory holding several policies) only arises where one policy is loaded from a
        // folder (guardrails filter --policy DIR); guardlint lints every file. PolicyIncludeTests covers it.
        let covered = Set(Self.fixtures.map { String($0.prefix(5)) })
        for id in DiagnosticID.all where id != .ambiguousDirectory {
            #expect(covered.contains(id.code), "no fixture for \(id)")
        }
    }
}

struct PolicyLinterTests {
    @Test func shippedPoliciesLintCleanUnderStrict() throws {
        let report = try PolicyLinter(environment: [:], requiresExampleCoverage: true)
            .lint(paths: [packageRoot.appending(path: "policies")])
        #expect(report.policies.count == 3)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.examplesRun >= 40)
        #expect(report.examplesPassed == report.examplesRun)
    }

    @Test func allProblemsOfAllFilesAreReportedInOneRun() throws {
        let report = try PolicyLinter(environment: [:]).lint(paths: [PolicyLinterFixtureTests.directory])
        let codes = Set(report.diagnostics.map(\.id.code))
        #expect(codes.isSuperset(of: ["GR001", "GR101", "GR102", "GR111", "GR114", "GR120"]))
        #expect(report.files.count > 25)
    }

    @Test func missingPathIsAPathError() {
        #expect(throws: PolicyLinter.PathError.self) {
            try PolicyLinter().lint(paths: [URL(filePath: "/nonexistent/policies")])
        }
    }

    @Test func backtrackingProbeTellsExponentialFromPolynomialFromLinear() {
        #expect(BacktrackingProbe.probe("^(a+)+$", options: []) == .exponential(sample: "a", length: 30))
        #expect(BacktrackingProbe.probe(#"(\w+\s?)+$"#, options: []) != .linear)
        #expect(BacktrackingProbe.probe("a*a*a*b", options: []) == .polynomial(sample: "a", length: 3_000))
        #expect(BacktrackingProbe.probe(#"\b[\w.]+@[\w.]+\.com\b"#, options: []) == .linear)
        #expect(BacktrackingProbe.probe("ignore (?:all )?previous instructions", options: .caseless) == .linear)
    }

    @Test func strictPromotesWarningsToErrors() throws {
        let file = PolicyLinterFixtureTests.directory.appending(path: "GR130-missing-message.yaml")
        let report = try PolicyLinter(environment: [:]).lint(paths: [file])
        #expect(report.count(.error) == 0)
        #expect(LintOutput.human.render(report, strict: true).contains("error: rule 'words' has no 'message'"))
    }
}
