// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import Yams

/// Checks a configuration document before it is registered, so a typo never reaches an environment.
///
/// A RAG configuration:
/// ```yaml
/// chunk_size: 512            # required, tokens per chunk
/// chunk_overlap: 64          # below chunk_size
/// embedding_model: text-embedding-3-small   # required
/// top_k: 5                   # required
/// similarity_threshold: 0.75 # 0 to 1
/// reranker: cohere-rerank-v3 # or null
/// generation: {model: gpt-4.1-mini, temperature: 0.2, max_tokens: 800}
/// criteria: {recall: 0.8, faithfulness: 0.9}   # pass/fail for RAG evaluation
/// ```
/// A model configuration needs `model` and may set `temperature`, `top_p`, `max_tokens`, `provider`
/// and `base_url`. Any other configuration must be a YAML mapping.
struct ConfigurationSchema: Sendable {
    indirect enum FieldType: Sendable {
        case integer(minimum: Int)
        case number(ClosedRange<Double>)
        case string
        case optionalString
        case mapping(ConfigurationSchema)
    }

    struct Field: Sendable {
        let name: String
        let type: FieldType
        let isRequired: Bool
    }

    let fields: [Field]

    static let generation = ConfigurationSchema(fields: [
        Field(name: "model", type: .string, isRequired: true),
        Field(name: "temperature", type: .number(0...2), isRequired: false),
        Field(name: "max_tokens", type: .integer(minimum: 1), isRequired: false),
    ])

    /// Pass/fail thresholds for ``RAGEvaluator``, each from 0 to 1.
    static let ragCriteria = ConfigurationSchema(fields: [
        Field(name: "precision", type: .number(0...1), isRequired: false),
        Field(name: "recall", type: .number(0...1), isRequired: false),
        Field(name: "faithfulness", type: .number(0...1), isRequired: false),
        Field(name: "accuracy", type: .number(0...1), isRequired: false),
    ])

    static let rag = ConfigurationSchema(fields: [
        Field(name: "chunk_size", type: .integer(minimum: 1), isRequired: true),
        Field(name: "chunk_overlap", type: .integer(minimum: 0), isRequired: false),
        Field(name: "embedding_model", type: .string, isRequired: true),
        Field(name: "top_k", type: .integer(minimum: 1), isRequired: true),
        Field(name: "similarity_threshold", type: .number(0...1), isRequired: false),
        Field(name: "reranker", type: .optionalString, isRequired: false),
        Field(name: "generation", type: .mapping(generation), isRequired: false),
        Field(name: "criteria", type: .mapping(ragCriteria), isRequired: false),
    ])

    static let model = ConfigurationSchema(fields: [
        Field(name: "model", type: .string, isRequired: true),
        Field(name: "provider", type: .string, isRequired: false),
        Field(name: "base_url", type: .string, isRequired: false),
        Field(name: "temperature", type: .number(0...2), isRequired: false),
        Field(name: "top_p", type: .number(0...1), isRequired: false),
        Field(name: "max_tokens", type: .integer(minimum: 1), isRequired: false),
    ])

    /// Every problem in `yaml` as a configuration of `kind`.
    static func diagnose(_ yaml: String, as kind: RegistryItemKind, fileName: String) -> [Diagnostic] {
        func location(_ node: Node?) -> PolicyLocation { PolicyLocation(of: node, in: fileName) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return [Diagnostic(.yamlSyntax, "YAML syntax: \(error)", at: location(nil))]
        }
        guard let root, root.mapping != nil else {
            return [Diagnostic(.wrongType, "a configuration must be a YAML mapping of keys to values", at: location(root))]
        }
        let schema: ConfigurationSchema? =
            switch kind {
            case .ragConfiguration: rag
            case .modelConfiguration: model
            case .configuration, .template: nil
            }
        var diagnostics: [Diagnostic] = []
        schema?.check(root, path: "", location: location, into: &diagnostics)
        if kind == .ragConfiguration, let mapping = root.mapping, let overlap = mapping["chunk_overlap"]?.int,
            let size = mapping["chunk_size"]?.int, overlap >= size
        {
            diagnostics.append(Diagnostic(
                .wrongType, "chunk_overlap (\(overlap)) must be smaller than chunk_size (\(size))",
                at: location(mapping["chunk_overlap"])))
        }
        return diagnostics
    }

    private func check(_ node: Node, path: String, location: (Node?) -> PolicyLocation, into diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else { return }
        let names = fields.map(\.name)
        for (key, _) in mapping where !names.contains(key.string ?? "") {
            let name = key.string ?? "?"
            diagnostics.append(Diagnostic(
                .unknownKey, "unknown key '\(path)\(name)'\(NearestName.hint(for: name, among: names))", at: location(key)))
        }
        for field in fields {
            let key = path + field.name
            guard let value = mapping[field.name] else {
                if field.isRequired {
                    diagnostics.append(Diagnostic(.missingRequired, "missing required key '\(key)'", at: location(node)))
                }
                continue
            }
            switch field.type {
            case .integer(let minimum):
                guard let number = value.int else {
                    diagnostics.append(Diagnostic(.wrongType, "'\(key)' must be a whole number", at: location(value)))
                    continue
                }
                if number < minimum {
                    diagnostics.append(Diagnostic(.wrongType, "'\(key)' must be at least \(minimum), found \(number)", at: location(value)))
                }
            case .number(let range):
                guard let number = value.float else {
                    diagnostics.append(Diagnostic(.wrongType, "'\(key)' must be a number", at: location(value)))
                    continue
                }
                if !range.contains(number) {
                    diagnostics.append(Diagnostic(
                        .wrongType, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(number)",
                        at: location(value)))
                }
            case .string, .optionalString:
                let isNull = value.null != nil
                if value.scalar == nil || (isNull && !(field.type.allowsNull)) {
                    diagnostics.append(Diagnostic(.wrongType, "'\(key)' must be a string", at: location(value)))
                }
            case .mapping(let schema):
                guard value.mapping != nil else {
                    diagnostics.append(Diagnostic(.wrongType, "'\(key)' must be a mapping", at: location(value)))
                    continue
                }
                schema.check(value, path: key + ".", location: location, into: &diagnostics)
            }
        }
    }
}

extension ConfigurationSchema.FieldType {
    fileprivate var allowsNull: Bool {
        if case .optionalString = self { return true }
        return false
    }
}
