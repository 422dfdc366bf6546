// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import Guardrails

struct EvaluationTests {
    /// Four rules: annotate "alpha", redact emails, block "forbidden", redact "secret".
    static let chainYAML = """
        policy: semantics
        input:
          - id: note-alpha
            check: pattern
            patterns: ['alpha']
            category: note.alpha
            action: annotate
          - id: emails
            check: pattern
            patterns: ['[a-z]+@[a-z]+\\.com']
            category: pii.email
            action: redact
          - id: forbidden
            check: pattern
            patterns: ['forbidden']
            action: block
            message: Forbidden word.
          - id: secrets
            check: pattern
            patterns: ['secret']
            category: secret.word
            action: redact
        """

    @Test func nothingFoundAllowsTheTextUnchanged() throws {
        let verdict = try policy(Self.chainYAML).evaluate("hello there")
        #expect(verdict.decision == .allow)
        #expect(verdict.text == "hello there")
        #expect(verdict.findings.isEmpty)
        #expect(verdict.outcomes.map(\.status) == [.passed, .passed, .passed, .passed])
    }

    @Test func annotateReportsAndChangesNothing() throws {
        let verdict = try policy(Self.chainYAML).evaluate("alpha team")
        #expect(verdict.decision == .annotate)
        #expect(verdict.text == "alpha team")
        #expect(verdict.findings.map(\.rule) == ["note-alpha"])
        #expect(verdict.findings.first?.span == Span(start: 0, end: 5))
    }

    @Test func redactionsOfSeveralRulesApplyOnceAgainstTheOriginalText() throws {
        let verdict = try policy(Self.chainYAML).evaluate("alpha: bob@corp.com knows the secret")
        #expect(verdict.decision == .redact)
        #expect(verdict.text == "alpha: [EMAIL] knows the [WORD]")
        // Spans refer to the input, not to the partly redacted text.
        #expect(verdict.findings.map(\.span) == [Span(start: 0, end: 5), Span(start: 7, end: 19), Span(start: 30, end: 36)])
        #expect(verdict.findings.map(\.action) == [.annotate, .redact, .redact])
    }

