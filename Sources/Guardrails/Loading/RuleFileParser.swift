// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Yams

/// One rule file, parsed but not yet resolved against the check registry or other files.
struct RuleFile {
    let source: LineTable
    /// The folder the file is in: relative paths in it resolve against this.
    var directory: URL
    var name: String?
    var summary: String?
    var settings: [(key: String, keyLocation: PolicyLocation, value: Node)] = []
    var includes: [(path: String, location: PolicyLocation)] = []
    var rules: [ParsedRule] = []
    var examples: [ParsedExample] = []
}

/// A rule as written: common keys read, check options still raw.
///
/// `id`, `checkName` and `action` are `nil` when missing or invalid (already diagnosed); the rest of
/// the rule is still validated, so one run reports every problem.
struct ParsedRule {
    var id: String?
    var location: PolicyLocation
    var checkName: String?
    var checkLocation: PolicyLocation
    var action: Action?
    /// The rule's `redact:` style; `nil` means the check's default.
    var redaction: RedactionStyle?
    var redactLocation: PolicyLocation?
    var message: String?
    var directions: [Direction]
    var options: [(key: String, keyLocation: PolicyLocation, value: Node)]
}

/// An example as written, before its rule name is checked against the policy.
struct ParsedExample {
    var example: PolicyExample
    var ruleLocation: PolicyLocation?
}

/// Reads one rule file's YAML into a ``RuleFile``, collecting every problem as a diagnostic.
struct RuleFileParser {
    static let topLevelKeys = ["policy", "description", "settings", "include", "input", "output", "rules", "examples"]
    static let ruleKeys = ["id", "check", "action", "message", "redact"]
    static let exampleKeys = ["text", "repeat", "direction", "expect", "rule", "output", "todo", "context"]

    let table: LineTable
    let directory: URL
    private(set) var diagnostics: [Diagnostic] = []

    init(table: LineTable, directory: URL = URL(filePath: "/")) {
        self.table = table
        self.directory = directory
    }

