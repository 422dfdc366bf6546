// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails

/// `guardrails filter`: stdin to stdout through a policy.
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Check text from stdin against a policy; write the allowed (possibly redacted) text to stdout.",
        discussion: """
            Text mode (the default) treats all of stdin as one text. A blocked text writes nothing to \
            stdout and the reason to stderr. With --lines, each line is a text of its own.

            JSON Lines mode (--format jsonl) reads one record per line and writes one result per line, \
            in order, flushed as it goes (it works behind tail -f):
              in:  {"id": "a1", "text": "...", "direction": "input"}   (id and direction optional)
              out: {"id": "a1", "decision": "redact", "text": "...", "findings": [{"rule": "pii-in-prompt", \
            "category": "pii.email", "start": 12, "end": 28, "action": "redact", "message": "..."}]}
            start and end are UTF-8 byte offsets into the input text. A malformed line gives \
            {"id": <line number>, "error": {"code": "...", "message": "..."}} and the next line is processed.

            Input must be UTF-8: invalid UTF-8 is rejected (code invalid_utf8, with the byte offset), never \
            silently repaired. A text over the policy's max_input_bytes (default 1 MiB) is rejected too.

            Examples:
              echo 'Mail me at jane@corp.com' | guardrails filter
              guardrails filter --policy policies/ --direction output < answer.txt
              tail -f prompts.jsonl | guardrails filter --format jsonl | jq -c 'select(.decision == "block")'

            Exit status: 0 nothing blocked, 1 something blocked, 2 an error (bad arguments, an invalid \
            policy, invalid or malformed input; remaining input is still processed).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    enum DirectionArgument: String, ExpressibleByArgument, CaseIterable {
        case input, output

        var direction: Direction { self == .input ? .input : .output }
    }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A policy file, or a directory holding one. Default: the bundled default policy.",
            valueName: "path"))
    var policy: String?

    @Option(name: .long, help: "Which chain to run: input (to the model) or output (from it).")
    var direction: DirectionArgument = .input

    @Option(name: .long, help: "text: stdin is the text. jsonl: one JSON record per line.")
    var format: Format = .text

    @Flag(name: .long, help: "Text mode: treat each line as a separate text.")
    var lines = false

    @Flag(name: .long, help: "Explain every decision: rule outcomes and findings (stderr in text mode, extra fields in jsonl).")
    var explain = false

    @Flag(name: .long, help: "Do not print block reasons to stderr; rely on the exit status.")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "JSON Lines mode: evaluate up to N records at once on N threads; output keeps input order. Default: the number of cores.",
            valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        if lines && format == .jsonl {
            throw ValidationError("--lines applies to --format text; JSON Lines input is always one record per line")
        }
    }

    func run() throws {
        let policy = try PolicyResolution.load(path: policy)
        let output = OutputBuffer(fileDescriptor: STDOUT_FILENO)
        let errors = OutputBuffer(fileDescriptor: STDERR_FILENO)
        var filter = Filter(
            policy: policy, direction: direction.direction, explain: explain, quiet: quiet, output: output, errors: errors)
        let path = self.policy
        filter.loadReplica = { PolicyResolution.loadReplica($0, path: path) }
        let input = LineReader(fileDescriptor: STDIN_FILENO)
        let status: ExitStatus
        switch format {
        case .jsonl: status = filter.runJSONLines(input, jobs: jobs)
        case .text where lines: status = filter.runLines(input)
        case .text: status = filter.runWhole(input)
        }
        output.flush()
        errors.flush()
        throw ExitCode(status.rawValue)
    }
}
