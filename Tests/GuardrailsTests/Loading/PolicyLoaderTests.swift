// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import Guardrails

struct PolicyLoaderTests {
    /// The error-level diagnostics of `yaml`, as (code, line, column) triples, in report order.
    private func diagnostics(_ yaml: String) -> [(String, Int, Int)] {
        PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics.filter { $0.severity == .error }.map {
            ($0.id.code, $0.location?.line ?? 0, $0.location?.column ?? 0)
        }
    }

    private func messages(_ yaml: String) -> [String] {
        PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics.map(\.message)
    }

    @Test func validPolicyLoadsWithBothChains() throws {
        let policy = try policy(
            """
            policy: ok
            description: A small policy.
            input:
              - id: a
                check: pattern
                patterns: ['x']
                action: block
            output:
              - id: b
                check: length
                max_chars: 10
                action: annotate
            examples:
              - text: x
                expect: block
                rule: a
            """)
        #expect(policy.name == "ok")
        #expect(policy.summary == "A small policy.")
        #expect(policy.input.rules.map(\.id) == ["a"])
        #expect(policy.output.rules.map(\.id) == ["b"])
        #expect(policy.input.rules.first?.location?.line == 4)
        #expect(policy.examples.first?.expect == .block)
    }

    @Test func yamlSyntaxErrorPointsAtTheProblem() {
        #expect(diagnostics("policy: x\ninput: [\n  - id: a\n").first.map { $0.0 } == "GR001")
        let result = diagnostics("policy: x\n  bad: indentation\n")
        #expect(result.count == 1)
        #expect(result.first?.0 == "GR001")
        #expect(result.first?.1 == 2)
    }

    @Test func emptyFileOrNonMappingIsNotAPolicy() {
        #expect(diagnostics("").map(\.0) == ["GR002"])
        #expect(diagnostics("- a\n- b\n").map(\.0) == ["GR002"])
        #expect(diagnostics("input: []\n").map(\.0) == ["GR002"])  // no policy: name
    }

