// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Scores answers with a language model acting as judge: 1 to 5 per criterion, with an explanation.
///
/// ```swift
/// let judge = ResponseJudge(model: try OpenAICompatibleModel(configuration: .init(model: "gpt-4.1")))
/// let judgement = try await judge.judge(question: q, reference: expected, response: answer)
/// judgement.scores["accuracy"]   // 1...5
/// ```
///
/// The judge must answer with a JSON object `{"scores": {"accuracy": 4, ...}, "explanation": "..."}`.
/// Parsing is strict about content and lenient about packaging: code fences and text around the object
/// are tolerated, but a missing criterion, a score that is not a whole number from 1 to 5, or no JSON at
/// all is an error. After an invalid answer the judge is asked once more, told what was wrong; a second
/// invalid answer throws ``JudgeError``.
public struct ResponseJudge: Sendable {
    /// The judging model.
    public let model: any LanguageModel
    /// What is scored.
    public let criteria: [JudgeCriterion]
    /// The model name sent with judge requests, if the judge model needs one.
    public let modelName: String?

    /// Creates a judge.
    public init(model: any LanguageModel, criteria: [JudgeCriterion] = JudgeCriterion.standard, modelName: String? = nil) {
        precondition(!criteria.isEmpty, "a judge needs at least one criterion")
        self.model = model
        self.criteria = criteria
        self.modelName = modelName
    }

    /// Scores one answer.
    ///
    /// - Parameters:
    ///   - question: What was asked.
    ///   - reference: A known-good answer, if there is one.
    ///   - response: The answer to score.
    ///   - context: Retrieved passages the answer should rest on, for RAG.
    /// - Throws: ``JudgeError`` after two invalid judge answers; what the model throws.
    public func judge(question: String, reference: String? = nil, response: String, context: String? = nil) async throws -> Judgement {
        var messages: [ChatMessage] = [.system(systemPrompt), .user(userPrompt(question, reference, response, context))]
        var attempt = 1
        while true {
            let answer = try await model.complete(ChatRequest(messages: messages, model: modelName, temperature: 0)).text
            let parsed = Result { () throws(JudgeError) in try JudgeAnswerParser.parse(answer, criteria: criteria.map(\.name)) }
            switch parsed {
            case .success(let judgement):
                return judgement
            case .failure(let error) where attempt == 1:
                messages += [.assistant(answer), .user("That answer was invalid: \(error.message). Reply with only the JSON object.")]
                attempt += 1
            case .failure(let error):
                throw JudgeError(error.message, answer: answer, attempts: attempt)
            }
        }
    }

    /// Scores many answers, at most `concurrency` at a time.
    ///
    /// An item whose judging fails is reported with its error; the others still count. `progress` is
    /// called with the number of items done after each one.
    public func judgeAll(
        _ items: [JudgeItem], concurrency: Int = 4, progress: @Sendable (Int) -> Void = { _ in }
    ) async -> BatchJudgement {
        var done = 0
        let results = await BoundedConcurrency.map(items, limit: concurrency, completed: { _, _ in
            done += 1
            progress(done)
        }) { item -> Result<Judgement, JudgeError> in
            do {
                return .success(try await judge(question: item.question, reference: item.reference, response: item.response, context: item.context))
            } catch let error as JudgeError {
                return .failure(error)
            } catch {
                return .failure(JudgeError("the judge model failed: \(error)"))
            }
        }
        return BatchJudgement(criteria: criteria.map(\.name), results: results)
    }

    var systemPrompt: String {
        let rubric = criteria.map { "- \($0.name): 5 = \($0.rubric); 1 = the opposite" }.joined(separator: "\n")
        let example = criteria.map { "\"\($0.name)\": 4" }.joined(separator: ", ")
        return """
            You are an impartial evaluator. Score the response to the question on each criterion with a whole \
            number from 1 (worst) to 5 (best):
            \(rubric)
            Reply with only a JSON object, no other text:
            {"scores": {\(example)}, "explanation": "one or two sentences"}
            """
    }

    private func userPrompt(_ question: String, _ reference: String?, _ response: String, _ context: String?) -> String {
        var parts = ["<question>\n\(question)\n</question>"]
        if let context { parts.append("<context>\n\(context)\n</context>") }
        if let reference { parts.append("<reference>\n\(reference)\n</reference>") }
        parts.append("<response>\n\(response)\n</response>")
        return parts.joined(separator: "\n")
    }
}

/// One answer to judge.
public struct JudgeItem: Sendable, Hashable {
    /// What was asked.
    public var question: String
    /// A known-good answer, if any.
    public var reference: String?
    /// The answer to score.
    public var response: String
    /// Retrieved passages, for RAG.
    public var context: String?

    /// Creates an item.
    public init(question: String, reference: String? = nil, response: String, context: String? = nil) {
        self.question = question
        self.reference = reference
        self.response = response
        self.context = context
    }
}

/// A judge's scores for one answer.
public struct Judgement: Sendable, Hashable {
    /// Scores from 1 to 5 by criterion name.
    public var scores: [String: Int]
    /// Why, in the judge's words.
    public var explanation: String
}

/// The judgements of a batch, with averages.
public struct BatchJudgement: Sendable {
    /// The criteria scored.
    public var criteria: [String]
    /// Per item, in input order: its judgement or why it could not be judged.
    public var results: [Result<Judgement, JudgeError>]

    /// The mean score per criterion over the judged items; empty when none was judged.
    public var averages: [String: Double] {
        let judged = results.compactMap { try? $0.get() }
        guard !judged.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: criteria.map { name in
            (name, Double(judged.reduce(0) { $0 + ($1.scores[name] ?? 0) }) / Double(judged.count))
        })
    }

    /// Items that could not be judged.
    public var failures: Int { results.filter { (try? $0.get()) == nil }.count }
}

/// The judge's answer was not valid.
public struct JudgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public let message: String
    /// The judge's last answer, when there was one.
    public let answer: String?
    /// Judge calls made.
    public let attempts: Int

    init(_ message: String, answer: String? = nil, attempts: Int = 1) {
        self.message = message
        self.answer = answer
        self.attempts = attempts
    }

    public var description: String {
        attempts > 1 ? "invalid judge answer after \(attempts) attempts: \(message)" : "invalid judge answer: \(message)"
    }
}
