// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The tokens one call used, split by how each kind is billed.
///
/// The counts are disjoint: a cached prompt token is counted in ``cachedInput`` only, never in
/// ``input`` too, and a reasoning token in ``reasoning`` only, never in ``output``. Providers report
/// totals that overlap (OpenAI's `prompt_tokens` includes `cached_tokens`); the client splits them, so a
/// ``PriceTable`` can price each token exactly once.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Prompt tokens read without a cache hit.
    public var input: Int
    /// Prompt tokens read from the provider's prompt cache.
    public var cachedInput: Int
    /// Prompt tokens written to the provider's prompt cache.
    public var cacheWrite: Int
    /// Visible output tokens.
    public var output: Int
    /// Hidden reasoning tokens, billed as output by most providers.
    public var reasoning: Int

    /// Creates a usage record; every count defaults to zero.
    public init(input: Int = 0, cachedInput: Int = 0, cacheWrite: Int = 0, output: Int = 0, reasoning: Int = 0) {
        self.input = input
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.output = output
        self.reasoning = reasoning
    }

    /// Every token of the call.
    public var total: Int { input + cachedInput + cacheWrite + output + reasoning }

    /// The sum of two usages, kind by kind.
    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            input: lhs.input + rhs.input,
            cachedInput: lhs.cachedInput + rhs.cachedInput,
            cacheWrite: lhs.cacheWrite + rhs.cacheWrite,
            output: lhs.output + rhs.output,
            reasoning: lhs.reasoning + rhs.reasoning
        )
    }
}
