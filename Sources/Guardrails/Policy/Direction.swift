// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Which way text is travelling: to the model (`input`) or from it (`output`).
///
/// A ``Policy`` has one ``Chain`` per direction. In a rule file, a rule listed under `rules:` says
/// `direction: input`, `output` or `both`.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Text on its way to the model: prompts, user messages, retrieved documents.
    case input
    /// Text coming back from the model.
    case output
}
