// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

extension CheckRegistry {
    /// The built-in checks plus those of GuardrailsOps: `budget` and `rate_limit`.
    ///
    /// `guardrails` and `guardlint` load rule files with this registry.
    public static let operations: CheckRegistry = {
        do {
            return try CheckRegistry.builtIn.registering(BudgetCheck.self).registering(RateLimitCheck.self)
        } catch {
            preconditionFailure("GuardrailsOps check ids collide with built-in ones: \(error)")
        }
    }()
}
