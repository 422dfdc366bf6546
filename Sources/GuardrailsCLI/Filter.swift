// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails

/// The three ways `guardrails filter` reads input, writing results as it goes.
struct Filter {
    let policy: Policy
    let direction: Direction
    let explain: Bool
    let quiet: Bool
    let output: OutputBuffer
    let errors: OutputBuffer
    /// Loads replica `n` of the policy for the `n`th job (see `PolicyLoader.replica`), or returns `nil`,
    /// and the job shares the policy: jobs that share one contend on its patterns' reference counts.
    var loadReplica: (Int) -> Policy? = { _ in nil }
    /// Input read before the jobs get replicas of the policy. A replica takes about 13 ms to load, and two
    /// jobs with replicas took 0.85–0.93 of the time of two sharing one policy on a 59 MB input, so the
    /// load pays for itself after a few MiB; inputs shorter than this never pay for it.
    var bytesBeforeReplicas = 8 << 20

    /// All of stdin is one text.
    func runWhole(_ input: LineReader) -> ExitStatus {
        let limit = policy.settings.maxInputBytes
        guard let bytes = input.readAll(limit: limit) else {
            errors.write(
                "error: stdin is over max_input_bytes (\(limit) bytes); split it (e.g. --lines or --format jsonl) "
                    + "or raise settings.max_input_bytes\n")
            return .error
        }
        if let code = input.readError {
            errors.write("error: reading stdin failed (errno \(code))\n")
            return .error
        }
        return evaluateText(bytes, label: "stdin", writeNewline: false)
    }

    /// Each line of stdin is one text.
    func runLines(_ input: LineReader) -> ExitStatus {
        input.beforeRead = { output.flush(); errors.flush() }
        var status = ExitStatus.clean
        var number = 0
        while let line = input.nextLine(limit: policy.settings.maxInputBytes) {
            number += 1
            switch line {
            case .text(let bytes):
                status = combine(status, evaluateText(bytes, label: "line \(number)", writeNewline: true))
            case .tooLong(let count):
                errors.write("error: line \(number): \(EvaluationError.inputTooLarge(utf8Count: count, limit: policy.settings.maxInputBytes))\n")
                status = .error
            }
        }
        return status
    }

    /// Each line of stdin is a JSON record; each gets one JSON result line, in input order.
    ///
    /// Records are read in batches of what can be read without waiting (never waiting for more input
    /// while a record is ready, so it works behind `tail -f`), evaluated on up to `jobs` threads, and
    /// written in order. A batch holds at most 256 records and about 8 MiB of input, which bounds memory.
    func runJSONLines(_ input: LineReader, jobs: Int) -> ExitStatus {
        input.beforeRead = { output.flush(); errors.flush() }
        let evaluator = RecordEvaluator(policy: policy, direction: direction, explain: explain)
        // A job's evaluator: all share the policy until the input is long enough to pay for replicas.
        var evaluators = Array(repeating: evaluator, count: max(jobs, 1))
        var hasReplicas = false
        var bytesRead = 0
        var status = ExitStatus.clean
        var number = 0
        var errorLines: [Int] = []
        var batch: [(number: Int, line: LineReader.Line)] = []
        while let first = input.nextLine(limit: evaluator.lineLimit) {
            batch.removeAll(keepingCapacity: true)
            number += 1
            batch.append((number, first))
            var batchBytes = first.byteCount
            while batch.count < 256, batchBytes < 8 << 20, let line = input.nextBufferedLine(limit: evaluator.lineLimit) {
                number += 1
                batch.append((number, line))
                batchBytes += line.byteCount
            }
            let lines = batch
            bytesRead += batchBytes
            if !hasReplicas, jobs > 1, lines.count > 1, bytesRead >= bytesBeforeReplicas {
                evaluators = self.evaluators(jobs: jobs)
                hasReplicas = true
            }
            let results = ParallelMap.map(lines.count, jobs: jobs) { [evaluators] worker, index in
                evaluators[worker].evaluate(lines[index].line, number: lines[index].number)
            }
            for (index, result) in results.enumerated() {
                output.write(result.json)
                if result.isBlocked { status = combine(status, .blocked) }
                if result.isError { errorLines.append(lines[index].number) }
            }
        }
        if let code = input.readError {
            errors.write("error: reading stdin failed (errno \(code))\n")
            return .error
        }
        guard errorLines.isEmpty else {
            if !quiet {
                let shown = errorLines.prefix(10).map(String.init).joined(separator: ", ")
                errors.write(
                    "error: \(errorLines.count) record\(errorLines.count == 1 ? "" : "s") could not be evaluated "
                        + "(line\(errorLines.count == 1 ? "" : "s") \(shown)\(errorLines.count > 10 ? ", ..." : "")); "
                        + "see their \"error\" fields\n")
            }
            return .error
        }
        return status
    }

    /// An evaluator for each of `jobs` jobs, each with its own replica of the policy when one loads and is
    /// the same policy (a file may have changed since); the first job's is the policy itself.
    private func evaluators(jobs: Int) -> [RecordEvaluator] {
        (0..<jobs).map { job in
            let replica = job == 0 ? nil : loadReplica(job).flatMap { $0.identity == policy.identity ? $0 : nil }
            return RecordEvaluator(policy: replica ?? policy, direction: direction, explain: explain)
        }
    }

    private func evaluateText(_ bytes: [UInt8], label: String, writeNewline: Bool) -> ExitStatus {
        let verdict: Verdict
        do {
            verdict = try policy.evaluate(utf8: bytes, direction: direction)
        } catch {
            errors.write("error: \(label): \(error)\n")
            return .error
        }
        if explain { errors.write(Self.explanation(of: verdict, label: label)) }
        if verdict.isBlocked {
            if !quiet, !explain, let finding = verdict.blockingFinding {
                errors.write("\(label): blocked by rule '\(finding.rule)' (\(finding.category)): \(finding.message)\n")
            }
            return .blocked
        }
        output.write(verdict.text)
        if writeNewline { output.write("\n") }
        return .clean
    }

    static func explanation(of verdict: Verdict, label: String) -> String {
        var text = "\(label): \(verdict.decision.rawValue) by policy \(verdict.policy) (\(verdict.direction.rawValue) chain)\n"
        for outcome in verdict.outcomes {
            text += "  rule \(outcome.rule): \(outcome.status)\n"
            for finding in verdict.findings where finding.rule == outcome.rule {
                text += "    \(finding.action.rawValue) \(finding.category) at bytes \(finding.span): \(finding.message)\n"
            }
        }
        return text
    }

    private func combine(_ lhs: ExitStatus, _ rhs: ExitStatus) -> ExitStatus {
        lhs.rawValue >= rhs.rawValue ? lhs : rhs
    }
}
