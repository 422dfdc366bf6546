// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
public import Guardrails
import Yams

/// A prompt test suite: cases with inputs and assertions on the answers.
///
/// ```yaml
/// suite: customer-support
/// system: You are Acme's support assistant. ...
/// model: gpt-4.1-mini
/// policy: ../policies/customer-support.yaml   # every call goes through it; `blocked_by` names its rules
/// policies:                                   # for `passes_policy`; `default` is the bundled policy
///   support: ../policies/customer-support.yaml
/// recordings: customer-support.recordings.yaml
/// cases:
///   - name: order status
///     input: Where is my order? Case CS-4821.
///     assert:
///       - contains: CS-4821
///       - max_words: 200
///   - name: off-topic request
///     input: Give me a lasagna recipe.
///     repeat: 10
///     pass_rate: 0.9
///     assert:
///       - regex: "(?i)only help|can't help"
/// ```
///
/// Paths are relative to the suite file. Assertions: `contains`, `not_contains`, `max_length`,
/// `max_words`, `regex` (PCRE2), `json_schema`, `passes_policy: NAME`, `blocked_by: RULE`.
public struct PromptTestSuite: Sendable {
    /// The suite's name.
    public var name: String
    /// The system prompt sent before every input, if any.
    public var system: String?
    /// The model named in requests, if any.
    public var model: String?
    /// The policy every call goes through (``GuardedModel``), if any. `blocked_by` assertions refer to
    /// its rules.
    public var guardPolicy: Policy?
    /// Policies `passes_policy` assertions name.
    public var policies: [String: Policy]
    /// The recordings file the suite names, resolved against the suite's directory.
    public var recordingsURL: URL?
    /// The cases, in file order.
    public var cases: [PromptTestCase]

    /// Loads a suite, with every policy it names.
    ///
    /// - Throws: ``PolicyLoadError`` with every problem found, located in the suite file (or in a
    ///   policy it names).
    public static func load(contentsOf url: URL, registry: CheckRegistry = .operations) throws(PolicyLoadError) -> PromptTestSuite {
        var parser = PromptTestSuiteParser(url: url, registry: registry)
        let suite = parser.parse()
        guard let suite, parser.diagnostics.isEmpty else { throw PolicyLoadError(diagnostics: parser.diagnostics) }
        return suite
    }
}

/// Reads a suite file into a ``PromptTestSuite``, collecting located diagnostics.
struct PromptTestSuiteParser {
    let url: URL
    let registry: CheckRegistry
    var diagnostics: [Diagnostic] = []

    init(url: URL, registry: CheckRegistry) {
        self.url = url
        self.registry = registry
    }

    private static let topKeys = ["suite", "description", "system", "model", "policy", "policies", "recordings", "cases"]
    private static let caseKeys = ["name", "input", "assert", "repeat", "pass_rate"]

