// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
public import Guardrails

/// Precision and recall of a check over a labelled corpus in JSON Lines.
///
/// Each line is `{"text": "...", "label": "pii.email" | "none", "kind": "positive" | "hard_negative", "source": "..."}`.
/// A positive counts as detected when the check reports a finding whose category is the label or starts
/// with the label and a dot; a hard negative counts as a false positive when the check reports anything.
public struct QualityEvaluation: Sendable {
    /// One labelled text.
    public struct Record: Decodable, Sendable {
        /// The text.
        public let text: String
        /// The category the check must report, or `none`.
        public let label: String
        /// `positive` or `hard_negative`.
        public let kind: String
        /// Where the record comes from: `template:<name>` or `handwritten`.
        public let source: String
    }

    /// Results for one label.
    public struct Row: Sendable, Equatable {
        /// The label (category prefix), or `hard negatives`.
        public let label: String
        /// How many records carry the label.
        public let count: Int
        /// How many were handled correctly: detected (positives) or left alone (negatives).
        public let correct: Int
        /// Findings on positives that belong to no expected category, counted against precision.
        public let wrongCategory: Int

        /// Share of positives detected, or of negatives left alone.
        public var rate: Double { count == 0 ? 1 : Double(correct) / Double(count) }
    }

    /// The check's id.
    public let check: String
    /// One row per positive label, sorted.
    public let positives: [Row]
    /// Hard negatives: `correct` is how many got no finding.
    public let negatives: Row
    /// Texts that were missed or wrongly flagged, for inspection (at most 20 of each).
    public let misses: [String]
    /// Hard negatives that were flagged (at most 20).
    public let falseAlarms: [String]

    /// Recall over all positives.
    public var recall: Double {
        let count = positives.reduce(0) { $0 + $1.count }
        return count == 0 ? 1 : Double(positives.reduce(0) { $0 + $1.correct }) / Double(count)
    }

    /// Share of hard negatives flagged.
    public var falsePositiveRate: Double { 1 - negatives.rate }

    /// Precision over all findings on positives and negatives: flagged texts that were positives.
    public var precision: Double {
        let truePositives = positives.reduce(0) { $0 + $1.correct }
        let flagged = truePositives + (negatives.count - negatives.correct)
        return flagged == 0 ? 1 : Double(truePositives) / Double(flagged)
    }

    /// Evaluates `check` on every record of the JSON Lines file at `url`.
    public static func evaluate(_ check: any Check, corpus url: URL) throws -> QualityEvaluation {
        let decoder = JSONDecoder()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var counts: [String: (count: Int, correct: Int, wrong: Int)] = [:]
        var negatives = (count: 0, correct: 0)
        var misses: [String] = []
        var falseAlarms: [String] = []
        for line in lines {
            let record = try decoder.decode(Record.self, from: Data(line.utf8))
            var findings: [Finding] = []
            try check.evaluate(Subject(text: record.text), into: &findings)
            if record.label == "none" {
                negatives.count += 1
                if findings.isEmpty {
                    negatives.correct += 1
                } else if falseAlarms.count < 20 {
                    falseAlarms.append("\(record.text) → \(findings.map(\.category).joined(separator: ", "))")
                }
                continue
            }
            let detected = findings.contains { $0.category == record.label || $0.category.hasPrefix(record.label + ".") }
            var row = counts[record.label, default: (0, 0, 0)]
            row.count += 1
            if detected { row.correct += 1 } else if misses.count < 20 { misses.append("[\(record.label)] \(record.text)") }
            if !detected, !findings.isEmpty { row.wrong += 1 }
            counts[record.label] = row
        }
        return QualityEvaluation(
            check: type(of: check).description.id,
            positives: counts.keys.sorted().map { Row(label: $0, count: counts[$0]!.count, correct: counts[$0]!.correct, wrongCategory: counts[$0]!.wrong) },
            negatives: Row(label: "hard negatives", count: negatives.count, correct: negatives.correct, wrongCategory: 0),
            misses: misses, falseAlarms: falseAlarms)
    }

    /// A Markdown table: one row per label with recall, then the hard negatives' false-positive rate.
    public var table: String {
        func percent(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        var text = "| `\(check)` category | texts | detected | recall |\n|---|---:|---:|---:|\n"
        for row in positives { text += "| `\(row.label)` | \(row.count) | \(row.correct) | \(percent(row.rate)) |\n" }
        text += "| **all positives** | \(positives.reduce(0) { $0 + $1.count }) | \(positives.reduce(0) { $0 + $1.correct }) | **\(percent(recall))** |\n"
        text += "| hard negatives flagged (false positives) | \(negatives.count) | \(negatives.count - negatives.correct) | **\(percent(falsePositiveRate))** |\n"
        text += "| precision | | | \(percent(precision)) |\n"
        return text
    }
}
