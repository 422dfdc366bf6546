// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Yams

/// A JSON value: what a model's JSON answer parses to, and what a schema in a suite is made of.
indirect enum JSONValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Converts a YAML node (from a suite file).
    init(yaml node: Node) {
        switch node {
        case .mapping(let mapping):
            self = .object(Dictionary(mapping.map { ($0.key.string ?? "", JSONValue(yaml: $0.value)) }) { $1 })
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(yaml:)))
        case .scalar, .alias:
            if node.null != nil {
                self = .null
            } else if let value = node.bool {
                self = .boolean(value)
            } else if let value = node.float, node.int != nil || node.string?.contains(".") == true {
                self = .number(value)
            } else {
                self = .string(node.string ?? "")
            }
        }
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
    var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
    /// A string, or an array of strings.
    var strings: [String]? { string.map { [$0] } ?? array?.compactMap(\.string) }

    /// `null`, `boolean`, `integer`, `number`, `string`, `array` or `object`.
    var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .number(let value): value.rounded() == value ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compact JSON.
    var description: String {
        switch self {
        case .string(let value): value.debugDescription
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .boolean(let value): String(value)
        case .null: "null"
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}
