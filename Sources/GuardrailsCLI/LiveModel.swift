// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import GuardrailsOps

/// The OpenAI-compatible model that a command's `--base-url`, `--model` and `--api-key-env` name.
enum LiveModel {
    static func make(baseURL: String, model: String, apiKeyVariable: String) throws -> OpenAICompatibleModel {
        guard let url = URL(string: baseURL), url.host() != nil else {
            throw ValidationError("--base-url '\(baseURL)' is not a URL such as https://api.openai.com/v1")
        }
        return try OpenAICompatibleModel(configuration: .init(baseURL: url, model: model, apiKeyVariable: apiKeyVariable))
    }
}
