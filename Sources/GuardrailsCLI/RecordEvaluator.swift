// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails

/// Turns one JSON Lines input line into its output line. Pure and `Sendable`, so records of a batch
/// can be evaluated on several threads.
struct RecordEvaluator: Sendable {
    let policy: Policy
    let direction: Direction
    let explain: Bool

    /// Escaping can make a record's line up to 6 times its text: `\u0001` for one byte.
    var lineLimit: Int { policy.settings.maxInputBytes * 6 + 4096 }

    /// The output for one line.
    struct Result: Sendable {
        /// The JSON result line with its newline; empty for a blank input line.
        var json: [UInt8] = []
        var isBlocked = false
        var isError = false
    }

    func evaluate(_ line: LineReader.Line, number: Int) -> Result {
        var result = Result()
        let fallbackID = FilterRecord.ID.integer(number)
        let bytes: [UInt8]
        switch line {
        case .tooLong(let count):
            JSONWriter.error(
                id: fallbackID, code: "input_too_large",
                message: "the line is \(count) bytes, over the \(lineLimit)-byte record limit", into: &result.json)
            result.isError = true
            return result
        case .text(let text): bytes = text
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return result }  // blank lines are skipped
        switch FilterRecord.parse(bytes) {
        case .failure(let problem):
            JSONWriter.error(id: fallbackID, code: problem.code, message: problem.message, into: &result.json)
            result.isError = true
        case .success(let record):
            let id = record.id ?? fallbackID
            do {
                let verdict = try policy.evaluate(record.text, direction: record.direction ?? direction)
                JSONWriter.verdict(verdict, id: id, explain: explain, into: &result.json)
                result.isBlocked = verdict.isBlocked
            } catch {
                JSONWriter.error(id: id, code: error.code, message: error.description, into: &result.json)
                result.isError = true
            }
        }
        return result
    }
}
