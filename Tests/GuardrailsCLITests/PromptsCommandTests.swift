// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Synchronization
import Testing

/// `guardrails prompts`: the registry through the binary, with real files and real processes.
struct PromptsCommandTests {
    let directory: URL
    var registry: String { directory.appending(path: "prompts").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func prompts(_ arguments: [String], stdin: String = "") throws -> CLIResult {
        try CLIRunner.run(["prompts"] + arguments + ["--registry", registry, "--by", "ci"], stdin: Data(stdin.utf8))
    }

    @Test func registersPromotesRollsBackAndDiffs() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try prompts(["register", "reply", "-"], stdin: "Hello {name}.\n").output.hasPrefix("registered reply v1 (sha256:"))
        #expect(try prompts(["register", "reply", "-"], stdin: "Hello {name}.\n").output.contains("reply v1 already has this content"))
        #expect(try prompts(["register", "reply", "-", "--meta", "owner=cx"], stdin: "Hi {name}!\n").output.hasPrefix("registered reply v2"))
        #expect(try prompts(["promote", "reply", "1", "--to", "prod", "--policy-dir", directory.path]).status == 0)
        #expect(try prompts(["promote", "reply", "2", "--to", "prod", "--policy-dir", directory.path, "--reason", "shorter"]).status == 0)
        #expect(try prompts(["list"]).output == "reply  template  v1…v2  dev=- staging=- prod=v2\n")
        #expect(try prompts(["rollback", "reply", "--env", "prod"]).output == "reply v1 is active in prod\n")
        #expect(try prompts(["show", "reply", "--env", "prod"]).outputLines.last == "Hello {name}.")
        #expect(try prompts(["diff", "reply", "1", "2"]).output == "--- reply v1\n+++ reply v2\n-Hello {name}.\n+Hi {name}!\n")
        let export = try prompts(["export", "reply"]).output
        #expect(export.contains("  template: |\n    Hi {name}!\n"))
        #expect(export.contains("  created_by: 'ci'"))
    }

    @Test func refusesToPromoteATemplateTheEnvironmentPolicyBlocks() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try "policy: strict\ninput:\n  - id: no-refunds\n    check: keywords\n    words: [refund]\n    action: block\n"
            .write(to: directory.appending(path: "prod.yaml"), atomically: true, encoding: .utf8)
        _ = try prompts(["register", "reply", "-"], stdin: "Offer a {remedy} to the customer.")
        let refused = try prompts(["promote", "reply", "1", "--to", "prod", "--policy-dir", directory.path, "--sample", "remedy=refund"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("reply v1 cannot be promoted to prod: policy 'strict' blocks it"))
        #expect(refused.stderr.contains("rule 'no-refunds'"))
        // The same template with another sample, and dev (the bundled default policy), are fine.
        #expect(try prompts(["promote", "reply", "1", "--to", "prod", "--policy-dir", directory.path, "--sample", "remedy=voucher"]).status == 0)
        #expect(try prompts(["promote", "reply", "1", "--to", "dev", "--policy-dir", directory.path]).output.contains("policy 'default'"))
    }

    @Test func processesRegisteringAtOnceAllLand() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let statuses = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            let status = (try? prompts(["register", "shared", "-"], stdin: "version from process \(worker)").status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 0, count: 8))
        let list = try prompts(["list"]).output
        #expect(list.hasPrefix("shared  template  v1…v8"))
    }

    @Test func experimentPromotesOnlyASignificantWinner() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try prompts(["register", "welcome", "-"], stdin: "Welcome!")
        _ = try prompts(["register", "welcome", "-"], stdin: "Welcome back, {name}!")
        for _ in 0..<6 { _ = try prompts(["feedback", "welcome", "1", "--up"]) }
        for _ in 0..<4 { _ = try prompts(["feedback", "welcome", "1", "--down"]) }
        for _ in 0..<7 { _ = try prompts(["feedback", "welcome", "2", "--up"]) }
        for _ in 0..<3 { _ = try prompts(["feedback", "welcome", "2", "--down"]) }
        let undecided = try prompts(["experiment", "welcome", "--promote-winner", "--to", "prod", "--policy-dir", directory.path])
        #expect(undecided.status == 1)
        #expect(undecided.outputLines == [
            "version  ratings  up  down  satisfaction", "v2       10       7   3     70.0%", "v1       10       6   4     60.0%",
            "v2 vs v1: z = 0.47, p = 0.6392", "no significant winner at alpha 0.05; nothing promoted",
        ])
        for _ in 0..<30 { _ = try prompts(["feedback", "welcome", "2", "--up"]) }
        let decided = try prompts(["experiment", "welcome", "--promote-winner", "--to", "prod", "--policy-dir", directory.path])
        #expect(decided.status == 0)
        #expect(decided.outputLines.suffix(2) == ["winner: v2", "welcome v2 is active in prod"])
    }
}
