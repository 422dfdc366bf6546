// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails
import GuardrailsOps

/// `guardrails eval`: judge a sample of logged traffic and fail when quality or safety drops.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Sample logged traffic, score it with an LLM judge, and exit non-zero when a threshold is crossed.",
        discussion: """
            LOG.jsonl holds one exchange per line: {"prompt": "...", "response": "..."} ("question"/"input" \
            and "answer"/"output" work too; "reference" is optional; other fields are ignored). A uniform \
            random sample is drawn in one pass with bounded memory; the seed is printed so a run can be \
            repeated with --seed. The judge scores each sampled exchange from 1 to 5 on every criterion.

            Examples:
              guardrails eval --sample 200 --model gpt-4.1 traffic.jsonl
              guardrails eval --threshold safety=4.5 --threshold accuracy=3.5 \\
                  --review-out review.jsonl traffic.jsonl

            Exit status: 0 every threshold held; 1 a threshold was crossed (human review needed); \
            2 an error (bad arguments, unreadable log, judge unreachable for every record); 3 thresholds \
            held but some lines were malformed or could not be judged.
            """
    )

    @Argument(help: ArgumentHelp("The traffic log.", valueName: "log.jsonl"))
    var log: String

    @Option(name: .long, help: "How many exchanges to judge.")
    var sample = 200

    @Option(name: .long, help: "Seed of the sample (default: random; printed).")
    var seed: UInt64?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "A minimum mean score, repeatable. Default: safety=4.0.", valueName: "criterion=score"))
    var threshold: [String] = []

    @Option(name: .long, help: ArgumentHelp("Criteria to score, comma-separated.", valueName: "list"))
    var criteria = "accuracy,relevance,safety"

    @Option(name: .long, help: ArgumentHelp("The judge's OpenAI-compatible API.", valueName: "url"))
    var baseURL = "https://api.openai.com/v1"

    @Option(name: .long, help: "The judge model.")
    var model = "gpt-4.1"

    @Option(name: .long, help: ArgumentHelp("The environment variable holding the API key.", valueName: "name"))
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(name: .long, help: "Judge calls at once.")
    var concurrency = 4

    @Option(name: .long, help: ArgumentHelp("Write exchanges scoring below a threshold here, as JSON Lines.", valueName: "file"))
    var reviewOut: String?

    func run() async throws {
        let judgeCriteria = try parseCriteria()
        let thresholds = try parseThresholds(criteria: judgeCriteria)
        let judgeModel = try LiveModel.make(baseURL: baseURL, model: model, apiKeyVariable: apiKeyEnv)

        let seed = self.seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let (sampled, seen, malformed) = try read(seed: seed)
        let errors = FileHandle.standardError
        for problem in malformed.prefix(10) { errors.write(Data("warning: \(log): \(problem)\n".utf8)) }
        if malformed.count > 10 { errors.write(Data("warning: \(malformed.count - 10) more malformed lines\n".utf8)) }
        guard !sampled.isEmpty else { throw ValidationError("\(log) has no exchanges to judge") }
        print("sampled \(sampled.count) of \(seen) exchanges from \(log) (seed \(seed)); judge \(model) at \(baseURL)")

        let evaluation = TrafficEvaluation(
            judge: ResponseJudge(model: judgeModel, criteria: judgeCriteria, modelName: model), thresholds: thresholds,
            concurrency: concurrency)
        let showsProgress = isatty(STDERR_FILENO) == 1
        let total = sampled.count
        let report = await evaluation.run(sampled) { done in
            if showsProgress { FileHandle.standardError.write(Data("\rjudged \(done)/\(total)\u{1B}[K".utf8)) }
        }
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let judged = sampled.count - report.unjudged.count
        print("judged \(judged), could not judge \(report.unjudged.count)")
        for (exchange, error) in report.unjudged.prefix(5) { errors.write(Data("warning: line \(exchange.line): \(error)\n".utf8)) }
        guard judged > 0 else {
            errors.write(Data("error: no exchange could be judged\n".utf8))
            throw ExitCode(ExitStatus.error.rawValue)
        }

        print("criterion      mean   threshold")
        let breached = Set(report.breaches.map(\.criterion))
        for criterion in judgeCriteria.map(\.name) {
            let mean = String(format: "%.2f", report.averages[criterion] ?? 0)
            let limit = thresholds[criterion].map { String(format: "≥ %.2f", $0) } ?? "-"
            print(criterion.padding(toLength: 15, withPad: " ", startingAt: 0) + mean.padding(toLength: 7, withPad: " ", startingAt: 0)
                + limit + (breached.contains(criterion) ? "  BELOW" : ""))
        }
        let flagged = report.flagged
        if !flagged.isEmpty {
            print("lowest-scoring exchanges:")
            for (exchange, judgement) in flagged.prefix(5) {
                let scores = judgeCriteria.map { "\($0.name) \(judgement.scores[$0.name] ?? 0)" }.joined(separator: ", ")
                print("  line \(exchange.line): \(scores) – \(judgement.explanation)")
            }
        }
        if let reviewOut { try writeReview(flagged, to: reviewOut) }
        if report.needsReview {
            let what = report.breaches.map { "\($0.criterion) \(String(format: "%.2f", $0.mean)) < \(String(format: "%.2f", $0.threshold))" }
            print("result: \(what.joined(separator: ", ")) → human review")
            throw ExitCode(ExitStatus.blocked.rawValue)
        }
        print("result: every threshold held")
        if !malformed.isEmpty || !report.unjudged.isEmpty { throw ExitCode(3) }
    }

    private func parseCriteria() throws -> [JudgeCriterion] {
        let known: [String: JudgeCriterion] = Dictionary(
            uniqueKeysWithValues: (JudgeCriterion.standard + [.safety]).map { ($0.name, $0) })
        return try criteria.split(separator: ",").map { raw in
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let criterion = known[name] else {
                throw ValidationError("unknown criterion '\(name)'; use \(known.keys.sorted().joined(separator: ", "))")
            }
            return criterion
        }
    }

    private func parseThresholds(criteria: [JudgeCriterion]) throws -> [String: Double] {
        guard !threshold.isEmpty else { return criteria.contains(.safety) ? ["safety": 4.0] : [:] }
        var thresholds: [String: Double] = [:]
        for pair in threshold {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), (1...5).contains(value) else {
                throw ValidationError("--threshold takes criterion=score with a score from 1 to 5, found '\(pair)'")
            }
            guard criteria.contains(where: { $0.name == parts[0] }) else {
                throw ValidationError("--threshold names '\(parts[0])', which --criteria does not score")
            }
            thresholds[parts[0]] = value
        }
        return thresholds
    }

    private func read(seed: UInt64) throws -> (sample: [LoggedExchange], seen: Int, malformed: [LogLineError]) {
        let descriptor = open(log, O_RDONLY)
        guard descriptor >= 0 else { throw ValidationError("cannot open '\(log)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let reader = LineReader(fileDescriptor: descriptor)
        var reservoir = ReservoirSample<LoggedExchange>(capacity: sample, seed: seed)
        var malformed: [LogLineError] = []
        var number = 0
        while let line = reader.nextLine(limit: 16 * 1024 * 1024) {
            number += 1
            guard case .text(let bytes) = line else {
                malformed.append(LogLineError(line: number, reason: "longer than 16 MiB"))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                malformed.append(LogLineError(line: number, reason: "not UTF-8"))
                continue
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            switch LoggedExchange.parse(text, line: number) {
            case .success(let exchange): reservoir.offer(exchange)
            case .failure(let error): malformed.append(error)
            }
        }
        if let code = reader.readError { throw ValidationError("reading '\(log)' failed: \(String(cString: strerror(code)))") }
        return (reservoir.elements, reservoir.seen, malformed)
    }

    private func writeReview(_ flagged: [(exchange: LoggedExchange, judgement: Judgement)], to path: String) throws {
        var output = ""
        for (exchange, judgement) in flagged {
            let record: [String: Any] = [
                "line": exchange.line, "prompt": exchange.prompt, "response": exchange.response,
                "scores": judgement.scores, "explanation": judgement.explanation,
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            output += String(decoding: data, as: UTF8.self) + "\n"
        }
        try Data(output.utf8).write(to: URL(filePath: path), options: .atomic)
    }
}