    @Test func unknownKeySuggestsTheNearestValidKey() {
        let yaml = "policy: x\ninputs: []\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR100", "2:1"]])
        #expect(messages(yaml).first?.contains("did you mean 'input'?") == true)
        let rule = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['x']\n    acton: block\n    action: block\n"
        #expect(diagnostics(rule).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR100", "6:5"]])
        #expect(messages(rule).first?.contains("did you mean 'action'?") == true)
    }

    @Test func unknownOptionOfACheckSuggestsTheCheckOption() {
        let yaml = "policy: x\ninput:\n  - id: a\n    check: pattern\n    pattern: ['x']\n    action: block\n"
        let result = PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics
        // Sorted by location: the missing `patterns` is reported at the rule (line 3), the typo at its key.
        #expect(result.map(\.id.code) == ["GR103", "GR100"])
        #expect(result.last?.message.contains("did you mean 'patterns'?") == true)
        #expect(result.last.map { "\($0.location!.line):\($0.location!.column)" } == "5:5")
    }

    @Test func invalidRegexColumnPointsInsideThePattern() {
        // Line 5 is `    patterns: ['ok', 'é(abc']`; the error is at the end of the second pattern.
        let yaml = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['ok', 'é(abc']\n    action: block\n"
        let result = PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics
        #expect(result.count == 1)
        let diagnostic = result[0]
        #expect(diagnostic.id == .invalidRegex)
        // 'é(abc' starts at column 23 (its quote at 22); é is 2 bytes, so PCRE2's offset 6 (the end of the
        // pattern, where the parenthesis should close) is column 29.
        #expect(diagnostic.location?.line == 5)
        #expect(diagnostic.location?.column == 29)
        #expect(diagnostic.message.contains("missing closing parenthesis"))
        #expect(diagnostic.sourceLine == "    patterns: ['ok', 'é(abc']")
    }

    @Test func invalidRegexInPlainAndDoubleQuotedScalars() {
        let plain = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns:\n      - a)b\n    action: block\n"
        #expect(diagnostics(plain).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR101", "6:10"]])
        // An escape sequence in a double-quoted scalar: the column falls back to the scalar, plus a note.
        let quoted = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: [\"\\\\d(\"]\n    action: block\n"
        let result = PolicyLoader(environment: [:]).diagnose(yaml: quoted, fileName: "t.yaml").diagnostics
        #expect(result.map(\.id.code) == ["GR101"])
        #expect(result.first?.location?.column == 16)
        #expect(result.first?.notes.first?.message.contains("byte 3") == true)
    }

    @Test func unknownCheckSuggestsARegisteredName() {
        let yaml = "policy: x\ninput:\n  - id: a\n    check: patern\n    action: block\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR102", "4:12"]])
        #expect(messages(yaml).first?.contains("did you mean 'pattern'?") == true)
        let far = "policy: x\ninput:\n  - id: a\n    check: sentiment\n    action: block\n"
        #expect(messages(far).first?.contains("registered checks: canary, disclaimer, injection") == true)
    }

    @Test func missingRequiredFieldsAreEachReported() {
        let yaml = "policy: x\ninput:\n  - check: pattern\n    patterns: ['x']\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR103", "3:5"], ["GR103", "3:5"]])
        let noPatterns = "policy: x\ninput:\n  - id: a\n    check: pattern\n    action: block\n"
        #expect(diagnostics(noPatterns).map(\.0) == ["GR103"])
        #expect(messages(noPatterns).first?.contains("needs 'patterns'") == true)
        let noLimit = "policy: x\ninput:\n  - id: a\n    check: length\n    action: block\n"
        #expect(diagnostics(noLimit).map(\.0) == ["GR103"])
        let example = "policy: x\ninput: []\nexamples:\n  - expect: allow\n"
        #expect(diagnostics(example).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR103", "4:5"]])
    }

    @Test func wrongTypesNameWhatWasFound() {
        let yaml = """
            policy: x
            settings:
              max_input_bytes: lots
              audit: maybe
            input:
              - id: a
                check: length
                max_chars: '10'
                action: block
            """
        #expect(
            diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [
                ["GR104", "3:20"], ["GR104", "4:10"], ["GR104", "8:16"],
            ])
        #expect(messages(yaml).last == "'max_chars' must be a whole number, found the string '10'")
    }

    @Test func invalidValuesSayWhatIsAccepted() {
        let yaml = """
            policy: x
            settings:
              on_error: ignore
              match_limit: 0
            input:
              - id: a
                check: pattern
                patterns: ['x']
                flags: [caseles]
                action: blok
            """
        #expect(
            diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [
                ["GR108", "3:13"], ["GR108", "4:16"], ["GR108", "9:13"], ["GR108", "10:13"],
            ])
        #expect(messages(yaml).last?.contains("did you mean 'block'?") == true)
        let flag = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['x']\n    flags: [caseles]\n    action: block\n"
        #expect(diagnostics(flag).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR108", "6:13"]])
    }

    @Test func duplicateRuleIDNotesTheFirstDefinition() {
        let yaml = """
            policy: x
            input:
              - id: same
                check: pattern
                patterns: ['a']
                action: block
            output:
              - id: same
                check: pattern
                patterns: ['b']
                action: block
            """
        let result = PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics
        #expect(result.map(\.id.code) == ["GR105"])
        #expect(result.first?.location?.line == 8)
        #expect(result.first?.notes.first?.location?.line == 3)
    }

    @Test func emptyChainIsAWarningAtItsKey() {
        let report = PolicyLoader(environment: [:]).diagnose(yaml: "policy: x\ninput: []\n", fileName: "t.yaml")
        #expect(report.policy != nil)  // a warning does not stop the policy from loading
        #expect(report.diagnostics.map { [$0.id.code, $0.severity.rawValue, "\($0.location!.line):\($0.location!.column)"] } == [["GR116", "warning", "2:1"]])
    }

    @Test func duplicateKeysInAMappingAreErrors() {
        let yaml = "policy: x\npolicy: y\ninput: []\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR107", "2:1"]])
        let nested = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['x']\n    action: block\n    id: b\n"
        #expect(diagnostics(nested).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR107", "7:5"]])
    }

    @Test func hashRedactionWithoutAKeySaysWhereToPutOne() {
        let yaml = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['x']\n    action: redact\n    redact: hash\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR109", "7:5"]])
        #expect(messages(yaml).first?.contains("GUARDRAILS_HASH_KEY") == true)
    }

    @Test func redactStyleOnANonRedactingRuleIsAnError() {
        let yaml = "policy: x\ninput:\n  - id: a\n    check: pattern\n    patterns: ['x']\n    action: block\n    redact: mask\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR108", "7:5"]])
    }

    @Test func exampleNamingAnUnknownRuleIsAnError() {
        let yaml = "policy: x\ninput:\n  - id: alpha\n    check: pattern\n    patterns: ['x']\n    action: block\nexamples:\n  - text: x\n    expect: block\n    rule: alpah\n"
        #expect(diagnostics(yaml).map { [$0.0, "\($0.1):\($0.2)"] } == [["GR110", "10:11"]])
        #expect(messages(yaml).first?.contains("did you mean 'alpha'?") == true)
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        let yaml = """
            policy: x
            input:
              - id: a
                check: pattern
                patterns: ['(']
                acton: block
              - id: a
                check: patern
                action: blok
            """
        #expect(diagnostics(yaml).map(\.0) == ["GR103", "GR101", "GR100", "GR105", "GR102", "GR108"])
    }

    @Test func invalidUTF8PolicyFileIsReportedWithItsOffset() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "bad.yaml")
        try Data(Array("policy: x\n# caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: file)
        let result = PolicyLoader().diagnose(contentsOf: file).diagnostics
        #expect(result.map(\.id.code) == ["GR003"])
        #expect(result.first.map { "\($0.location!.line):\($0.location!.column)" } == "2:6")
    }

    @Test func missingFileIsUnreadable() {
        let result = PolicyLoader().diagnose(contentsOf: URL(filePath: "/nonexistent/policy.yaml")).diagnostics
        #expect(result.map(\.id.code) == ["GR004"])
        #expect(result.first?.message.contains("/nonexistent/policy.yaml") == true)
    }

    @Test func diagnosticsPrintInCompilerFormatWithCaret() {
        let yaml = "policy: x\ninput:\n  - id: a\n    check: patern\n    action: block\n"
        let diagnostics = PolicyLoader(environment: [:]).diagnose(yaml: yaml, fileName: "t.yaml").diagnostics
        #expect(diagnostics.first?.description == "t.yaml:4:12: error: unknown check 'patern'; did you mean 'pattern'? [GR102 unknown-check]")
        #expect(
            DiagnosticRenderer.render(diagnostics)
                == "t.yaml:4:12: error: unknown check 'patern'; did you mean 'pattern'? [GR102 unknown-check]\n"
                + "        check: patern\n" + "               ^\n")
    }
}

