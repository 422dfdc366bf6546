// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails
import GuardrailsOps

/// `guardrails rag-eval`: score RAG configurations on labelled results and compare them side by side.
struct RAGEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rag-eval",
        abstract: "Compare RAG configurations on labelled results: retrieval precision and recall, faithfulness, accuracy.",
        discussion: """
            FILE lists configurations (such as chunk-256 and chunk-512), each with cases: the question, the \
            retrieved chunks, the ids of the relevant chunks, the answer and optionally a reference answer; \
            and pass/fail `criteria:`. See docs/llmops.md for the format.

            Without --base-url, faithfulness and accuracy use lexical overlap. With it, a judge model scores \
            them. --registry/--config/--env take the criteria from a RAG configuration in the prompt \
            registry instead of the file.

            Examples:
              guardrails rag-eval rag-eval.yaml
              guardrails rag-eval rag-eval.yaml --base-url https://api.openai.com/v1
              guardrails rag-eval rag-eval.yaml --registry prompts --config rag

            Exit status: 0 every configuration met the criteria, 1 one did not, 2 an error.
            """
    )

    @Argument(help: ArgumentHelp("The evaluation file.", valueName: "file.yaml"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("A judge model's OpenAI-compatible API (default: lexical measures).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: "The judge model.")
    var model = "gpt-4.1"

    @Option(name: .long, help: ArgumentHelp("The environment variable holding the API key.", valueName: "name"))
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(name: .long, help: ArgumentHelp("A prompt registry to read the criteria from.", valueName: "dir"))
    var registry: String?

    @Option(name: .long, help: "The RAG configuration in the registry whose `criteria:` apply.")
    var config: String?

    @Option(name: .long, help: "The environment whose active version of --config applies.")
    var env = "prod"

    func run() async throws {
        let set: RAGEvaluationSet
        do {
            set = try RAGEvaluationSet.load(contentsOf: URL(filePath: file))
        } catch {
            FileHandle.standardError.write(Data(DiagnosticRenderer.render(error.diagnostics).utf8))
            throw ExitCode(ExitStatus.error.rawValue)
        }
        var criteria = set.criteria
        if let registry, let config {
            guard let active = try PromptRegistry(directory: URL(filePath: registry)).active(config, in: env) else {
                throw ValidationError("\(config) has no active version in \(env)")
            }
            criteria = RAGCriteria(ragConfigurationYAML: active.content)
            print("criteria from \(config) v\(active.version) (\(env))")
        }
        let judge = try baseURL.map { try LiveModel.make(baseURL: $0, model: model, apiKeyVariable: apiKeyEnv) }
        let evaluator = RAGEvaluator(model: judge, criteria: criteria)
        var reports: [RAGReport] = []
        for (name, cases) in set.configurations { reports.append(await evaluator.evaluate(cases, configuration: name)) }
        print(RAGReport.comparison(reports), terminator: "")
        for report in reports where !report.passed {
            print("\(report.configuration): " + report.failures.joined(separator: ", "))
        }
        for report in reports {
            for score in report.cases where !score.unsupportedSentences.isEmpty {
                print("\(report.configuration): unsupported in \"\(score.question)\": " + score.unsupportedSentences.joined(separator: " | "))
            }
        }
        if reports.contains(where: { !$0.passed }) { throw ExitCode(ExitStatus.blocked.rawValue) }
    }
}
