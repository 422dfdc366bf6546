// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import GuardrailsTesting
import Testing

struct RAGEvaluatorTests {
    static let returnsPolicy = RAGCase.Chunk(id: "returns-1", text: "Items can be returned within 30 days of delivery for a full refund.")
    static let shipping = RAGCase.Chunk(id: "shipping-2", text: "Standard shipping takes three to five business days.")
    static let warranty = RAGCase.Chunk(id: "warranty-1", text: "Blenders carry a two-year warranty against defects.")

    static let ragCase = RAGCase(
        question: "How long do I have to return a blender?",
        retrieved: [returnsPolicy, shipping],
        relevantChunkIDs: ["returns-1", "warranty-1"],
        answer: "You can return items within 30 days of delivery for a full refund. Blenders also come with a lifetime guarantee.",
        reference: "Within 30 days of delivery, for a full refund.")

    @Test func precisionAndRecallCountLabelledChunks() {
        #expect(Self.ragCase.precision == 0.5)  // 1 of 2 retrieved is relevant
        #expect(Self.ragCase.recall == 0.5)  // 1 of 2 relevant was retrieved
    }

    @Test func lexicalFaithfulnessFlagsTheUnsupportedSentence() async {
        let report = await RAGEvaluator().evaluate([Self.ragCase], configuration: "chunk-256")
        let score = report.cases[0]
        #expect(score.faithfulness == 0.5)
        #expect(score.unsupportedSentences == ["Blenders also come with a lifetime guarantee."])
        #expect(report.faithfulnessMethod == "lexical overlap")
        // Token F1: the reference's 6 content words all occur among the answer's 12, so P = 0.5, R = 1.
        #expect(score.accuracy.map { abs($0 - 2.0 / 3) < 1e-9 } == true)
    }

    @Test func aModelJudgesFaithfulnessAndAccuracy() async throws {
        let server = try StubHTTPServer { request in
            let body = String(decoding: request.body, as: UTF8.self)
            let content =
                body.contains("check whether statements are supported")
                ? #"{"supported": [true, false]}"#
                : #"{"scores": {"accuracy": 4}, "explanation": "Right period, extra claim."}"#
            let reply = try! JSONSerialization.data(withJSONObject: ["model": "judge", "choices": [["message": ["content": content]]]])
            return .json(String(decoding: reply, as: UTF8.self))
        }
        let model = try OpenAICompatibleModel(configuration: .init(baseURL: server.baseURL, model: "judge", retry: .never), environment: [:])
        let report = await RAGEvaluator(model: model).evaluate([Self.ragCase], configuration: "chunk-256")
        #expect(report.cases[0].faithfulness == 0.5)
        #expect(report.cases[0].accuracy == 0.75)  // a 4 of 5 maps to 0.75
        #expect(report.faithfulnessMethod == "model")
        #expect(server.requests.count == 2)
    }

    @Test func comparesTwoConfigurationsSideBySideAgainstTheCriteria() async {
        let criteria = RAGCriteria(["recall": 0.8, "faithfulness": 0.9])
        let evaluator = RAGEvaluator(criteria: criteria)
        let small = await evaluator.evaluate([Self.ragCase], configuration: "chunk-256")
        var better = Self.ragCase
        better.retrieved = [Self.returnsPolicy, Self.warranty]
        better.answer = "You can return items within 30 days of delivery for a full refund. Blenders carry a two-year warranty."
        let large = await evaluator.evaluate([better], configuration: "chunk-512")
        #expect(small.failures == ["recall 0.50 < 0.80", "faithfulness 0.50 < 0.90"])
        #expect(large.passed)
        #expect(RAGReport.comparison([small, large]) == """
            metric        chunk-256     chunk-512     criterion
            precision     0.50          1.00          -
            recall        0.50          1.00          ≥ 0.80
            faithfulness  0.50          1.00          ≥ 0.90
            accuracy      0.67          0.63          -
            cases         1             1
            verdict       FAIL          PASS

            """)
    }
}
