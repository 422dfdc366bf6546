// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

/// `guardrails rag-eval`: configurations compared side by side from a labelled file.
struct RAGEvalCommandTests {
    @Test func theExampleComparesTwoChunkSizesAndFailsTheWeakerOne() throws {
        let example = CLIRunner.packageRoot.appending(path: "Examples/rag-eval.yaml").path
        let result = try CLIRunner.run(["rag-eval", example])
        #expect(result.status == 1, "\(result.output)\(result.stderr)")
        #expect(Array(result.outputLines.prefix(7)) == [
            "metric        chunk-256     chunk-512     criterion",
            "precision     0.50          1.00          ≥ 0.50",
            "recall        0.50          1.00          ≥ 0.80",
            "faithfulness  0.50          1.00          ≥ 0.90",
            "accuracy      0.49          0.76          -",  // token F1; chunk-256 by hand: (0.571 + 0.727 + 0.182) / 3
            "cases         3             3",
            "verdict       FAIL          PASS",
        ])
        #expect(result.outputLines.contains("chunk-256: recall 0.50 < 0.80, faithfulness 0.50 < 0.90"))
    }

    @Test func criteriaCanComeFromARegisteredRAGConfiguration() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-rag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = directory.appending(path: "prompts").path
        let config = "chunk_size: 512\nembedding_model: e\ntop_k: 3\ncriteria: {recall: 0.4}\n"
        _ = try CLIRunner.run(["prompts", "register", "rag", "-", "--kind", "rag_config", "--registry", registry], stdin: Data(config.utf8))
        _ = try CLIRunner.run(["prompts", "promote", "rag", "1", "--to", "prod", "--registry", registry])
        let example = CLIRunner.packageRoot.appending(path: "Examples/rag-eval.yaml").path
        let result = try CLIRunner.run(["rag-eval", example, "--registry", registry, "--config", "rag", "--env", "prod"])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.outputLines.first == "criteria from rag v1 (prod)")
        #expect(result.outputLines.contains("verdict       PASS          PASS"))
    }

    @Test func anInvalidFileExitsTwoWithLocatedErrors() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "rag-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "criteria: {recal: 0.8}\nconfigurations:\n  - name: a\n    cases:\n      - question: q\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["rag-eval", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(":1:12: error: unknown criterion 'recal'"))
        #expect(result.stderr.contains(":5:9: error: a case needs 'question:' and 'answer:'"))
    }
}
