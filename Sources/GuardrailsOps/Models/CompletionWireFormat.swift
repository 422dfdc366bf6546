// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation

/// The JSON body of a `chat/completions` request.
struct CompletionRequestBody: Encodable {
    var model: String
    var messages: [ChatMessage]
    var temperature: Double?
    var maxTokens: Int?
    var user: String?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, user
        case maxTokens = "max_tokens"
    }
}

/// The parts of a `chat/completions` answer the client reads.
struct CompletionResponseBody: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    /// OpenAI's usage block, with the details other compatible servers add.
    struct Usage: Decodable {
        struct PromptDetails: Decodable {
            var cachedTokens: Int?
            enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
        }
        struct CompletionDetails: Decodable {
            var reasoningTokens: Int?
            enum CodingKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }
        }
        var promptTokens: Int
        var completionTokens: Int
        var promptTokensDetails: PromptDetails?
        var completionTokensDetails: CompletionDetails?
        /// Prompt-cache writes, as LiteLLM and Anthropic-compatible gateways report them.
        var cacheCreationInputTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case promptTokensDetails = "prompt_tokens_details"
            case completionTokensDetails = "completion_tokens_details"
            case cacheCreationInputTokens = "cache_creation_input_tokens"
        }

        /// Splits the overlapping totals into disjoint kinds: `prompt_tokens` includes cached reads
        /// and cache writes, `completion_tokens` includes reasoning.
        var tokenUsage: TokenUsage {
            let cached = min(promptTokensDetails?.cachedTokens ?? 0, promptTokens)
            let written = min(cacheCreationInputTokens ?? 0, promptTokens - cached)
            let reasoning = min(completionTokensDetails?.reasoningTokens ?? 0, completionTokens)
            return TokenUsage(
                input: promptTokens - cached - written,
                cachedInput: cached,
                cacheWrite: written,
                output: completionTokens - reasoning,
                reasoning: reasoning
            )
        }
    }

    var model: String?
    var choices: [Choice]
    var usage: Usage?
}

/// `{"error": {"message": ...}}`, the error body OpenAI-compatible servers send.
struct ProviderErrorBody: Decodable {
    struct Detail: Decodable { var message: String? }
    var error: Detail?

    /// The provider's own explanation in an error answer, if it sent one.
    static func message(in data: Data) -> String? {
        (try? JSONDecoder().decode(ProviderErrorBody.self, from: data))?.error?.message
    }
}

/// A `DecodingError` as one short phrase: which key, what was wrong.
struct DecodingProblem: CustomStringConvertible {
    let error: any Error

    init(_ error: any Error) { self.error = error }

    var description: String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' in \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context))"
        @unknown default: return "not a valid answer"
        }
    }
}
