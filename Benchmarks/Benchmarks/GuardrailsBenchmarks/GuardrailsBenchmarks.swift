// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

// `swift package benchmark` (from Benchmarks/): wall clock, throughput, instructions and mallocs for
// Policy.evaluate on fixed-size texts and on the 10,000-record stream, policy load, and each built-in
// check alone; each evaluate suite has its naive baseline (every pattern over the whole text through
// the Pattern API) next to it, on the same texts.

import Benchmark
import Guardrails
import GuardrailsTesting

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .instructions, .mallocCountTotal],
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let policy = try! Policy.bundledDefault()
    let inputPatterns = policy.input.rules.flatMap(\.check.patterns)

    for size in [256, 4_096, 65_536, 1_048_576] {
        let text = ChatCorpus(seed: 7).text(bytes: size)
        let label = size >= 1_048_576 ? "1 MB" : size >= 1_024 ? "\(size / 1_024) KB" : "\(size) B"
        Benchmark("evaluate default policy, \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try policy.evaluate(text)) }
        }
        Benchmark("naive pattern scan, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                var matches = 0
                for pattern in inputPatterns { try pattern.forEachMatch(in: text) { _ in matches += 1 } }
                blackHole(matches)
            }
        }
    }

    let stream = ChatCorpus().records(10_000)
    let streamConfiguration = Benchmark.Configuration(maxDuration: .seconds(10), maxIterations: 5)
    Benchmark("evaluate default policy, 10k-record stream", configuration: streamConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            for record in stream { blackHole(try policy.evaluate(record.text, direction: record.direction)) }
        }
    }
    let patternsByDirection: [Direction: [Pattern]] = [.input: inputPatterns, .output: policy.output.rules.flatMap(\.check.patterns)]
    Benchmark("naive pattern scan, 10k-record stream", configuration: streamConfiguration) { benchmark in
        for _ in benchmark.scaledIterations {
            var matches = 0
            for record in stream {
                for pattern in patternsByDirection[record.direction]! {
                    try pattern.forEachMatch(in: record.text) { _ in matches += 1 }
                }
            }
            blackHole(matches)
        }
    }

    let allowedText = ChatCorpus.allowedPrompt(bytes: 4_096)
    Benchmark("evaluate an allowed 4 KB prompt (mallocs per allow verdict)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try policy.evaluate(allowedText)) }
    }
    // The baseline of the row above: the harness's own mallocs and an evaluation that runs no rule.
    let empty = try! PolicyLoader().load(yaml: "policy: empty\n", fileName: "empty.yaml")
    Benchmark("evaluate the same prompt with a policy without rules (baseline mallocs)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try empty.evaluate(allowedText)) }
    }

    Benchmark("load the default policy (parse, compile, JIT)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Policy.bundledDefault()) }
    }

    let text = ChatCorpus(seed: 3).text(bytes: 4_096)
    let options = [
        "canary": "    token: ZX-CANARY-91f3\n", "keywords": "    words: [falcon, osprey]\n",
        "length": "    max_tokens: 4000\n", "pattern": "    patterns: ['TICKET-\\d+']\n",
    ]
    for name in CheckRegistry.builtIn.names {
        let yaml = "policy: one\ninput:\n  - id: only\n    check: \(name)\n    action: annotate\n" + options[name, default: ""]
        let single = try! PolicyLoader().load(yaml: yaml, fileName: "\(name).yaml")
        Benchmark("check \(name) alone, 4 KB") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try single.evaluate(text)) }
        }
    }
}
