// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

/// One check of a model's answer in a prompt test case.
public enum PromptAssertion: Sendable {
    /// The answer contains the text (case-sensitive).
    case contains(String)
    /// The answer does not contain the text (case-insensitive, so "Refund" counts for "refund").
    case notContains(String)
    /// The answer has at most this many characters.
    case maxLength(Int)
    /// The answer has at most this many words.
    case maxWords(Int)
    /// The PCRE2 pattern matches somewhere in the answer.
    case regex(Pattern)
    /// The answer (optionally inside a code fence) parses as JSON and matches the schema.
    case jsonSchema(JSONSchemaDocument)
    /// The answer passes the named policy's output chain (no block).
    case passesPolicy(String)
    /// The suite's guard policy blocks the call (its input or its answer) with this rule.
    case blockedBy(String)

    /// The YAML key, for reports: `contains`, `not_contains`, ...
    public var key: String {
        switch self {
        case .contains: "contains"
        case .notContains: "not_contains"
        case .maxLength: "max_length"
        case .maxWords: "max_words"
        case .regex: "regex"
        case .jsonSchema: "json_schema"
        case .passesPolicy: "passes_policy"
        case .blockedBy: "blocked_by"
        }
    }

    /// Every assertion key a suite may use.
    static let keys = ["contains", "not_contains", "max_length", "max_words", "regex", "json_schema", "passes_policy", "blocked_by"]
}

/// A JSON Schema given in a suite, for ``PromptAssertion/jsonSchema(_:)``.
public struct JSONSchemaDocument: Sendable, Hashable {
    let schema: JSONSchema

    init(_ schema: JSONSchema) { self.schema = schema }
}