struct PolicyIncludeTests {
    private func write(_ files: [String: String]) throws -> URL {
        let directory = try temporaryDirectory()
        for (name, text) in files {
            let url = directory.appending(path: name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func includedRulesComeFirstAndRootSettingsWin() throws {
        let directory = try write([
            "main.yaml": "policy: main\ninclude: [shared/base.yaml]\nsettings:\n  max_input_bytes: 100\ninput:\n  - id: own\n    check: pattern\n    patterns: ['o']\n    action: annotate\n",
            "shared/base.yaml": "settings:\n  max_input_bytes: 5\n  on_error: allow\ninput:\n  - id: base\n    check: pattern\n    patterns: ['b']\n    action: annotate\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try PolicyLoader().load(contentsOf: directory.appending(path: "main.yaml"))
        #expect(policy.input.rules.map(\.id) == ["base", "own"])
        #expect(policy.settings.maxInputBytes == 100)
        #expect(policy.settings.onError == .allow)
    }

    @Test func contentHashCoversIncludedFiles() throws {
        let directory = try write([
            "main.yaml": "policy: main\ninclude: base.yaml\ninput: []\n",
            "base.yaml": "input:\n  - id: base\n    check: pattern\n    patterns: ['b']\n    action: annotate\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try PolicyLoader().load(contentsOf: directory.appending(path: "main.yaml")).identity
        try "input:\n  - id: base\n    check: pattern\n    patterns: ['c']\n    action: annotate\n"
            .write(to: directory.appending(path: "base.yaml"), atomically: true, encoding: .utf8)
        let after = try PolicyLoader().load(contentsOf: directory.appending(path: "main.yaml")).identity
        #expect(before.digest != after.digest)
    }

    @Test func includeCycleIsReportedAtTheIncludeThatClosesIt() throws {
        let directory = try write([
            "a.yaml": "policy: a\ninclude: [b.yaml]\ninput: []\n",
            "b.yaml": "include: [a.yaml]\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = PolicyLoader().diagnose(contentsOf: directory.appending(path: "a.yaml")).diagnostics.filter { $0.severity == .error }
        #expect(result.map(\.id.code) == ["GR106"])
        #expect(result.first?.location?.file.hasSuffix("b.yaml") == true)
        #expect(result.first.map { "\($0.location!.line):\($0.location!.column)" } == "1:11")
        #expect(result.first?.message.contains("a.yaml → b.yaml → a.yaml") == true)
    }

    @Test func missingIncludeIsReportedAtTheIncludeLine() throws {
        let directory = try write(["a.yaml": "policy: a\ninput: []\ninclude:\n  - nowhere.yaml\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = PolicyLoader().diagnose(contentsOf: directory.appending(path: "a.yaml")).diagnostics.filter { $0.severity == .error }
        #expect(result.map(\.id.code) == ["GR004"])
        #expect(result.first.map { "\($0.location!.line):\($0.location!.column)" } == "4:5")
    }

    @Test func duplicateRuleIDsAcrossIncludedFiles() throws {
        let directory = try write([
            "a.yaml": "policy: a\ninclude: [b.yaml]\ninput:\n  - id: r\n    check: pattern\n    patterns: ['x']\n    action: block\n",
            "b.yaml": "output:\n  - id: r\n    check: pattern\n    patterns: ['y']\n    action: block\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = PolicyLoader().diagnose(contentsOf: directory.appending(path: "a.yaml")).diagnostics
        #expect(result.map(\.id.code) == ["GR105"])
        #expect(result.first?.location?.file.hasSuffix("a.yaml") == true)
        #expect(result.first?.notes.first?.location?.file.hasSuffix("b.yaml") == true)
    }

    @Test func directoryWithOneRootLoadsIt() throws {
        let directory = try write([
            "main.yaml": "policy: main\ninclude: [fragment.yaml]\ninput: []\n",
            "fragment.yaml": "input:\n  - id: f\n    check: pattern\n    patterns: ['f']\n    action: annotate\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try PolicyLoader().load(contentsOf: directory)
        #expect(policy.name == "main")
        #expect(policy.input.rules.map(\.id) == ["f"])
    }

    @Test func directoryWithSeveralPoliciesAsksWhichOne() throws {
        let directory = try write([
            "one.yaml": "policy: one\ninput: []\n", "two.yml": "policy: two\ninput: []\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = PolicyLoader().diagnose(contentsOf: directory).diagnostics
        #expect(result.map(\.id.code) == ["GR005"])
        #expect(result.first?.message.contains("one.yaml, two.yml") == true)
    }
}
