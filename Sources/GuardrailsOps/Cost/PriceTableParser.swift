// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import Yams

/// Reads a price table's YAML into a ``PriceTable``, collecting located diagnostics.
struct PriceTableParser {
    let yaml: String
    let fileName: String
    /// Model names to compare against; `nil` skips the unknown-model warning (the bundled table itself).
    let knownModels: Set<String>?

    private static let kinds = ["input", "cached_input", "cache_write", "output", "reasoning"]
    private static let absurdPrice: Decimal = 1_000

    func parse() -> (table: PriceTable?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return (nil, [Diagnostic(.invalidPriceTable, "the file is empty; expected 'models:'", at: location(nil))])
            }
            root = node
        } catch {
            return (nil, [Diagnostic(.yamlSyntax, "YAML syntax: \(error)", at: location(nil))])
        }
        guard let mapping = root.mapping, let models = mapping["models"]?.mapping else {
            return (nil, [Diagnostic(.invalidPriceTable, "expected a mapping with 'models:' of model names to prices", at: location(root))])
        }
        for (key, _) in mapping where !["currency", "as_of", "models"].contains(key.string ?? "") {
            diagnostics.append(Diagnostic(
                .unknownKey,
                "unknown key '\(key.string ?? "?")'\(NearestName.hint(for: key.string ?? "", among: ["currency", "as_of", "models"]))",
                at: location(key)))
        }
        var prices: [String: ModelPrice] = [:]
        for (nameNode, priceNode) in models {
            let name = nameNode.string ?? ""
            if let knownModels, !knownModels.contains(name), !knownModels.contains(where: { name.hasPrefix($0 + "-") }) {
                diagnostics.append(Diagnostic(
                    .unknownModel, "unknown model '\(name)'\(NearestName.hint(for: name, among: knownModels))",
                    severity: .warning, at: location(nameNode)))
            }
            if let price = parsePrice(priceNode, model: name, into: &diagnostics) { prices[name] = price }
        }
        let table = PriceTable(currency: mapping["currency"]?.string ?? "USD", asOf: mapping["as_of"]?.string, models: prices)
        return (table, diagnostics)
    }

    private func parsePrice(_ node: Node, model: String, into diagnostics: inout [Diagnostic]) -> ModelPrice? {
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(
                .invalidPriceTable, "'\(model)' needs a mapping such as '{input: 2.50, output: 10.00}'", at: location(node)))
            return nil
        }
        var values: [String: Decimal] = [:]
        var present: Set<String> = []
        var isValid = true
        for (key, value) in mapping {
            let kind = key.string ?? ""
            guard Self.kinds.contains(kind) else {
                diagnostics.append(Diagnostic(
                    .unknownKey, "unknown price kind '\(kind)' for '\(model)'\(NearestName.hint(for: kind, among: Self.kinds))",
                    at: location(key)))
                isValid = false
                continue
            }
            present.insert(kind)
            guard let text = value.scalar?.string, let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" })
            else {
                diagnostics.append(Diagnostic(
                    .invalidPriceTable, "\(model).\(kind) must be a number: the price per million tokens",
                    at: location(value)))
                isValid = false
                continue
            }
            if number < 0 {
                diagnostics.append(Diagnostic(.negativePrice, "\(model).\(kind) is negative (\(text))", at: location(value)))
                isValid = false
            } else if number > Self.absurdPrice {
                diagnostics.append(Diagnostic(
                    .implausiblePrice, "\(model).\(kind) is \(text) per million tokens; prices are per million, not per thousand",
                    severity: .warning, at: location(value)))
            }
            values[kind] = number
        }
        for required in ["input", "output"] where !present.contains(required) {
            diagnostics.append(Diagnostic(.missingRequired, "'\(model)' has no '\(required)' price", at: location(node)))
            isValid = false
        }
        guard isValid, let input = values["input"], let output = values["output"] else { return nil }
        if let cached = values["cached_input"], cached > input {
            diagnostics.append(Diagnostic(
                .implausiblePrice, "\(model).cached_input (\(cached)) is dearer than input (\(input)); cache reads cost less",
                severity: .warning, at: location(mapping["cached_input"])))
        }
        return ModelPrice(
            input: input, cachedInput: values["cached_input"], cacheWrite: values["cache_write"], output: output,
            reasoning: values["reasoning"])
    }

    private func location(_ node: Node?) -> PolicyLocation { PolicyLocation(of: node, in: fileName) }
}

extension Diagnostic {
    fileprivate init(_ id: DiagnosticID, _ message: String, severity: Severity, at location: PolicyLocation?) {
        self.init(id, severity, message, at: location)
    }
}
