// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails

/// `guardrails profile`: which rules of a policy cost what, on your own traffic.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Measure each rule of a policy on a JSON Lines file: time share, calls, candidates, matches.",
        discussion: """
            Reads records like `guardrails filter --format jsonl` does ({"text": "...", "direction": \
            "input"}; direction optional), evaluates each with the policy and prints one row per rule, \
            slowest first:
              time, share    time inside the rule's check, and its share of all rules' time
              calls          texts the rule ran on (a block earlier in the chain stops the rest)
              candidates     pattern runs on PCRE2 after the one-pass prefilter
              skipped        patterns the prefilter ruled out without running them
              matches        raw PCRE2 matches, before the check's validation
              findings       what the rule reported
            then per-text latency (p50, p99, max) and every pattern without a usable literal anchor: such a \
            pattern costs a full pass over every text, so it is the first thing to tighten.

            Examples:
              guardrails profile --policy policies/ traffic.jsonl
              tail -n 10000 prompts.jsonl | guardrails profile
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A policy file, or a directory holding one. Default: the bundled default policy.", valueName: "path"))
    var policy: String?

    @Option(name: .long, help: "The chain for records without a direction: input or output.")
    var direction: FilterCommand.DirectionArgument = .input

    @Argument(help: ArgumentHelp("JSON Lines records to evaluate. Default: stdin.", valueName: "file.jsonl"))
    var file: String?

    func run() throws {
        let policy = try PolicyResolution.load(path: policy)
        let descriptor: Int32
        if let file {
            descriptor = open(file, O_RDONLY)
            guard descriptor >= 0 else {
                throw ValidationError("cannot open '\(file)': \(String(cString: strerror(errno)))")
            }
        } else {
            descriptor = STDIN_FILENO
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }

        let input = LineReader(fileDescriptor: descriptor)
        let defaultDirection = direction.direction
        let lineLimit = policy.settings.maxInputBytes * 6 + 4096
        var skippedLines: [Int] = []
        var number = 0
        let records = AnyIterator<(text: String, direction: Direction)> {
            while let line = input.nextLine(limit: lineLimit) {
                number += 1
                guard case .text(let bytes) = line else {
                    skippedLines.append(number)
                    continue
                }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard case .success(let record) = FilterRecord.parse(bytes) else {
                    skippedLines.append(number)
                    continue
                }
                return (record.text, record.direction ?? defaultDirection)
            }
            return nil
        }
        let profile = policy.profile(records)
        let errors = OutputBuffer(fileDescriptor: STDERR_FILENO)
        if let code = input.readError {
            errors.write("error: reading the input failed (errno \(code))\n")
        }
        if !skippedLines.isEmpty {
            let shown = skippedLines.prefix(10).map(String.init).joined(separator: ", ")
            errors.write(
                "warning: \(skippedLines.count) line\(skippedLines.count == 1 ? "" : "s") skipped, not a valid record "
                    + "(\(shown)\(skippedLines.count > 10 ? ", ..." : "")); `guardrails filter --format jsonl` says why\n")
        }
        errors.flush()
        let output = OutputBuffer(fileDescriptor: STDOUT_FILENO)
        output.write(ProfileReport(profile: profile, policy: policy).text)
        output.flush()
        if input.readError != nil { throw ExitCode(ExitStatus.error.rawValue) }
    }
}

/// The text `guardrails profile` prints.
struct ProfileReport {
    let profile: PolicyProfile
    let policy: Policy

    var text: String {
        let total = profile.rules.reduce(Duration.zero) { $0 + $1.time }
        var lines: [String] = []
        lines.append(
            "policy \(policy.name) (\(policy.identity.digest.prefix(12))): \(profile.latencies.count) texts, "
                + "\(Self.megabytes(profile.bytes)), \(Self.format(total)) in rules")
        let header = ["rule", "chain", "check", "time", "share", "calls", "candidates", "skipped", "matches", "findings"]
        var rows: [[String]] = []
        for rule in profile.rules.sorted(by: { $0.time > $1.time }) {
            rows.append([
                rule.id + (rule.unanchoredPatterns.isEmpty ? "" : " *"), rule.direction.rawValue, rule.checkName,
                Self.format(rule.time), String(format: "%.1f%%", rule.share(of: profile) * 100), "\(rule.calls)",
                "\(rule.patternRuns)", "\(rule.patternsSkipped)", "\(rule.matches)", "\(rule.findings)",
            ])
        }
        lines += Self.table(header: header, rows: rows, rightAligned: 3...)
        lines.append(
            "per text: p50 \(Self.format(profile.latency(atQuantile: 0.5))), p99 \(Self.format(profile.latency(atQuantile: 0.99))), "
                + "max \(Self.format(profile.latency(atQuantile: 1)))")
        let unanchored = profile.rules.filter { !$0.unanchoredPatterns.isEmpty }
        if !unanchored.isEmpty {
            lines.append("")
            lines.append("* patterns without a usable literal anchor (each costs a full pass over every text):")
            for rule in unanchored {
                for source in rule.unanchoredPatterns {
                    lines.append("  \(rule.id): /\(source.count > 100 ? source.prefix(100) + "…" : source[...])/")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(header: [String], rows: [[String]], rightAligned: PartialRangeFrom<Int>) -> [String] {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }
            .joined(separator: "  ")
        }
    }

    static func format(_ duration: Duration) -> String {
        let microseconds = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        switch microseconds {
        case ..<1_000: return String(format: "%.1f µs", microseconds)
        case ..<1_000_000: return String(format: "%.1f ms", microseconds / 1e3)
        default: return String(format: "%.2f s", microseconds / 1e6)
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_000_000 ? String(format: "%.1f KB", Double(bytes) / 1e3) : String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