    mutating func parse() -> PromptTestSuite? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(.unreadableFile, "cannot read '\(url.path)'", at: nil))
            return nil
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self)) else {
                error(.notAPolicy, "the suite is empty; it needs 'suite:' and 'cases:'", at: nil)
                return nil
            }
            root = node
        } catch {
            self.error(.yamlSyntax, "YAML syntax: \(error)", at: nil)
            return nil
        }
        guard let mapping = root.mapping else {
            error(.notAPolicy, "a suite is a mapping with 'suite:' and 'cases:'", at: root)
            return nil
        }
        for (key, _) in mapping where !Self.topKeys.contains(key.string ?? "") {
            error(.unknownKey, "unknown key '\(key.string ?? "")'\(NearestName.hint(for: key.string ?? "", among: Self.topKeys))", at: key)
        }
        let directory = url.deletingLastPathComponent()
        let guardPolicy = mapping["policy"].flatMap { loadPolicy($0, relativeTo: directory) }
        var policies: [String: Policy] = [:]
        if let guardPolicy { policies[guardPolicy.name] = guardPolicy }
        for (key, value) in mapping["policies"]?.mapping ?? [:] {
            if let policy = loadPolicy(value, relativeTo: directory) { policies[key.string ?? ""] = policy }
        }
        if policies["default"] == nil { policies["default"] = try? Policy.bundledDefault() }

        var cases: [PromptTestCase] = []
        guard let caseNodes = mapping["cases"]?.sequence, !caseNodes.isEmpty else {
            error(.missingRequired, "the suite needs 'cases:', a list of {name, input, assert}", at: root)
            return nil
        }
        for node in caseNodes {
            if let testCase = parseCase(node, policies: policies, guardPolicy: guardPolicy) {
                if cases.contains(where: { $0.name == testCase.name }) {
                    error(.duplicateRuleID, "two cases are named '\(testCase.name)'", at: node)
                }
                cases.append(testCase)
            }
        }
        return PromptTestSuite(
            name: mapping["suite"]?.string ?? url.deletingPathExtension().lastPathComponent,
            system: mapping["system"]?.string,
            model: mapping["model"]?.string,
            guardPolicy: guardPolicy,
            policies: policies,
            recordingsURL: mapping["recordings"]?.string.map { directory.appending(path: $0).standardizedFileURL },
            cases: cases)
    }

    private mutating func parseCase(_ node: Node, policies: [String: Policy], guardPolicy: Policy?) -> PromptTestCase? {
        guard let mapping = node.mapping else {
            error(.wrongType, "a case is a mapping with name, input and assert", at: node)
            return nil
        }
        for (key, _) in mapping where !Self.caseKeys.contains(key.string ?? "") {
            error(.unknownKey, "unknown case key '\(key.string ?? "")'\(NearestName.hint(for: key.string ?? "", among: Self.caseKeys))", at: key)
        }
        guard let name = mapping["name"]?.string, let input = mapping["input"]?.string else {
            error(.missingRequired, "a case needs 'name:' and 'input:'", at: node)
            return nil
        }
        let repeatCount = mapping["repeat"].map { $0.int ?? 0 } ?? 1
        if repeatCount < 1 { error(.wrongType, "'repeat' must be a whole number of at least 1", at: mapping["repeat"]) }
        let passRate = mapping["pass_rate"].map { $0.float ?? -1 } ?? 1
        if !(0...1).contains(passRate) { error(.wrongType, "'pass_rate' must be a number from 0 to 1", at: mapping["pass_rate"]) }
        var assertions: [PromptAssertion] = []
        for item in mapping["assert"]?.sequence ?? [] {
            if let assertion = parseAssertion(item, policies: policies, guardPolicy: guardPolicy) { assertions.append(assertion) }
        }
        if mapping["assert"]?.sequence?.isEmpty != false {
            error(.missingRequired, "case '\(name)' needs a list of assertions under 'assert:'", at: node)
        }
        return PromptTestCase(
            name: name, input: input, assertions: assertions, repeatCount: max(1, repeatCount), requiredPassRate: passRate,
            line: node.mark?.line ?? 0)
    }

    private mutating func parseAssertion(_ node: Node, policies: [String: Policy], guardPolicy: Policy?) -> PromptAssertion? {
        guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first, let key = keyNode.string else {
            error(.wrongType, "an assertion is one 'key: value', such as '- contains: CS-4821'", at: node)
            return nil
        }
        func positive() -> Int? {
            guard let number = value.int, number >= 0 else {
                error(.wrongType, "'\(key)' takes a whole number", at: value)
                return nil
            }
            return number
        }
        func text() -> String? {
            guard let text = value.string, value.scalar != nil else {
                error(.wrongType, "'\(key)' takes text", at: value)
                return nil
            }
            return text
        }
        switch key {
        case "contains": return text().map(PromptAssertion.contains)
        case "not_contains": return text().map(PromptAssertion.notContains)
        case "max_length": return positive().map(PromptAssertion.maxLength)
        case "max_words": return positive().map(PromptAssertion.maxWords)
        case "regex":
            guard let source = text() else { return nil }
            do {
                return .regex(try Pattern(source))
            } catch {
                self.error(.invalidRegex, "\(error)", at: value)
                return nil
            }
        case "json_schema":
            guard case .object(let schema) = JSONValue(yaml: value) else {
                error(.wrongType, "'json_schema' takes a JSON Schema mapping, such as {type: object, required: [status]}", at: value)
                return nil
            }
            return .jsonSchema(JSONSchemaDocument(JSONSchema(schema: schema)))
        case "passes_policy":
            guard let name = text() else { return nil }
            guard policies[name] != nil else {
                error(.unknownCheck, "no policy named '\(name)'\(NearestName.hint(for: name, among: policies.keys)); list it under 'policies:'", at: value)
                return nil
            }
            return .passesPolicy(name)
        case "blocked_by":
            guard let rule = text() else { return nil }
            guard let guardPolicy else {
                error(.missingRequired, "'blocked_by' needs the suite's 'policy:' that calls go through", at: value)
                return nil
            }
            let rules = (guardPolicy.input.rules + guardPolicy.output.rules).map(\.id)
            guard rules.contains(rule) else {
                error(.unknownCheck, "policy '\(guardPolicy.name)' has no rule '\(rule)'\(NearestName.hint(for: rule, among: rules))", at: value)
                return nil
            }
            return .blockedBy(rule)
        default:
            error(.unknownKey, "unknown assertion '\(key)'\(NearestName.hint(for: key, among: PromptAssertion.keys))", at: keyNode)
            return nil
        }
    }

    private mutating func loadPolicy(_ node: Node, relativeTo directory: URL) -> Policy? {
        guard let path = node.string else {
            error(.wrongType, "a policy is a path to a rule file, or 'default' for the bundled policy", at: node)
            return nil
        }
        do {
            if path == "default" { return try Policy.bundledDefault() }
            return try PolicyLoader(registry: registry).load(contentsOf: directory.appending(path: path))
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    private mutating func error(_ id: DiagnosticID, _ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(id, message, at: PolicyLocation(of: node, in: url.path)))
    }
}
