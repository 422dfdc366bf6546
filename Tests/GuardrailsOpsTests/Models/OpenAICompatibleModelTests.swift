// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import GuardrailsTesting
import Synchronization
import Testing

struct OpenAICompatibleModelTests {
    static let completion = """
        {"id":"c1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Your order shipped."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500,
                  "prompt_tokens_details":{"cached_tokens":1000},
                  "completion_tokens_details":{"reasoning_tokens":100}}}
        """

    static let quickRetries = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(5))

    func model(
        _ server: StubHTTPServer,
        retry: RetryPolicy = quickRetries,
        timeout: Duration = .seconds(10),
        environment: [String: String] = ["OPENAI_API_KEY": "sk-test-123"]
    ) throws -> OpenAICompatibleModel {
        try OpenAICompatibleModel(
            configuration: .init(
                baseURL: server.baseURL.appending(path: "v1"), model: "gpt-4o-mini", timeout: timeout, retry: retry,
                sendsUser: true),
            environment: environment)
    }

    @Test func sendsAChatCompletionRequestWithTheKeyFromTheEnvironment() async throws {
        let server = try StubHTTPServer { _ in .json(Self.completion) }
        let request = ChatRequest(
            messages: [.system("Be brief."), .user("Where is my order?")], temperature: 0.2, maxOutputTokens: 50, user: "u-7")
        _ = try await model(server).complete(request)

        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.path == "/v1/chat/completions")
        #expect(received.header("authorization") == "Bearer sk-test-123")
        let body = try #require(try JSONSerialization.jsonObject(with: received.body) as? [String: Any])
        #expect(body["model"] as? String == "gpt-4o-mini")
        #expect(body["max_tokens"] as? Int == 50)
        #expect(body["temperature"] as? Double == 0.2)
        #expect(body["user"] as? String == "u-7")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "Be brief."], ["role": "user", "content": "Where is my order?"]])
    }

    @Test func readsTheAnswerAndSplitsUsageIntoBillingKinds() async throws {
        let server = try StubHTTPServer { _ in .json(Self.completion) }
        let response = try await model(server).complete(ChatRequest(prompt: "Where is my order?"))
        #expect(response.text == "Your order shipped.")
        #expect(response.model == "gpt-4o-mini-2024-07-18")
        #expect(response.finishReason == "stop")
        // prompt_tokens includes the cached ones and completion_tokens the reasoning ones.
        #expect(response.usage == TokenUsage(input: 200, cachedInput: 1000, output: 200, reasoning: 100))
    }

    @Test func withoutAKeySendsNoAuthorizationHeader() async throws {
        let server = try StubHTTPServer { _ in .json(Self.completion) }
        _ = try await model(server, environment: [:]).complete(ChatRequest(prompt: "hi"))
        #expect(server.requests.first?.header("authorization") == nil)
    }

    @Test func retriesServerErrorsAndThenSucceeds() async throws {
        let calls = Atomic(0)
        let server = try StubHTTPServer { _ in
            calls.add(1, ordering: .relaxed).newValue < 3
                ? .json(#"{"error":{"message":"overloaded"}}"#, status: 503) : .json(Self.completion)
        }
        let response = try await model(server).complete(ChatRequest(prompt: "hi"))
        #expect(response.text == "Your order shipped.")
        #expect(server.requests.count == 3)
    }

    @Test func retriesRateLimitsHonouringRetryAfter() async throws {
        let calls = Atomic(0)
        let server = try StubHTTPServer { _ in
            calls.add(1, ordering: .relaxed).newValue == 1
                ? .json(#"{"error":{"message":"slow down"}}"#, status: 429, headers: ["Retry-After": "0"]) : .json(Self.completion)
        }
        _ = try await model(server).complete(ChatRequest(prompt: "hi"))
        #expect(server.requests.count == 2)
    }

    @Test func givesUpAfterTheLastAttemptWithTheProvidersMessage() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"error":{"message":"upstream exploded"}}"#, status: 500) }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .httpStatus(500))
        #expect(error.attempts == 3)
        #expect(server.requests.count == 3)
        #expect(error.description.contains("upstream exploded"))
        #expect(error.description.contains("after 3 attempts"))
    }

    @Test func doesNotRetryClientErrors() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"error":{"message":"bad key"}}"#, status: 401) }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .httpStatus(401))
        #expect(server.requests.count == 1)
    }

    @Test func reportsMalformedJSONWithoutRetrying() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"choices": [ {"message": "#) }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.description.contains("not JSON"))
        #expect(server.requests.count == 1)
    }

    @Test func reportsAnAnswerWithoutChoicesAsMalformed() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"model":"m","choices":[]}"#) }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.description.contains("no choices"))
    }

    @Test func namesTheMissingFieldOfAWrongShapedAnswer() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"model":"m","choices":[{"finish_reason":"stop"}]}"#) }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.description.contains("missing 'message' in choices[0]"))
    }

    /// A server whose answer waits until the test releases it, so the client's deadline or cancellation
    /// comes first however busy the machine is (a fixed delay lost that race under a full test run). A
    /// client that neither times out nor stops on cancellation then hangs, and the time limit fails it.
    private func withheldAnswer() throws -> (server: StubHTTPServer, release: DispatchSemaphore) {
        let release = DispatchSemaphore(value: 0)
        let server = try StubHTTPServer { _ in
            release.wait()
            return .json(Self.completion)
        }
        return (server, release)
    }

    @Test(.timeLimit(.minutes(1))) func timesOutASlowAnswer() async throws {
        let (server, release) = try withheldAnswer()
        defer { release.signal() }
        let error = try await #require(throws: LanguageModelError.self) {
            try await model(server, retry: .never, timeout: .milliseconds(300)).complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .timedOut)
        #expect(error.isRetryable)
    }

    @Test func retriesARefusedConnectionAsATransportError() async throws {
        // Port 9 (discard) has no listener here; a stopped stub's port could be taken by another test's.
        let client = try OpenAICompatibleModel(
            configuration: .init(baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "m", retry: Self.quickRetries), environment: [:])
        let error = try await #require(throws: LanguageModelError.self) {
            try await client.complete(ChatRequest(prompt: "hi"))
        }
        #expect(error.kind == .transport)
        #expect(error.attempts == 3)
    }

    @Test func rejectsABaseURLThatIsNotHTTP() throws {
        #expect(throws: LanguageModelError.self) {
            try OpenAICompatibleModel(configuration: .init(baseURL: URL(string: "ftp://example.com")!, model: "m"))
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheCallingTaskStopsTheExchange() async throws {
        let (server, release) = try withheldAnswer()
        defer { release.signal() }
        let client = try model(server, retry: .never)
        let call = Task { try await client.complete(ChatRequest(prompt: "hi")) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
    }
}

struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(500))
        #expect((1...5).map { policy.backoff(after: $0) } == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500)])
    }

    @Test func retryAfterReplacesTheComputedWaitButNotTheCap() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .seconds(2))
        #expect(policy.backoff(after: 1, retryAfter: .seconds(1)) == .seconds(1))
        #expect(policy.backoff(after: 1, retryAfter: .seconds(30)) == .seconds(2))
    }
}
