// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

// throughput: the engine against the naive pattern-by-pattern scan, same process, same texts.
//
//   throughput [--records N] [--policy FILE] [--rounds R] [--python-mbps X] [--engine-only]
//   throughput --single-text BYTES --repeat K [--naive]   (for callgrind: K evaluations of one text)
//   throughput --load ROUNDS                              (policy load time: first and steady)
//   throughput --allowed-prompt K                         (for valgrind: K evaluations of an allowed 4 KB prompt)
//
// Prints MB/s and per-record latency for `Policy.evaluate` (all rules, full semantics) and for the
// naive baseline (every pattern of the policy through `Pattern.forEachMatch`, on the whole text), the
// ratio between them, and, when given the Python baseline's MB/s, the ratio to that too.

import Foundation
import Guardrails
import GuardrailsTesting

var recordCount = 10_000
var policyPath: String?
var rounds = 3
var pythonMBps: Double?
var engineOnly = false
var singleText: Int?
var repeatCount = 1
var naiveOnly = false
var loadRounds: Int?
var allowedPromptRepeats: Int?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--records": recordCount = Int(arguments.next() ?? "") ?? recordCount
    case "--policy": policyPath = arguments.next()
    case "--rounds": rounds = Int(arguments.next() ?? "") ?? rounds
    case "--python-mbps": pythonMBps = Double(arguments.next() ?? "")
    case "--engine-only": engineOnly = true
    case "--single-text": singleText = Int(arguments.next() ?? "")
    case "--repeat": repeatCount = Int(arguments.next() ?? "") ?? repeatCount
    case "--naive": naiveOnly = true
    case "--load": loadRounds = Int(arguments.next() ?? "")
    case "--allowed-prompt": allowedPromptRepeats = Int(arguments.next() ?? "")
    default:
        FileHandle.standardError.write(Data("usage: throughput [--records N] [--policy FILE] [--rounds R] [--python-mbps X] [--engine-only] | --single-text BYTES --repeat K [--naive] | --load ROUNDS | --allowed-prompt K\n".utf8))
        exit(2)
    }
}

@MainActor func loadPolicy() throws -> Policy {
    try policyPath.map { try Policy.load(contentsOf: URL(filePath: $0)) } ?? Policy.bundledDefault()
}
if let loadRounds {
    // The first load also builds the built-in checks' shared patterns; later loads show the steady cost.
    let clock = ContinuousClock()
    var times: [Duration] = []
    for _ in 0..<loadRounds {
        let started = clock.now
        _ = try loadPolicy()
        times.append(clock.now - started)
    }
    let rest = times.dropFirst().sorted()
    print("first load: \(times[0])" + (rest.isEmpty ? "" : ", median of the \(rest.count) after it: \(rest[rest.count / 2])"))
    exit(0)
}
let policy = try loadPolicy()
if let allowedPromptRepeats {
    // Heap allocations per allowed verdict = (allocations with K = 101 − with K = 1) / 100, under valgrind.
    let text = ChatCorpus.allowedPrompt(bytes: 4_096)
    var findings = 0
    for _ in 0..<allowedPromptRepeats { findings += try policy.evaluate(text).findings.count }
    print("evaluated the allowed prompt \(allowedPromptRepeats) times, \(findings) findings")
    exit(0)
}
/// Evaluates `text` `count` times, with the policy or naively with its input patterns; returns the findings
/// or matches. Under callgrind, `--toggle-collect='*measuredEvaluations*'` counts only this, so neither
/// the policy load (whose threads vary from run to run) nor the corpus enters the count.
@inline(never)
func measuredEvaluations(of text: String, count: Int, policy: Policy, naive: Bool) throws -> Int {
    var findings = 0
    let inputPatterns = policy.input.rules.flatMap(\.check.patterns)
    for _ in 0..<count {
        if naive {
            for pattern in inputPatterns { try pattern.forEachMatch(in: text) { _ in findings += 1 } }
        } else {
            findings += try policy.evaluate(text).findings.count
        }
    }
    return findings
}

