// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import GuardrailsTesting
import Testing

struct CheckExampleTests {
    @Test(arguments: ExampleCase.all(in: .builtIn))
    func documentedExamplesHold(_ example: ExampleCase) {
        let mismatches = example.mismatches()
        #expect(
            mismatches.isEmpty, "\(mismatches.joined(separator: "; "))",
            sourceLocation: SourceLocation(
                fileID: example.example.fileID, filePath: example.example.filePath, line: example.example.line,
                column: example.example.column))
    }

    @Test func everyBuiltInCheckDocumentsBothKindsOfExample() {
        for check in CheckRegistry.builtIn.all {
            #expect(!check.description.passingExamples.isEmpty, "\(check.description.id) has no passing example")
            #expect(!check.description.failingExamples.isEmpty, "\(check.description.id) has no failing example")
        }
    }

    @Test func exampleVerificationCatchesAWrongSpan() {
        let wrong = ExampleCase(
            check: PatternCheck.self,
            example: CheckExample("⟦ab⟧c", options: ["patterns": .list([.string("abc")])]),
            expectsFindings: true)
        #expect(!wrong.mismatches().isEmpty)
    }
}

/// A check an app writes itself: ticket numbers like `TKT-12345`.
struct TicketNumberCheck: Check {
    static let description = CheckDescription(
        id: "ticket_number",
        summary: "Finds support ticket numbers",
        options: [OptionDescription("prefix", .string, summary: "ticket prefix, default TKT")],
        passingExamples: [CheckExample("TKT-12")],
        failingExamples: [CheckExample("see ⟦TKT-12345⟧")])

    let pattern: Pattern

    init(options: CheckOptions) throws(CheckOptionsError) {
        let prefix = try options.string("prefix") ?? "TKT"
        guard prefix.allSatisfy({ $0.isLetter }) else { throw .invalid("prefix", "'prefix' must be letters only") }
        do {
            pattern = try Pattern("\\b\(prefix)-[0-9]{5}\\b")
        } catch {
            throw .invalid("prefix", "\(error)")
        }
    }

    func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        try pattern.forEachMatch(in: subject) { span in
            findings.append(Finding(category: "ticket", span: span, message: "ticket number"))
        }
    }
}

struct CheckRegistryTests {
    @Test func builtInRegistryHasTheEngineChecks() {
        #expect(
            CheckRegistry.builtIn.names == [
                "canary", "disclaimer", "injection", "invisible_text", "keywords", "length", "medical_advice", "pattern",
                "pii", "secrets", "toxicity",
            ])
        #expect(CheckRegistry.builtIn.check(named: "pattern") == PatternCheck.self)
        #expect(CheckRegistry.builtIn.check(named: "nope") == nil)
    }

    @Test func appsRegisterTheirOwnChecksAndRuleFilesNameThem() throws {
        let registry = try CheckRegistry.builtIn.registering(TicketNumberCheck.self)
        let yaml = "policy: support\noutput:\n  - id: tickets\n    check: ticket_number\n    action: redact\n"
        let policy = try PolicyLoader(registry: registry).load(yaml: yaml)
        #expect(try policy.evaluate("ref TKT-12345.", direction: .output).text == "ref [TICKET].")
        #expect(ExampleCase.all(in: registry).filter { $0.check == TicketNumberCheck.self }.allSatisfy { $0.mismatches().isEmpty })
    }

    @Test func customCheckOptionErrorsBecomeDiagnostics() throws {
        let registry = try CheckRegistry.builtIn.registering(TicketNumberCheck.self)
        let yaml = "policy: support\noutput:\n  - id: tickets\n    check: ticket_number\n    prefix: 'T-1'\n    action: redact\n"
        let result = PolicyLoader(registry: registry).diagnose(yaml: yaml, fileName: "s.yaml").diagnostics
        #expect(result.map(\.id.code) == ["GR108"])
        #expect(result.first.map { "\($0.location!.line):\($0.location!.column)" } == "5:5")
    }

    @Test func registeringADuplicateNameThrows() {
        #expect(throws: DuplicateCheckError.self) { try CheckRegistry.builtIn.registering(PatternCheck.self) }
    }

    @Test func withoutRegistrationTheNameIsUnknown() {
        let yaml = "policy: support\noutput:\n  - id: tickets\n    check: ticket_number\n    action: redact\n"
        #expect(PolicyLoader().diagnose(yaml: yaml).diagnostics.map(\.id) == [.unknownCheck])
    }
}
