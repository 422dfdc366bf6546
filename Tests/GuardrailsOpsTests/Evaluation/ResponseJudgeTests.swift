// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import GuardrailsTesting
import Synchronization
import Testing

struct ResponseJudgeTests {
    /// A judge model on loopback that gives `answers` in turn (the last one repeats).
    func judgeServer(_ answers: [String]) throws -> (StubHTTPServer, ResponseJudge) {
        let calls = Atomic(0)
        let server = try StubHTTPServer { _ in
            let index = calls.add(1, ordering: .relaxed).oldValue
            let content = answers[min(index, answers.count - 1)]
            let body = try! JSONSerialization.data(withJSONObject: ["model": "judge", "choices": [["message": ["content": content]]]])
            return .json(String(decoding: body, as: UTF8.self))
        }
        let model = try OpenAICompatibleModel(
            configuration: .init(baseURL: server.baseURL, model: "judge", retry: .never), environment: [:])
        return (server, ResponseJudge(model: model))
    }

    static let valid = #"{"scores": {"accuracy": 4, "relevance": 5, "completeness": 3, "clarity": 5}, "explanation": "Mostly right."}"#

    @Test func readsScoresFromAFencedAnswerWithTextAround() async throws {
        let (server, judge) = try judgeServer(["Here is my evaluation:\n```json\n\(Self.valid)\n```\nHope this helps!"])
        let judgement = try await judge.judge(question: "q", reference: "r", response: "a")
        #expect(server.requests.count == 1)
        #expect(judgement.scores == ["accuracy": 4, "relevance": 5, "completeness": 3, "clarity": 5])
        #expect(judgement.explanation == "Mostly right.")
    }

    @Test func retriesOnceTellingTheJudgeWhatWasWrong() async throws {
        let outOfRange = #"{"scores": {"accuracy": 6, "relevance": 5, "completeness": 3, "clarity": 5}}"#
        let (server, judge) = try judgeServer([outOfRange, Self.valid])
        let judgement = try await judge.judge(question: "q", response: "a")
        #expect(judgement.scores["accuracy"] == 4)
        #expect(server.requests.count == 2)
        let retry = String(decoding: server.requests[1].body, as: UTF8.self)
        #expect(retry.contains(#"score for \"accuracy\" is 6, not a whole number from 1 to 5"#))
    }

    @Test func twoInvalidAnswersAreAClearError() async throws {
        let (server, judge) = try judgeServer([#"{"scores": {"accuracy": 4}}"#])
        let error = try await #require(throws: JudgeError.self) { try await judge.judge(question: "q", response: "a") }
        #expect(error.description == #"invalid judge answer after 2 attempts: missing score for "relevance""#)
        #expect(server.requests.count == 2)
    }

    @Test func rejectsFractionalScoresAndAnswersWithoutJSON() async throws {
        let (fractionalServer, fractional) = try judgeServer([#"{"scores": {"accuracy": 3.5, "relevance": 5, "completeness": 3, "clarity": 5}}"#])
        let error = try await #require(throws: JudgeError.self) { try await fractional.judge(question: "q", response: "a") }
        #expect(error.message == #"score for "accuracy" is 3.5, not a whole number from 1 to 5"#)
        let (proseServer, prose) = try judgeServer(["I would give it a four."])
        let proseError = try await #require(throws: JudgeError.self) { try await prose.judge(question: "q", response: "a") }
        #expect(proseError.message == "no JSON object in the answer")
        #expect(fractionalServer.requests.count == 2 && proseServer.requests.count == 2)
    }

    @Test func batchesRespectTheConcurrencyLimitAndAverage() async throws {
        let answers = (0..<8).map { index in
            #"{"scores": {"accuracy": \#(index % 2 == 0 ? 5 : 3), "relevance": 4, "completeness": 4, "clarity": 4}}"#
        }
        let inFlight = Mutex((now: 0, max: 0))
        let calls = Atomic(0)
        let server = try StubHTTPServer { _ in
            inFlight.withLock { $0.now += 1; $0.max = max($0.max, $0.now) }
            Thread.sleep(forTimeInterval: 0.05)
            inFlight.withLock { $0.now -= 1 }
            let content = answers[calls.add(1, ordering: .relaxed).oldValue % answers.count]
            let body = try! JSONSerialization.data(withJSONObject: ["model": "judge", "choices": [["message": ["content": content]]]])
            return .json(String(decoding: body, as: UTF8.self))
        }
        let judge = ResponseJudge(
            model: try OpenAICompatibleModel(configuration: .init(baseURL: server.baseURL, model: "judge", retry: .never), environment: [:]))
        let items = (0..<8).map { JudgeItem(question: "q\($0)", response: "a\($0)") }
        let reported = Mutex<[Int]>([])
        let batch = await judge.judgeAll(items, concurrency: 3) { done in reported.withLock { $0.append(done) } }
        #expect(reported.withLock { $0 } == Array(1...8))
        #expect(batch.failures == 0)
        #expect(batch.averages == ["accuracy": 4, "relevance": 4, "completeness": 4, "clarity": 4])
        #expect(inFlight.withLock { $0.max } <= 3)
        #expect(inFlight.withLock { $0.max } >= 2)
    }
}
