// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

// benchmark-corpus: writes the deterministic chat stream (JSON Lines) and, with --patterns, the patterns
// of a policy (JSON) for the Python baseline.
//
//   benchmark-corpus --records 10000 --out stream.jsonl [--patterns patterns.json] [--policy FILE]

import Foundation
import Guardrails
import GuardrailsTesting

var records = 10_000
var outPath = "stream.jsonl"
var patternsPath: String?
var policyPath: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--records": records = Int(arguments.next() ?? "") ?? records
    case "--out": outPath = arguments.next() ?? outPath
    case "--patterns": patternsPath = arguments.next()
    case "--policy": policyPath = arguments.next()
    default:
        FileHandle.standardError.write(Data("usage: benchmark-corpus [--records N] [--out FILE] [--patterns FILE] [--policy FILE]\n".utf8))
        exit(2)
    }
}

var lines = Data()
for record in ChatCorpus().records(records) {
    let object: [String: String] = ["text": record.text, "direction": record.direction.rawValue]
    lines.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    lines.append(0x0A)
}
try lines.write(to: URL(filePath: outPath))

if let patternsPath {
    let policy = try policyPath.map { try Policy.load(contentsOf: URL(filePath: $0)) } ?? Policy.bundledDefault()
    var entries: [[String: Any]] = []
    for (direction, chain) in [("input", policy.input), ("output", policy.output)] {
        for rule in chain.rules {
            for pattern in rule.check.patterns {
                entries.append([
                    "direction": direction, "rule": rule.id, "source": pattern.source,
                    "caseless": pattern.options.contains(.caseless),
                ])
            }
        }
    }
    let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(filePath: patternsPath))
}
