// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// What one model charges, per million tokens of each kind.
///
/// Prices are `Decimal`, so a bill adds up to the cent the way the provider's invoice does, without
/// binary floating-point drift.
public struct ModelPrice: Sendable, Hashable, Codable {
    /// Prompt tokens without a cache hit.
    public var input: Decimal
    /// Prompt tokens read from the prompt cache.
    public var cachedInput: Decimal
    /// Prompt tokens written to the prompt cache.
    public var cacheWrite: Decimal
    /// Output tokens.
    public var output: Decimal
    /// Hidden reasoning tokens.
    public var reasoning: Decimal

    /// Creates a price. Left out, cached reads and cache writes cost as much as input (no discount is
    /// assumed) and reasoning as much as output.
    public init(input: Decimal, cachedInput: Decimal? = nil, cacheWrite: Decimal? = nil, output: Decimal, reasoning: Decimal? = nil) {
        self.input = input
        self.cachedInput = cachedInput ?? input
        self.cacheWrite = cacheWrite ?? input
        self.output = output
        self.reasoning = reasoning ?? output
    }

    /// The cost of `usage`: each kind of token at its own price, once.
    public func cost(of usage: TokenUsage) -> Decimal {
        let perMillion =
            Decimal(usage.input) * input + Decimal(usage.cachedInput) * cachedInput
            + Decimal(usage.cacheWrite) * cacheWrite + Decimal(usage.output) * output
            + Decimal(usage.reasoning) * reasoning
        return perMillion / 1_000_000
    }
}
