// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// What a ``LanguageModel`` is asked to complete.
public struct ChatRequest: Sendable, Hashable {
    /// The conversation so far; the model answers the last message.
    public var messages: [ChatMessage]
    /// The model to use; `nil` leaves the choice to the ``LanguageModel``.
    public var model: String?
    /// Sampling temperature; `nil` uses the provider's default.
    public var temperature: Double?
    /// The most output tokens to generate; `nil` uses the provider's default.
    public var maxOutputTokens: Int?
    /// Who the request is for, used by budgets, rate limits and monitoring. Sent to the provider only
    /// when ``OpenAICompatibleModel/Configuration/sendsUser`` is set.
    public var user: String?

    /// Creates a request.
    public init(
        messages: [ChatMessage],
        model: String? = nil,
        temperature: Double? = nil,
        maxOutputTokens: Int? = nil,
        user: String? = nil
    ) {
        self.messages = messages
        self.model = model
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
        self.user = user
    }

    /// A one-message request: `prompt` as the user.
    public init(prompt: String, model: String? = nil, user: String? = nil) {
        self.init(messages: [.user(prompt)], model: model, user: user)
    }

    /// The text of the last user message: what the input chain of a policy checks.
    public var lastUserText: String {
        messages.last(where: { $0.role == .user })?.content ?? ""
    }
}
