// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Something that completes chats: a hosted model behind HTTP, a local one, or recorded answers in tests.
///
/// Every adapter that needs a model (``GuardedModel``, the judge of ``ResponseJudge``, prompt test
/// suites) takes one through this protocol, so tests swap the network for a fixture without changing
/// the code under test.
///
/// ## Implementation requirements
///
/// - Safe to call from many tasks at once.
/// - Honours task cancellation where the transport allows it.
/// - Throws ``LanguageModelError`` for failures the caller may want to tell apart (timeouts, HTTP
///   status, a malformed answer).
public protocol LanguageModel: Sendable {
    /// Completes `request`.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
}
