// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// One question of a RAG evaluation: what was retrieved, which chunks were relevant, and the answer.
public struct RAGCase: Sendable, Hashable {
    /// A retrieved passage.
    public struct Chunk: Sendable, Hashable {
        /// The chunk's id in the index.
        public var id: String
        /// Its text.
        public var text: String

        /// Creates a chunk.
        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// What was asked.
    public var question: String
    /// What the retriever returned, in rank order.
    public var retrieved: [Chunk]
    /// The ids of the chunks that answer the question (the labels).
    public var relevantChunkIDs: Set<String>
    /// The generated answer.
    public var answer: String
    /// A known-good answer, for accuracy.
    public var reference: String?

    /// Creates a case.
    public init(question: String, retrieved: [Chunk], relevantChunkIDs: Set<String>, answer: String, reference: String? = nil) {
        self.question = question
        self.retrieved = retrieved
        self.relevantChunkIDs = relevantChunkIDs
        self.answer = answer
        self.reference = reference
    }

    /// Retrieved chunks that are relevant, over all retrieved; 0 when nothing was retrieved.
    public var precision: Double {
        retrieved.isEmpty ? 0 : Double(retrieved.filter { relevantChunkIDs.contains($0.id) }.count) / Double(retrieved.count)
    }

    /// Relevant chunks that were retrieved, over all relevant; 1 when none is relevant.
    public var recall: Double {
        guard !relevantChunkIDs.isEmpty else { return 1 }
        return Double(Set(retrieved.map(\.id)).intersection(relevantChunkIDs).count) / Double(relevantChunkIDs.count)
    }
}

/// Minimum scores a RAG configuration must reach, each from 0 to 1; `nil` does not check.
public struct RAGCriteria: Sendable, Hashable {
    /// Minimum mean retrieval precision.
    public var precision: Double?
    /// Minimum mean retrieval recall.
    public var recall: Double?
    /// Minimum mean faithfulness.
    public var faithfulness: Double?
    /// Minimum mean answer accuracy.
    public var accuracy: Double?

    /// Creates criteria.
    public init(precision: Double? = nil, recall: Double? = nil, faithfulness: Double? = nil, accuracy: Double? = nil) {
        self.precision = precision
        self.recall = recall
        self.faithfulness = faithfulness
        self.accuracy = accuracy
    }

    /// Reads `{precision: 0.6, recall: 0.8, faithfulness: 0.9, accuracy: 0.7}`, as in a registered
    /// RAG configuration's `criteria:` (a ``RegistryItemKind/configuration``) or any YAML mapping.
    public init(_ values: [String: Double]) {
        self.init(precision: values["precision"], recall: values["recall"], faithfulness: values["faithfulness"], accuracy: values["accuracy"])
    }
}

/// Scores of one RAG configuration over a set of cases.
public struct RAGReport: Sendable {
    /// Scores of one case.
    public struct CaseScore: Sendable, Hashable {
        /// The question.
        public var question: String
        /// Retrieval precision.
        public var precision: Double
        /// Retrieval recall.
        public var recall: Double
        /// Share of answer sentences the retrieved context supports.
        public var faithfulness: Double
        /// Answer accuracy from 0 to 1 (a judge's 1–5 mapped linearly), or `nil` without a reference.
        public var accuracy: Double?
        /// Answer sentences the context does not support.
        public var unsupportedSentences: [String]
    }

    /// The configuration's name, such as `chunk-256`.
    public var configuration: String
    /// Every case, in input order.
    public var cases: [CaseScore]
    /// The criteria checked.
    public var criteria: RAGCriteria
    /// How faithfulness was judged: `model` or `lexical overlap`.
    public var faithfulnessMethod: String

    /// Mean precision.
    public var precision: Double { mean(cases.map(\.precision)) }
    /// Mean recall.
    public var recall: Double { mean(cases.map(\.recall)) }
    /// Mean faithfulness.
    public var faithfulness: Double { mean(cases.map(\.faithfulness)) }
    /// Mean accuracy over cases with a reference, or `nil` when none has one.
    public var accuracy: Double? {
        let scored = cases.compactMap(\.accuracy)
        return scored.isEmpty ? nil : mean(scored)
    }

    /// The criteria not met, as `recall 0.62 < 0.80`.
    public var failures: [String] {
        var failures: [String] = []
        func check(_ name: String, _ value: Double?, _ minimum: Double?) {
            guard let minimum else { return }
            guard let value else { return failures.append("\(name) not measured (needs references)") }
            if value < minimum { failures.append("\(name) \(Self.format(value)) < \(Self.format(minimum))") }
        }
        check("precision", precision, criteria.precision)
        check("recall", recall, criteria.recall)
        check("faithfulness", faithfulness, criteria.faithfulness)
        check("accuracy", accuracy, criteria.accuracy)
        return failures
    }

    /// Whether every criterion is met.
    public var passed: Bool { failures.isEmpty }

    private func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Several configurations' reports side by side, one column each, with the criteria and a verdict.
    public static func comparison(_ reports: [RAGReport]) -> String {
        let criteria = reports.first?.criteria ?? RAGCriteria()
        let rows: [(String, (RAGReport) -> String, Double?)] = [
            ("precision", { format($0.precision) }, criteria.precision),
            ("recall", { format($0.recall) }, criteria.recall),
            ("faithfulness", { format($0.faithfulness) }, criteria.faithfulness),
            ("accuracy", { $0.accuracy.map(format) ?? "-" }, criteria.accuracy),
        ]
        let width = max(12, reports.map(\.configuration.count).max() ?? 0) + 2
        func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(1, count - text.count)) }
        var lines = [pad("metric", 14) + reports.map { pad($0.configuration, width) }.joined() + "criterion"]
        for (name, value, minimum) in rows {
            lines.append(pad(name, 14) + reports.map { pad(value($0), width) }.joined() + (minimum.map { "≥ " + format($0) } ?? "-"))
        }
        lines.append(pad("cases", 14) + reports.map { pad(String($0.cases.count), width) }.joined())
        lines.append(pad("verdict", 14) + reports.map { pad($0.passed ? "PASS" : "FAIL", width) }.joined())
        return lines.map { $0.trimmingSuffix() }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
