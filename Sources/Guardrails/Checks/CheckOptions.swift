// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A value of a check option, as written in a rule file.
public enum OptionValue: Sendable, Hashable {
    /// A string scalar.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A sequence.
    case list([OptionValue])
    /// A nested mapping, keys in file order.
    case mapping([String: OptionValue])

    /// The YAML type name, for error messages: "string", "integer", ...
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .list: "list"
        case .mapping: "mapping"
        }
    }
}

/// The options a rule gives its check, with what the check may need to know about the policy.
public struct CheckOptions: Sendable {
    /// The `id` of the rule the check is built for.
    public let ruleID: String
    /// The policy's match limits: compile patterns from options with these.
    public let matchLimits: MatchLimits
    /// The option values by key. The loader has already rejected keys the check does not declare
    /// and values of the wrong ``OptionDescription/Kind``.
    public let values: [String: OptionValue]
    /// Which copy of the built-in checks' compiled patterns the check uses: policies of different
    /// replicas share none, so threads that each evaluate their own replica do not contend on the
    /// patterns' reference counts (see ``PolicyLoader/replica``). Checks that compile nothing ignore it.
    package var replica = 0

    /// Creates options, as the loader does for each rule.
    public init(ruleID: String, values: [String: OptionValue] = [:], matchLimits: MatchLimits = .default) {
        self.ruleID = ruleID
        self.values = values
        self.matchLimits = matchLimits
    }

    /// The string at `key`, or `nil` when absent.
    public func string(_ key: String) throws(CheckOptionsError) -> String? {
        switch values[key] {
        case nil: return nil
        case .string(let value): return value
        case let other?: throw .wrongType(key: key, expected: .string, found: other.typeName)
        }
    }

    /// The whole number at `key`, or `nil` when absent.
    public func integer(_ key: String) throws(CheckOptionsError) -> Int? {
        switch values[key] {
        case nil: return nil
        case .integer(let value): return value
        case let other?: throw .wrongType(key: key, expected: .integer, found: other.typeName)
        }
    }

    /// The boolean at `key`, or `nil` when absent.
    public func boolean(_ key: String) throws(CheckOptionsError) -> Bool? {
        switch values[key] {
        case nil: return nil
        case .boolean(let value): return value
        case let other?: throw .wrongType(key: key, expected: .boolean, found: other.typeName)
        }
    }

    /// The number at `key` (whole or not), or `nil` when absent.
    public func number(_ key: String) throws(CheckOptionsError) -> Double? {
        switch values[key] {
        case nil: return nil
        case .number(let value): return value
        case .integer(let value): return Double(value)
        case let other?: throw .wrongType(key: key, expected: .number, found: other.typeName)
        }
    }

    /// The mapping at `key`, or `nil` when absent.
    public func mapping(_ key: String) throws(CheckOptionsError) -> [String: OptionValue]? {
        switch values[key] {
        case nil: return nil
        case .mapping(let value): return value
        case let other?: throw .wrongType(key: key, expected: .mapping, found: other.typeName)
        }
    }

    /// The list of strings at `key`, or `nil` when absent. A single string counts as a list of one.
    public func strings(_ key: String) throws(CheckOptionsError) -> [String]? {
        switch values[key] {
        case nil: return nil
        case .string(let value): return [value]
        case .list(let items):
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let value) = item else {
                    throw CheckOptionsError(
                        kind: .wrongType, key: key, index: index,
                        message: "'\(key)' item \(index + 1) must be a string, found \(item.typeName)")
                }
                strings.append(value)
            }
            return strings
        case let other?: throw .wrongType(key: key, expected: .stringList, found: other.typeName)
        }
    }
}

extension CheckOptions {
    /// The list at `key`, each item one of `allowed`, or `nil` when absent.
    ///
    /// - Throws: ``CheckOptionsError`` at the first item not in `allowed`, naming the nearest allowed
    ///   value and listing them all.
    public func choices(_ key: String, among allowed: [String]) throws(CheckOptionsError) -> [String]? {
        guard let items = try strings(key) else { return nil }
        for (index, item) in items.enumerated() where !allowed.contains(item) {
            throw .invalid(
                key, index: index,
                "unknown value '\(item)' in '\(key)'" + NearestName.hint(for: item, among: allowed)
                    + "; use any of \(allowed.joined(separator: ", "))")
        }
        return items
    }
}

/// A rule option that a check cannot accept.
public struct CheckOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, which fixes the diagnostic code.
    public enum Kind: String, Sendable, Hashable {
        /// A required option is absent (`GR103`).
        case missingRequired
        /// An option has the wrong YAML type (`GR104`).
        case wrongType
        /// An option has a value outside what the check accepts (`GR108`).
        case invalidValue
        /// A regular expression in an option does not compile (`GR101`).
        case invalidPattern
    }

    /// The kind of problem.
    public let kind: Kind
    /// The option key, or `nil` for a problem with the options as a whole.
    public let key: String?
    /// The index inside a list option, when one item is at fault.
    public let index: Int?
    /// UTF-8 byte offset inside the item's string, when known (the PCRE2 error offset of a pattern).
    public let utf8OffsetInValue: Int?
    /// Plain-English message that says what to write instead.
    public let message: String

    /// Creates an error.
    public init(kind: Kind, key: String?, index: Int? = nil, utf8OffsetInValue: Int? = nil, message: String) {
        self.kind = kind
        self.key = key
        self.index = index
        self.utf8OffsetInValue = utf8OffsetInValue
        self.message = message
    }

    /// A required option is absent.
    public static func missing(_ key: String, _ explanation: String) -> Self {
        Self(kind: .missingRequired, key: key, message: "missing required option '\(key)': \(explanation)")
    }

    /// An option has the wrong type.
    public static func wrongType(key: String, expected: OptionDescription.Kind, found: String) -> Self {
        Self(kind: .wrongType, key: key, message: "'\(key)' must be a \(expected.rawValue), found \(found)")
    }

    /// An option's value is not accepted.
    public static func invalid(_ key: String, index: Int? = nil, _ message: String) -> Self {
        Self(kind: .invalidValue, key: key, index: index, message: message)
    }

    /// The message.
    public var description: String { message }
}
