// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Evaluates a RAG configuration: retrieval precision and recall against labelled chunk ids, answer
/// accuracy against references, and faithfulness (the share of answer sentences the retrieved
/// context supports).
///
/// ```swift
/// let evaluator = RAGEvaluator(model: judgeModel, criteria: RAGCriteria(recall: 0.8, faithfulness: 0.9))
/// let small = await evaluator.evaluate(casesWith256TokenChunks, configuration: "chunk-256")
/// let large = await evaluator.evaluate(casesWith512TokenChunks, configuration: "chunk-512")
/// print(RAGReport.comparison([small, large]))
/// ```
///
/// With a model, faithfulness and accuracy are judged by it (strict JSON, one retry, like
/// ``ResponseJudge``). Without one, or when the model's answer is invalid twice, faithfulness falls back
/// to lexical overlap: a sentence is supported when at least 60% of its content words (three letters or
/// more, not stop words) occur in the retrieved text; accuracy is then the token F1 of answer and reference.
public struct RAGEvaluator: Sendable {
    /// The judging model, if any.
    public let model: (any LanguageModel)?
    /// The thresholds reports are checked against.
    public let criteria: RAGCriteria
    /// Cases evaluated at once.
    public let concurrency: Int

    /// Creates an evaluator; without a model it uses lexical overlap only.
    public init(model: (any LanguageModel)? = nil, criteria: RAGCriteria = RAGCriteria(), concurrency: Int = 4) {
        self.model = model
        self.criteria = criteria
        self.concurrency = max(1, concurrency)
    }

    /// Scores every case under the configuration's name.
    public func evaluate(_ cases: [RAGCase], configuration: String) async -> RAGReport {
        let scores = await BoundedConcurrency.map(cases, limit: concurrency) { await score($0) }
        return RAGReport(
            configuration: configuration, cases: scores, criteria: criteria,
            faithfulnessMethod: model == nil ? "lexical overlap" : "model")
    }

    func score(_ ragCase: RAGCase) async -> RAGReport.CaseScore {
        let context = ragCase.retrieved.map(\.text).joined(separator: "\n\n")
        let sentences = Self.sentences(in: ragCase.answer)
        var supported = await modelSupport(for: sentences, context: context)
            ?? sentences.map { Self.lexicallySupported($0, by: context) }
        if supported.count != sentences.count { supported = sentences.map { Self.lexicallySupported($0, by: context) } }
        var accuracy: Double?
        if let reference = ragCase.reference {
            if let model, let judgement = try? await ResponseJudge(model: model, criteria: [.accuracy])
                .judge(question: ragCase.question, reference: reference, response: ragCase.answer)
            {
                accuracy = Double(judgement.scores["accuracy"]! - 1) / 4
            } else {
                accuracy = Self.tokenF1(ragCase.answer, reference)
            }
        }
        return RAGReport.CaseScore(
            question: ragCase.question, precision: ragCase.precision, recall: ragCase.recall,
            faithfulness: sentences.isEmpty ? 1 : Double(supported.filter { $0 }.count) / Double(sentences.count),
            accuracy: accuracy,
            unsupportedSentences: zip(sentences, supported).filter { !$0.1 }.map(\.0))
    }

    /// Asks the model which sentences the context supports; `nil` without a model or after two invalid answers.
    private func modelSupport(for sentences: [String], context: String) async -> [Bool]? {
        guard let model, !sentences.isEmpty else { return nil }
        let numbered = sentences.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        var messages: [ChatMessage] = [
            .system("""
                You check whether statements are supported by a context. A statement is supported only if the \
                context states or directly implies it. Reply with only a JSON object: \
                {"supported": [true, false, ...]}, one boolean per statement, in order.
                """),
            .user("<context>\n\(context)\n</context>\n<statements>\n\(numbered)\n</statements>"),
        ]
        for attempt in 1...2 {
            guard let answer = try? await model.complete(ChatRequest(messages: messages, temperature: 0)).text else { return nil }
            let flags = JudgeAnswerParser.extractObject(from: answer)
                .flatMap { try? JSONValue.parse($0) }?.object?["supported"]?.array?.compactMap(\.boolean)
            if let flags, flags.count == sentences.count { return flags }
            if attempt == 1 {
                messages += [
                    .assistant(answer),
                    .user("That answer was invalid: give exactly \(sentences.count) booleans. Reply with only the JSON object."),
                ]
            }
        }
        return nil
    }

    // MARK: - Lexical measures

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "they", "have", "has",
        "had", "was", "were", "will", "would", "can", "could", "should", "may", "might", "its", "it's", "our", "their",
        "there", "here", "what", "which", "who", "when", "where", "how", "all", "any", "each", "also", "into", "than",
        "then", "them", "these", "those", "been", "being", "does", "did", "about", "over", "under", "more", "most", "such",
    ]

    /// The answer split after `.`, `!` or `?` followed by white space, and at line breaks.
    static func sentences(in text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isNewline || (character.isWhitespace && ".!?".contains(previous)) {
                let trimmed = current.trimmingWhitespace()
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let trimmed = current.trimmingWhitespace()
        if !trimmed.isEmpty { sentences.append(trimmed) }
        return sentences.filter { !contentWords($0).isEmpty }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    static func contentWords(_ text: String) -> [String] {
        words(text).filter { ($0.count >= 3 || $0.allSatisfy(\.isNumber)) && !stopWords.contains($0) }
    }

    static func lexicallySupported(_ sentence: String, by context: String) -> Bool {
        let content = contentWords(sentence)
        guard !content.isEmpty else { return true }
        let available = Set(words(context))
        return Double(content.filter(available.contains).count) / Double(content.count) >= 0.6
    }

    /// The harmonic mean of token precision and recall of `answer` against `reference`.
    static func tokenF1(_ answer: String, _ reference: String) -> Double {
        let a = contentWords(answer)
        let r = contentWords(reference)
        guard !a.isEmpty, !r.isEmpty else { return a.isEmpty && r.isEmpty ? 1 : 0 }
        var remaining = r.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var common = 0
        for word in a where remaining[word, default: 0] > 0 {
            remaining[word]! -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(a.count)
        let recall = Double(common) / Double(r.count)
        return 2 * precision * recall / (precision + recall)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
