// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// What a registry entry versions.
public enum RegistryItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A prompt template with `{placeholder}` variables.
    case template
    /// A RAG pipeline configuration (YAML): chunking, embedding, retrieval, reranking, generation.
    case ragConfiguration = "rag_config"
    /// A model configuration (YAML): model, temperature, token limits.
    case modelConfiguration = "model_config"
    /// Any other YAML mapping.
    case configuration = "config"
}
