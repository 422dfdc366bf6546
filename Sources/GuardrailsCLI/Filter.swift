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

    /// Each line of stdin is a JSON record; each gets one JSON result line.
    func runJSONLines(_ input: LineReader) -> ExitStatus {
        input.beforeRead = { output.flush(); errors.flush() }
        // Escaping can make a record's line up to 6 times its text: \u0001 for one byte.
        let lineLimit = policy.settings.maxInputBytes * 6 + 4096
        var status = ExitStatus.clean
        var number = 0
        var errorLines: [Int] = []
        while let line = input.nextLine(limit: lineLimit) {
            number += 1
            let fallbackID = FilterRecord.ID.integer(number)
            let bytes: [UInt8]
            switch line {
            case .tooLong(let count):
                JSONWriter.error(
                    id: fallbackID, code: "input_too_large",
                    message: "the line is \(count) bytes, over the \(lineLimit)-byte record limit", into: output)
                errorLines.append(number)
                continue
            case .text(let text): bytes = text
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }  // blank lines are skipped
            switch FilterRecord.parse(bytes) {
            case .failure(let problem):
                JSONWriter.error(id: fallbackID, code: problem.code, message: problem.message, into: output)
                errorLines.append(number)
            case .success(let record):
                let id = record.id ?? fallbackID
                do {
                    let verdict = try policy.evaluate(record.text, direction: record.direction ?? direction)
                    JSONWriter.verdict(verdict, id: id, explain: explain, into: output)
                    if verdict.isBlocked { status = combine(status, .blocked) }
                } catch {
                    JSONWriter.error(id: id, code: error.code, message: error.description, into: output)
                    errorLines.append(number)
                }
            }
            if output.bytes.count >= 1 << 16 { output.flush() }
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
