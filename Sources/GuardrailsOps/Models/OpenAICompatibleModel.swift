// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A ``LanguageModel`` that calls an OpenAI-compatible `chat/completions` endpoint over HTTP.
///
/// Works with OpenAI and with the many servers that speak its protocol (vLLM, Ollama, LiteLLM, llama.cpp's
/// server, Azure's OpenAI-compatible endpoint). The API key comes from the environment, never from code.
/// Timeouts, 429 and 5xx answers and dropped connections are retried with backoff (``RetryPolicy``);
/// token usage is read from the answer and split into billing kinds (``TokenUsage``).
///
/// ```swift
/// let model = try OpenAICompatibleModel(configuration: .init(model: "gpt-4o-mini"))
/// let response = try await model.complete(ChatRequest(prompt: "Where is my order?"))
/// ```
public struct OpenAICompatibleModel: LanguageModel {
    /// Where and how to call the endpoint.
    public struct Configuration: Sendable {
        /// The API root; `chat/completions` is appended. Defaults to OpenAI's.
        public var baseURL: URL
        /// The model used when a request names none.
        public var model: String
        /// The environment variable that holds the API key. An unset or empty variable sends no
        /// `Authorization` header, which local servers accept.
        public var apiKeyVariable: String
        /// The longest one attempt may take, from sending the request to reading the whole answer.
        public var timeout: Duration
        /// How failed attempts are retried.
        public var retry: RetryPolicy
        /// Whether ``ChatRequest/user`` is sent to the provider as `user` (for its abuse monitoring).
        public var sendsUser: Bool
        /// Headers added to every request, such as an organisation id.
        public var headers: [String: String]

        /// Creates a configuration.
        public init(
            baseURL: URL = URL(string: "https://api.openai.com/v1")!,
            model: String,
            apiKeyVariable: String = "OPENAI_API_KEY",
            timeout: Duration = .seconds(60),
            retry: RetryPolicy = RetryPolicy(),
            sendsUser: Bool = false,
            headers: [String: String] = [:]
        ) {
            self.baseURL = baseURL
            self.model = model
            self.apiKeyVariable = apiKeyVariable
            self.timeout = timeout
            self.retry = retry
            self.sendsUser = sendsUser
            self.headers = headers
        }
    }

    /// The configuration the model was created with.
    public let configuration: Configuration
    private let apiKey: String?
    private let session: URLSession

    /// Creates a client, reading the API key from `environment`.
    ///
    /// - Throws: ``LanguageModelError`` of kind ``LanguageModelError/Kind/configuration`` when the base
    ///   URL is not `http` or `https`.
    public init(configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let scheme = configuration.baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw LanguageModelError(
                .configuration, "base URL '\(configuration.baseURL)' must start with http:// or https://")
        }
        self.configuration = configuration
        self.apiKey = environment[configuration.apiKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
        // The exchange enforces `timeout` itself (Linux's URLSession rounds it down to whole seconds);
        // URLSession's own limits only back it up.
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout.seconds.rounded(.up) + 1
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout.seconds.rounded(.up) + 1
        self.session = URLSession(configuration: sessionConfiguration)
    }

    /// Sends `request`, retrying as ``Configuration/retry`` allows.
    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let urlRequest = try makeURLRequest(for: request)
        var attempt = 1
        while true {
            do {
                let (data, response) = try await HTTPExchange.send(urlRequest, on: session, timeout: configuration.timeout)
                return try decode(data, response: response, attempt: attempt)
            } catch let error as LanguageModelError where error.isRetryable && attempt < configuration.retry.maxAttempts {
                let wait = configuration.retry.jitteredBackoff(after: attempt, retryAfter: error.retryAfter)
                try await Task.sleep(for: wait)
                attempt += 1
            } catch let error as LanguageModelError {
                throw LanguageModelError(error.kind, error.message, attempts: attempt)
            }
        }
    }

    private func makeURLRequest(for request: ChatRequest) throws -> URLRequest {
        var urlRequest = URLRequest(url: configuration.baseURL.appending(path: "chat/completions"))
        urlRequest.httpMethod = "POST"
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        for (name, value) in configuration.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let body = CompletionRequestBody(
            model: request.model ?? configuration.model,
            messages: request.messages,
            temperature: request.temperature,
            maxTokens: request.maxOutputTokens,
            user: configuration.sendsUser ? request.user : nil
        )
        urlRequest.httpBody = try JSONEncoder().encode(body)
        return urlRequest
    }

    private func decode(_ data: Data, response: HTTPURLResponse, attempt: Int) throws -> ChatResponse {
        guard (200...299).contains(response.statusCode) else {
            var error = LanguageModelError(
                .httpStatus(response.statusCode),
                "\(configuration.baseURL.host() ?? "the provider") answered HTTP \(response.statusCode)"
                    + (ProviderErrorBody.message(in: data).map { ": \($0)" } ?? ""),
                attempts: attempt
            )
            error.retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init).map {
                Duration.milliseconds(Int64($0 * 1000))
            }
            throw error
        }
        let body: CompletionResponseBody
        do {
            body = try JSONDecoder().decode(CompletionResponseBody.self, from: data)
        } catch {
            throw LanguageModelError(
                .malformedResponse,
                "the answer is not a chat completion (\(DecodingProblem(error))); it starts with "
                    + String(decoding: data.prefix(120), as: UTF8.self).debugDescription,
                attempts: attempt
            )
        }
        guard let choice = body.choices.first else {
            throw LanguageModelError(.malformedResponse, "the answer has no choices", attempts: attempt)
        }
        return ChatResponse(
            text: choice.message.content ?? "",
            model: body.model ?? configuration.model,
            usage: body.usage?.tokenUsage ?? TokenUsage(),
            finishReason: choice.finishReason
        )
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's time intervals count.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
