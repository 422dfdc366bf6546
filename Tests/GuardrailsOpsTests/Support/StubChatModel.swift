// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import GuardrailsOps
import GuardrailsTesting

/// An OpenAI-compatible server on loopback whose answers a test writes, and a client for it.
struct StubChatModel {
    let server: StubHTTPServer
    let client: OpenAICompatibleModel

    /// A server answering each request with `answer(lastUserMessage, model)`, reporting `usage`.
    init(
        usage: (prompt: Int, completion: Int) = (100, 50),
        answer: @escaping @Sendable (_ prompt: String, _ model: String) -> String
    ) throws {
        server = try StubHTTPServer { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
            let model = body["model"] as? String ?? "?"
            let messages = body["messages"] as? [[String: String]] ?? []
            let prompt = messages.last { $0["role"] == "user" }?["content"] ?? ""
            let reply: [String: Any] = [
                "model": model,
                "choices": [["message": ["role": "assistant", "content": answer(prompt, model)], "finish_reason": "stop"]],
                "usage": ["prompt_tokens": usage.prompt, "completion_tokens": usage.completion],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: reply)) ?? Data()
            return .json(String(decoding: data, as: UTF8.self))
        }
        client = try OpenAICompatibleModel(
            configuration: .init(baseURL: server.baseURL, model: "gpt-4o-mini", retry: .never), environment: [:])
    }

    /// The user messages the server received, in order.
    var receivedPrompts: [String] {
        server.requests.compactMap { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            let messages = body?["messages"] as? [[String: String]] ?? []
            return messages.last { $0["role"] == "user" }?["content"]
        }
    }

    /// The models the server was asked for, in order.
    var receivedModels: [String] {
        server.requests.compactMap { request in
            ((try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any])?["model"] as? String
        }
    }
}
