// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation

/// The part of JSON Schema that response assertions need: `type` (one or a list), `enum`, `const`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `minItems`/`maxItems`,
/// `minLength`/`maxLength`, `minimum`/`maximum` and `pattern`. Other keywords are ignored.
struct JSONSchema: Sendable, Hashable {
    /// The schema document.
    let schema: [String: JSONValue]

    /// Every way `value` breaks the schema, each with a JSON path: `$.items[2].status: expected string, found integer`.
    func violations(of value: JSONValue) -> [String] {
        var problems: [String] = []
        Self.check(value, against: schema, at: "$", into: &problems)
        return problems
    }

    private static func check(_ value: JSONValue, against schema: [String: JSONValue], at path: String, into problems: inout [String]) {
        if let types = schema["type"]?.strings, !types.contains(where: { value.isOfType($0) }) {
            problems.append("\(path): expected \(types.joined(separator: " or ")), found \(value.typeName)")
            return
        }
        if let options = schema["enum"]?.array, !options.contains(value) {
            problems.append("\(path): \(value) is not one of \(options.map(\.description).joined(separator: ", "))")
        }
        if let constant = schema["const"], constant != value {
            problems.append("\(path): expected \(constant), found \(value)")
        }
        switch value {
        case .object(let members):
            for key in schema["required"]?.strings ?? [] where members[key] == nil {
                problems.append("\(path): missing required property '\(key)'")
            }
            let properties = schema["properties"]?.object ?? [:]
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let memberSchema = properties[key]?.object {
                    check(member, against: memberSchema, at: "\(path).\(key)", into: &problems)
                } else if schema["additionalProperties"]?.boolean == false {
                    problems.append("\(path): unexpected property '\(key)'")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"]?.object {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", into: &problems) }
            }
            bound(Double(items.count), schema["minItems"], schema["maxItems"], "items", at: path, into: &problems)
        case .string(let text):
            bound(Double(text.count), schema["minLength"], schema["maxLength"], "characters", at: path, into: &problems)
            if let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \(value) does not match pattern /\(pattern)/")
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.number, number < minimum {
                problems.append("\(path): \(value) is below minimum \(JSONValue.number(minimum))")
            }
            if let maximum = schema["maximum"]?.number, number > maximum {
                problems.append("\(path): \(value) is above maximum \(JSONValue.number(maximum))")
            }
        case .boolean, .null:
            break
        }
    }

    private static func bound(
        _ count: Double, _ minimum: JSONValue?, _ maximum: JSONValue?, _ unit: String, at path: String, into problems: inout [String]
    ) {
        if let minimum = minimum?.number, count < minimum {
            problems.append("\(path): \(Int(count)) \(unit), fewer than \(Int(minimum))")
        }
        if let maximum = maximum?.number, count > maximum {
            problems.append("\(path): \(Int(count)) \(unit), more than \(Int(maximum))")
        }
    }
}

extension JSONValue {
    /// Whether the value is of JSON Schema type `type`; an integer is also a number.
    fileprivate func isOfType(_ type: String) -> Bool {
        switch self {
        case .number: type == "number" || type == typeName
        default: type == typeName
        }
    }
}