    @Test func firstBlockEndsEvaluationAndLaterRulesAreMarkedNotRun() throws {
        let verdict = try policy(Self.chainYAML).evaluate("bob@corp.com: forbidden secret")
        #expect(verdict.decision == .block)
        #expect(verdict.text == "")
        #expect(verdict.blockingFinding?.rule == "forbidden")
        #expect(verdict.blockingFinding?.message == "Forbidden word.")
        #expect(
            verdict.outcomes == [
                RuleOutcome(rule: "note-alpha", status: .passed),
                RuleOutcome(rule: "emails", status: .triggered(findings: 1)),
                RuleOutcome(rule: "forbidden", status: .triggered(findings: 1)),
                RuleOutcome(rule: "secrets", status: .notRun),
            ])
        #expect(verdict.outcome(ofRule: "secrets")?.didRun == false)
        #expect(!verdict.findings.contains { $0.rule == "secrets" })
    }

    @Test func auditRunsEveryRuleAfterABlock() throws {
        let policy = try policy(Self.chainYAML)
        let verdict = try policy.evaluate("forbidden secret", audit: true)
        #expect(verdict.decision == .block)
        #expect(verdict.text == "")
        #expect(verdict.outcome(ofRule: "secrets")?.status == .triggered(findings: 1))
        #expect(verdict.findings.map(\.rule) == ["forbidden", "secrets"])
    }

    @Test func auditCanBeTheDefaultThroughSettings() throws {
        let yaml = Self.chainYAML.replacingOccurrences(of: "policy: semantics", with: "policy: semantics\nsettings:\n  audit: true")
        let verdict = try policy(yaml).evaluate("forbidden secret")
        #expect(verdict.outcome(ofRule: "secrets")?.status == .triggered(findings: 1))
        #expect(try policy(yaml).evaluate("forbidden secret", audit: false).outcome(ofRule: "secrets")?.status == .notRun)
    }

    @Test func decisionIsTheStrongestActionTaken() {
        #expect(Decision.allow < .annotate && Decision.annotate < .redact && Decision.redact < .block)
        #expect([Decision.annotate, .block, .redact].max() == .block)
    }

    @Test func overlappingRedactionsMergeIntoOneReplacement() throws {
        let yaml = """
            policy: overlap
            input:
              - id: long
                check: pattern
                patterns: ['card 4111 1111']
                category: pii.credit_card
                action: redact
              - id: short
                check: pattern
                patterns: ['1111 1111 1111']
                category: pii.number
                action: redact
            """
        let verdict = try policy(yaml).evaluate("my card 4111 1111 1111 1111 ok")
        #expect(verdict.text == "my [CREDIT_CARD] ok")
        #expect(verdict.findings.count == 2)
    }

    @Test func outputChainRunsOnlyOutputRulesAndBothRulesRunInBoth() throws {
        let yaml = """
            policy: directions
            input:
              - id: in-only
                check: pattern
                patterns: ['x']
                action: annotate
            output:
              - id: out-only
                check: pattern
                patterns: ['x']
                action: annotate
            rules:
              - id: everywhere
                check: pattern
                patterns: ['x']
                direction: both
                action: annotate
            """
        let policy = try policy(yaml)
        #expect(try policy.evaluate("x", direction: .input).findings.map(\.rule) == ["in-only", "everywhere"])
        #expect(try policy.evaluate("x", direction: .output).findings.map(\.rule) == ["out-only", "everywhere"])
        #expect(try policy.evaluate("x", direction: .output).direction == .output)
    }

    @Test func inputOverMaxInputBytesIsAnErrorNotAScan() throws {
        let yaml = "policy: small\nsettings:\n  max_input_bytes: 8\ninput: []\n"
        let policy = try policy(yaml)
        #expect(try policy.evaluate("12345678").decision == .allow)
        #expect(throws: EvaluationError.inputTooLarge(utf8Count: 9, limit: 8)) { try policy.evaluate("123456789") }
        #expect(throws: EvaluationError.inputTooLarge(utf8Count: 9, limit: 8)) { try policy.evaluate("한국어") }
    }

    @Test func invalidUTF8BytesAreRejectedWithTheirOffset() throws {
        let policy = try policy(Self.chainYAML)
        let bytes: [UInt8] = Array("ok é".utf8) + [0xC3, 0x28] + Array("more".utf8)
        #expect(throws: EvaluationError.invalidUTF8(byteOffset: 5)) { try policy.evaluate(utf8: bytes) }
        #expect(try policy.evaluate(utf8: Array("alpha".utf8)).decision == .annotate)
    }

    @Test func matchLimitFaultBlocksByDefault() throws {
        let yaml = """
            policy: faults
            settings:
              match_limit: 5000
            input:
              - id: slow
                check: pattern
                patterns: ['(a+)+$']
                action: annotate
              - id: after
                check: pattern
                patterns: ['b']
                action: annotate
            """
        let verdict = try policy(yaml).evaluate(String(repeating: "a", count: 3_000) + "b")
        #expect(verdict.decision == .block)
        #expect(verdict.blockingFinding?.category == "guardrails.fault")
        guard case .faulted(let message)? = verdict.outcome(ofRule: "slow")?.status else {
            Issue.record("expected the slow rule to fault")
            return
        }
        #expect(message.contains("match limit exceeded"))
        #expect(verdict.outcome(ofRule: "after")?.status == .notRun)
    }

    @Test func matchLimitFaultPassesWithOnErrorAllow() throws {
        let yaml = """
            policy: faults
            settings:
              match_limit: 5000
              on_error: allow
            input:
              - id: slow
                check: pattern
                patterns: ['(a+)+$']
                action: block
              - id: after
                check: pattern
                patterns: ['b']
                action: annotate
            """
        let text = String(repeating: "a", count: 3_000) + "b"
        let verdict = try policy(yaml).evaluate(text)
        #expect(verdict.decision == .annotate)
        #expect(verdict.text == text)
        #expect(verdict.outcome(ofRule: "after")?.status == .triggered(findings: 1))
        if case .faulted? = verdict.outcome(ofRule: "slow")?.status {} else { Issue.record("expected a fault") }
    }

    @Test func verdictNamesThePolicyAndAContentHashOfItsSources() throws {
        let first = try policy(Self.chainYAML).evaluate("x").policy
        let same = try policy(Self.chainYAML).evaluate("x").policy
        let edited = try policy(Self.chainYAML + "\n# edited\n").evaluate("x").policy
        #expect(first.name == "semantics")
        #expect(first.digest.count == 64)
        #expect(first == same)
        #expect(first.digest != edited.digest)
        #expect(first.description == "semantics@\(first.digest.prefix(12))")
    }

    @Test func evaluatingOnePolicyFromManyTasksGivesIdenticalVerdicts() async throws {
        let policy = try policy(Self.chainYAML)
        let texts = (0..<64).map { index in
            index % 3 == 0 ? "alpha \(index) bob@corp.com secret 한국어" : index % 3 == 1 ? "forbidden \(index)" : "plain \(index) 👩‍💻"
        }
        let expected = try texts.map { try policy.evaluate($0) }
        try await withThrowingTaskGroup(of: (Int, Verdict).self) { group in
            for round in 0..<4 {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, try policy.evaluate(text, direction: round % 2 == 0 ? .input : .input)) }
                }
            }
            for try await (index, verdict) in group {
                #expect(verdict.decision == expected[index].decision)
                #expect(verdict.text == expected[index].text)
                #expect(verdict.findings == expected[index].findings)
            }
        }
    }
}
