// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A model's answer to a ``ChatRequest``.
public struct ChatResponse: Sendable, Hashable {
    /// The answer's text.
    public var text: String
    /// The model that actually answered, as the provider names it.
    public var model: String
    /// The tokens the call used, as the provider reported them.
    public var usage: TokenUsage
    /// Why generation stopped (`stop`, `length`, ...), when the provider says.
    public var finishReason: String?

    /// Creates a response.
    public init(text: String, model: String, usage: TokenUsage = TokenUsage(), finishReason: String? = nil) {
        self.text = text
        self.model = model
        self.usage = usage
        self.finishReason = finishReason
    }
}
