// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// One message of a chat conversation.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who wrote a message.
    public enum Role: String, Sendable, Hashable, Codable {
        /// Instructions from the application.
        case system
        /// The person using the application.
        case user
        /// The model.
        case assistant
    }

    /// Who wrote the message.
    public var role: Role
    /// What the message says.
    public var content: String

    /// Creates a message.
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: .system, content: content) }
    /// A user message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: .user, content: content) }
    /// An assistant message.
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: .assistant, content: content) }
}