    /// Parses `text`, the file's contents. Returns `nil` when nothing usable could be read.
    mutating func parse(_ text: String) -> RuleFile? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)  // types: see `Node.schemaTag`
        } catch let error as YamlError {
            report(yamlError: error)
            return nil
        } catch {
            diagnostics.append(Diagnostic(.yamlSyntax, "\(error)", at: table.location(utf8Offset: 0)))
            return nil
        }
        if let root, case .mapping = root {} else if let root {
            diagnostics.append(
                Diagnostic(
                    .notAPolicy,
                    "the top level of a policy file must be a mapping with 'policy:', 'input:' and so on, found \(kind(of: root))",
                    at: location(of: root)))
            return nil
        }
        guard let root, let entries = mapping(root, "the top level of a policy file") else {
            if root == nil {
                diagnostics.append(
                    Diagnostic(
                        .notAPolicy, "the file is empty; a policy needs at least 'policy: <name>' and an input or output chain",
                        at: table.location(utf8Offset: 0)))
            }
            return nil
        }
        var file = RuleFile(source: table, directory: directory)
        for (key, keyNode, value) in entries {
            switch key {
            case "policy": file.name = string(value, "'policy'")
            case "description": file.summary = string(value, "'description'")
            case "settings":
                for entry in mapping(value, "'settings'") ?? [] {
                    file.settings.append((entry.key, location(of: entry.keyNode), entry.value))
                }
            case "include":
                for (path, node) in strings(value, "'include'") { file.includes.append((path, location(of: node))) }
            case "input", "output", "rules":
                let directions: [Direction]? = key == "input" ? [.input] : key == "output" ? [.output] : nil
                if case .sequence(let items) = value, items.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .emptyChain, .warning,
                            key == "rules"
                                ? "'rules' is empty; remove it or add rules"
                                : "'\(key)' has no rules: \(key) text passes unchecked; remove the key or add rules",
                            at: location(of: keyNode)))
                }
                for item in sequence(value, "'\(key)'") {
                    if let rule = parseRule(item, directions: directions) { file.rules.append(rule) }
                }
            case "examples":
                for item in sequence(value, "'examples'") {
                    if let example = parseExample(item) { file.examples.append(example) }
                }
            default:
                unknownKey(key, at: location(of: keyNode), in: "a policy file", allowed: Self.topLevelKeys)
            }
        }
        return file
    }

    // MARK: - Rules and examples

    private mutating func parseRule(_ node: Node, directions fixed: [Direction]?) -> ParsedRule? {
        guard let entries = mapping(node, "a rule") else { return nil }
        var id: String?
        var checkName: String?
        var checkLocation = location(of: node)
        var action: Action?
        var redaction: RedactionStyle?
        var redactLocation: PolicyLocation?
        var message: String?
        var directions = fixed ?? [.input, .output]
        var options: [(String, PolicyLocation, Node)] = []
        for (key, keyNode, value) in entries {
            switch key {
            case "id": id = string(value, "'id'")
            case "check":
                checkName = string(value, "'check'")
                checkLocation = location(of: value)
            case "action": action = choice(value, "'action'", Action.self)
            case "redact":
                redaction = choice(value, "'redact'", RedactionStyle.self)
                redactLocation = location(of: keyNode)
            case "message": message = string(value, "'message'")
            case "direction" where fixed == nil:
                if let text = string(value, "'direction'") {
                    switch text {
                    case "both": directions = [.input, .output]
                    case "input": directions = [.input]
                    case "output": directions = [.output]
                    default:
                        diagnostics.append(
                            Diagnostic(
                                .invalidValue, "'direction' must be input, output or both, found '\(text)'",
                                at: location(of: value)))
                    }
                }
            case "direction":
                diagnostics.append(
                    Diagnostic(
                        .unknownKey,
                        "'direction' is only used by rules under 'rules:'; a rule under '\(fixed == [.input] ? "input" : "output")' applies to that direction",
                        at: location(of: keyNode)))
            default: options.append((key, location(of: keyNode), value))
            }
        }
        for (key, value) in [("id", id), ("check", checkName)] where value == nil {
            diagnostics.append(
                Diagnostic(.missingRequired, "a rule needs '\(key)'", at: location(of: node)))
        }
        if action == nil, !entries.contains(where: { $0.key == "action" }) {
            diagnostics.append(
                Diagnostic(.missingRequired, "a rule needs 'action' (block, redact or annotate)", at: location(of: node)))
        }
        if let redactLocation, let action, action != .redact {
            diagnostics.append(
                Diagnostic(
                    .invalidValue, "'redact' only applies to 'action: redact'; this rule's action is \(action.rawValue)",
                    at: redactLocation))
        }
        return ParsedRule(
            id: id, location: location(of: node), checkName: checkName, checkLocation: checkLocation, action: action,
            redaction: redaction, redactLocation: redactLocation, message: message, directions: directions,
            options: options.map { (key: $0.0, keyLocation: $0.1, value: $0.2) })
    }

    private mutating func parseExample(_ node: Node) -> ParsedExample? {
        guard let entries = mapping(node, "an example") else { return nil }
        var text: String?
        var direction = Direction.input
        var expect: Decision?
        var rule: String?
        var ruleLocation: PolicyLocation?
        var output: String?
        var isTodo = false
        var repetitions = 1
        var context: [String: String] = [:]
        for (key, keyNode, value) in entries {
            switch key {
            case "text": text = string(value, "'text'")
            case "direction": direction = choice(value, "'direction'", Direction.self) ?? direction
            case "expect": expect = choice(value, "'expect'", Decision.self)
            case "rule":
                rule = string(value, "'rule'")
                ruleLocation = location(of: value)
            case "output": output = string(value, "'output'")
            case "todo": isTodo = boolean(value, "'todo'") ?? false
            case "repeat":
                if let count = integer(value, "'repeat'") {
                    if (1...1_000_000).contains(count) {
                        repetitions = count
                    } else {
                        diagnostics.append(
                            Diagnostic(.invalidValue, "'repeat' must be between 1 and 1000000, found \(count)", at: location(of: value)))
                    }
                }
            case "context":
                for entry in mapping(value, "'context'") ?? [] {
                    if let value = string(entry.value, "a context value") { context[entry.key] = value }
                }
            default: unknownKey(key, at: location(of: keyNode), in: "an example", allowed: Self.exampleKeys)
            }
        }
        if text == nil, !entries.contains(where: { $0.key == "text" }) {
            diagnostics.append(Diagnostic(.missingRequired, "an example needs 'text'", at: location(of: node)))
        }
        if expect == nil, !entries.contains(where: { $0.key == "expect" }) {
            diagnostics.append(
                Diagnostic(
                    .missingRequired, "an example needs 'expect' (allow, annotate, redact or block)",
                    at: location(of: node)))
        }
        guard let text, let expect else { return nil }
        let example = PolicyExample(
            text: String(repeating: text, count: repetitions), direction: direction, expect: expect, rule: rule, output: output, isTodo: isTodo,
            context: context, location: location(of: node))
        return ParsedExample(example: example, ruleLocation: ruleLocation)
    }

    // MARK: - Node access with diagnostics

    func location(of node: Node) -> PolicyLocation {
        guard let mark = node.mark else { return table.location(utf8Offset: 0) }
        return table.location(line: mark.line, scalarColumn: mark.column)
    }

    mutating func mapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(
                Diagnostic(.wrongType, "\(what) must be a mapping of keys to values, found \(kind(of: node))", at: location(of: node)))
            return nil
        }
        var seen: [String: Node] = [:]
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                diagnostics.append(Diagnostic(.wrongType, "keys must be plain strings", at: location(of: keyNode)))
                continue
            }
            let key = scalar.string
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        .duplicateKey, "'\(key)' appears twice in \(what); YAML keeps only one, so remove one",
                        at: location(of: keyNode),
                        notes: [Diagnostic(.duplicateKey, .note, "first '\(key)' is here", at: location(of: first))]))
                continue
            }
            seen[key] = keyNode
            entries.append((key, keyNode, value))
        }
        return entries
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node] {
        switch node {
        case .sequence(let items): return Array(items)
        case .scalar where node.schemaTag == .null: return []
        default:
            diagnostics.append(
                Diagnostic(.wrongType, "\(what) must be a list, found \(kind(of: node))", at: location(of: node)))
            return []
        }
    }

    /// A scalar as text. Any scalar qualifies (`id: 42` is the string "42"); null, lists and mappings do not.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node, node.schemaTag != .null else {
            diagnostics.append(
                Diagnostic(.wrongType, "\(what) must be a string, found \(kind(of: node))", at: location(of: node)))
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ node: Node, _ what: String) -> [(String, Node)] {
        if case .scalar = node { return string(node, what).map { [($0, node)] } ?? [] }
        return sequence(node, what).compactMap { item in string(item, "an item of \(what)").map { ($0, item) } }
    }

    mutating func boolean(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar = node, node.schemaTag == .bool, let value = node.bool else {
            diagnostics.append(
                Diagnostic(.wrongType, "\(what) must be true or false, found \(kind(of: node))", at: location(of: node)))
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard case .scalar = node, node.schemaTag == .int, let value = node.int else {
            diagnostics.append(
                Diagnostic(.wrongType, "\(what) must be a whole number, found \(kind(of: node))", at: location(of: node)))
            return nil
        }
        return value
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        diagnostics.append(
            Diagnostic(
                .invalidValue,
                "\(what) must be one of \(allowed.joined(separator: ", ")), found '\(text)'"
                    + NearestName.hint(for: text, among: allowed),
                at: location(of: node)))
        return nil
    }

    mutating func unknownKey(_ key: String, at location: PolicyLocation, in what: String, allowed: [String]) {
        diagnostics.append(
            Diagnostic(
                .unknownKey,
                "unknown key '\(key)' in \(what)" + NearestName.hint(for: key, among: allowed)
                    + (NearestName.suggestion(for: key, among: allowed) == nil
                        ? "; valid keys: \(allowed.joined(separator: ", "))" : ""),
                at: location))
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The next `key:` at the same indentation as `first`, for duplicate keys Yams reports at the first one.
    private func repeatedKeyLocation(_ key: String, after first: PolicyLocation) -> PolicyLocation? {
        let indent = String(repeating: " ", count: first.column - 1)
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { indent + $0 + ":" }
        for line in (first.line + 1)..<(table.lineCount + 1) {
            let text = table.text(ofLine: line)
            if spellings.contains(where: text.hasPrefix) { return table.location(line: line, scalarColumn: first.column) }
        }
        return nil
    }

    func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch node.schemaTag {
            case .null: return "nothing (null)"
            case .int: return "the number \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            default: return "the string '\(scalar.string)'"
            }
        }
    }

    private mutating func report(yamlError error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            diagnostics.append(
                Diagnostic(
                    .yamlSyntax, "YAML syntax error: \(detail)\(problem)".trimmingTrailingSpace,
                    at: table.location(line: mark.line, scalarColumn: mark.column)))
        case .duplicatedKeysInMapping(let keys, let context):
            for key in keys {
                let first = table.location(line: context.mark.line, scalarColumn: context.mark.column)
                let second = repeatedKeyLocation(key, after: first) ?? first
                diagnostics.append(
                    Diagnostic(
                        .duplicateKey, "'\(key)' appears twice in one mapping; YAML keeps only one, so remove one",
                        at: second, notes: [Diagnostic(.duplicateKey, .note, "first '\(key)' is here", at: first)]))
            }
        case .reader(let problem, let offset, _, _):
            diagnostics.append(
                Diagnostic(.invalidEncoding, "cannot read the file: \(problem)", at: table.location(utf8Offset: offset ?? 0)))
        default:
            diagnostics.append(Diagnostic(.yamlSyntax, "YAML error: \(error)", at: table.location(utf8Offset: 0)))
        }
    }
}

extension String {
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
