// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// One case of a prompt test suite: an input, and what the answer must satisfy.
public struct PromptTestCase: Sendable {
    /// The case's name, unique in its suite.
    public var name: String
    /// The user message sent to the model.
    public var input: String
    /// What every answer must satisfy.
    public var assertions: [PromptAssertion]
    /// How many times the case runs, for models that answer differently each time.
    public var repeatCount: Int
    /// The share of runs that must pass, from 0 to 1; 1 unless the case sets `pass_rate`.
    public var requiredPassRate: Double
    /// The line of the case in its suite file.
    public var line: Int
}
