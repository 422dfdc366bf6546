// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

/// `guardrails profile`: per-rule costs on the user's own records.
struct ProfileCommandTests {
    private func withPolicy(_ body: (URL) throws -> Void) throws {
        try CLIRunner.withPolicyFile(
            """
            policy: p
            input:
              - id: tickets
                check: pattern
                patterns: ['TICKET-\\d+']
                action: annotate
              - id: shouting
                check: pattern
                patterns: ['\\b[A-Z]{6,}\\b']
                action: annotate
            output:
              - id: emails
                check: pii
                entities: [email]
                action: redact
            """, named: "p.yaml", body)
    }

    @Test func reportsEveryRuleWithItsCallsCandidatesAndFindings() throws {
        try withPolicy { policy in
            let records = """
                {"text": "see TICKET-42 and TICKET-43 about the weekly report for the team"}
                {"text": "nothing to see here, only plain lower-case words for the prefilter"}
                {"text": "mail jane@corp.com about it", "direction": "output"}
                not a record

                """
            let result = try CLIRunner.run(["profile", "--policy", policy.path], stdin: Data(records.utf8))
            #expect(result.status == 0)
            let lines = result.outputLines
            #expect(lines.first?.hasPrefix("policy p (") == true)
            #expect(lines.first?.contains("3 texts") == true)
            func row(_ rule: String) -> [String]? {
                lines.first { $0.hasPrefix(rule + " ") }?.split(separator: " ").map(String.init)
            }
            // Columns after the rule id: chain, check, time (2 tokens), share, calls, candidates, skipped, matches, findings.
            let tickets = try #require(row("tickets"))
            #expect(tickets.suffix(5) == ["2", "1", "1", "2", "2"])  // 2 calls; ran once, skipped once; 2 matches
            let shouting = try #require(row("shouting *"))
            #expect(shouting.suffix(5) == ["2", "2", "0", "2", "2"])  // unanchored: runs on every text; TICKET twice
            let emails = try #require(row("emails"))
            #expect(emails[1] == "output" && emails[2] == "pii" && emails.suffix(2) == ["1", "1"])
            #expect(lines.contains { $0.hasPrefix("per text: p50 ") })
            #expect(lines.contains(#"  shouting: /\b[A-Z]{6,}\b/"#))
            #expect(result.stderr.contains("warning: 1 line skipped, not a valid record (4)"))
        }
    }

    @Test func aMissingFileIsAnErrorThatNamesIt() throws {
        let result = try CLIRunner.run(["profile", "/nonexistent/traffic.jsonl"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot open '/nonexistent/traffic.jsonl'"))
    }
}