if let singleText {
    // Instructions per byte = (instructions with --repeat 3 − with --repeat 1) / (2 × BYTES).
    let text = ChatCorpus(seed: 7).text(bytes: singleText)
    let findings = try measuredEvaluations(of: text, count: repeatCount, policy: policy, naive: naiveOnly)
    print("evaluated \(text.utf8.count) bytes \(repeatCount) times, \(findings) findings or matches")
    exit(0)
}
let records = ChatCorpus().records(recordCount)
let bytes = records.reduce(0) { $0 + $1.text.utf8.count }
let patterns: [Direction: [Pattern]] = [
    .input: policy.input.rules.flatMap(\.check.patterns), .output: policy.output.rules.flatMap(\.check.patterns),
]
let clock = ContinuousClock()

/// Runs `body` on every record `rounds` times; returns the best round's total and per-record latencies.
@MainActor func measure(_ body: (ChatCorpus.Record) throws -> Int) rethrows -> (total: Duration, latencies: [Duration], sink: Int) {
    var best: (Duration, [Duration])?
    var sink = 0
    for _ in 0..<rounds {
        var latencies: [Duration] = []
        latencies.reserveCapacity(records.count)
        let started = clock.now
        for record in records {
            let recordStarted = clock.now
            sink &+= try body(record)
            latencies.append(clock.now - recordStarted)
        }
        let total = clock.now - started
        if best == nil || total < best!.0 { best = (total, latencies) }
    }
    return (best!.0, best!.1, sink)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func quantile(_ latencies: [Duration], _ q: Double) -> Double {
    let sorted = latencies.sorted()
    return seconds(sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]) * 1e6
}

let engine = try measure { record in
    try policy.evaluate(record.text, direction: record.direction).findings.count
}
if engineOnly {
    print(String(format: "engine: %.1f MB/s", Double(bytes) / 1e6 / seconds(engine.total)))
    exit(0)
}
let naive = try measure { record in
    var matches = 0
    for pattern in patterns[record.direction]! { try pattern.forEachMatch(in: record.text) { _ in matches += 1 } }
    return matches
}

// Floors: what touching every byte once costs, for scale.
let validation = measure { record in
    String(validating: Array(record.text.utf8), as: UTF8.self) == nil ? 0 : 1
}

let megabytes = Double(bytes) / 1_000_000
func row(_ name: String, _ result: (total: Duration, latencies: [Duration], sink: Int)) -> String {
    let mbps = megabytes / seconds(result.total)
    return name.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%9.1f MB/s   p50 %7.1f µs   p99 %7.1f µs", mbps, quantile(result.latencies, 0.5), quantile(result.latencies, 0.99))
}
print("policy \(policy.name): \(records.count) records, \(bytes) bytes, \(patterns[.input]!.count)+\(patterns[.output]!.count) patterns, best of \(rounds)")
print(row("Policy.evaluate (prefiltered, all rules)", engine))
print(row("naive: every pattern over every text", naive))
print(row("floor: copy + UTF-8 validation of the text", validation))
let engineMBps = megabytes / seconds(engine.total)
print(String(format: "ratio engine / naive: %.2fx", seconds(naive.total) / seconds(engine.total)))
if let pythonMBps { print(String(format: "ratio engine / Python re loop: %.1fx", engineMBps / pythonMBps)) }

let profile = policy.profile(records.map { ($0.text, $0.direction) })
print("\nper rule (one profiled pass): calls, pattern runs after the prefilter, patterns skipped, time share")
for rule in profile.rules {
    print(
        "  \(rule.direction.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(rule.id.padding(toLength: 24, withPad: " ", startingAt: 0))"
            + String(format: " %6d %9d %9d %6.1f%%", rule.calls, rule.patternRuns, rule.patternsSkipped, rule.share(of: profile) * 100)
            + (rule.unanchoredPatterns.isEmpty ? "" : "  unanchored: \(rule.unanchoredPatterns.count)"))
}
