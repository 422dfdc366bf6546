// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
public import Guardrails
import Yams

/// Token prices for the models an application calls, from a YAML file.
///
/// ```yaml
/// currency: USD
/// models:
///   gpt-4o-mini:
///     input: 0.15          # per million tokens
///     cached_input: 0.075
///     output: 0.60
/// ```
///
/// ``bundledDefault`` holds the published prices of common OpenAI, Anthropic and Google models as of
/// its `as_of` date. A model is found by its exact name or, for dated snapshots such as
/// `gpt-4o-mini-2024-07-18`, by the longest listed name it starts with followed by `-`.
public struct PriceTable: Sendable {
    /// The currency every price is in.
    public let currency: String
    /// The date the prices were copied from the providers, if the file says.
    public let asOf: String?
    /// Prices by model name.
    public let models: [String: ModelPrice]

    /// Creates a table.
    public init(currency: String = "USD", asOf: String? = nil, models: [String: ModelPrice]) {
        self.currency = currency
        self.asOf = asOf
        self.models = models
    }

    /// The price of `model`, matching dated snapshots to their base name.
    public func price(for model: String) -> ModelPrice? {
        entryName(for: model).flatMap { models[$0] }
    }

    /// The listed name that prices `model`: the name itself, or the longest listed name it starts with
    /// followed by `-` (`gpt-4o-2024-08-06` → `gpt-4o`, but `gpt-4o-mini` → `gpt-4o-mini`).
    public func entryName(for model: String) -> String? {
        if models[model] != nil { return model }
        return models.keys.filter { model.hasPrefix($0 + "-") }.max { $0.count < $1.count }
    }

    /// What `usage` on `model` costs.
    ///
    /// - Throws: ``UnknownModelError`` when the table has no price for `model`: guessing would make
    ///   every budget wrong.
    public func cost(of usage: TokenUsage, model: String) throws(UnknownModelError) -> Decimal {
        guard let price = price(for: model) else {
            throw UnknownModelError(model: model, hint: NearestName.hint(for: model, among: models.keys))
        }
        return price.cost(of: usage)
    }

    /// The table that ships with GuardrailsOps.
    public static let bundledDefault: PriceTable = {
        let yaml = String(decoding: PackageResources.prices_yaml, as: UTF8.self)
        let report = PriceTableParser(yaml: yaml, fileName: bundledDefaultName, knownModels: nil).parse()
        guard let table = report.table else { preconditionFailure("the bundled price table is invalid: \(report.diagnostics)") }
        return table
    }()

    /// The name diagnostics use for the bundled table.
    public static let bundledDefaultName = "<bundled>/prices.yaml"

    /// Loads a table from a YAML file.
    ///
    /// - Throws: ``PolicyLoadError`` with every error found, each located at its line.
    public static func load(contentsOf url: URL) throws -> PriceTable {
        let yaml: String
        do {
            yaml = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PolicyLoadError(diagnostics: [
                Diagnostic(.unreadableFile, "cannot read '\(url.path)': \(error.localizedDescription)", at: nil)
            ])
        }
        return try load(yaml: yaml, fileName: url.path)
    }

    /// Loads a table from YAML text; `fileName` names it in diagnostics.
    public static func load(yaml: String, fileName: String = "<prices>") throws -> PriceTable {
        let report = diagnose(yaml: yaml, fileName: fileName)
        guard let table = report.table, !report.diagnostics.contains(where: { $0.severity == .error }) else {
            throw PolicyLoadError(diagnostics: report.diagnostics.filter { $0.severity == .error })
        }
        return table
    }

    /// Parses and checks a table, returning every problem instead of stopping at the first: negative
    /// prices (errors), prices above $1,000 per million tokens and cache reads dearer than input
    /// (warnings, likely typos), and model names the bundled table does not know (warnings with a
    /// suggestion).
    public static func diagnose(yaml: String, fileName: String = "<prices>") -> (table: PriceTable?, diagnostics: [Diagnostic]) {
        let report = PriceTableParser(yaml: yaml, fileName: fileName, knownModels: Set(bundledDefault.models.keys)).parse()
        return (report.table, report.diagnostics)
    }
}

/// A model that a ``PriceTable`` has no price for.
public struct UnknownModelError: Error, Sendable, CustomStringConvertible {
    /// The model asked for.
    public let model: String
    let hint: String

    /// "no price for model 'gpt4o'; did you mean 'gpt-4o'? Add it to the price table."
    public var description: String {
        "no price for model '\(model)'\(hint.isEmpty ? "." : hint) Add it to the price table."
    }
}

extension DiagnosticID {
    /// A price table that is not a mapping of models to prices, or a price that is not a number.
    public static let invalidPriceTable = DiagnosticID(code: "GR140", name: "invalid-price-table")
    /// A negative price.
    public static let negativePrice = DiagnosticID(code: "GR141", name: "negative-price")
    /// A price so high it is probably a typo (over $1,000 per million tokens), or a cache read dearer
    /// than an uncached one.
    public static let implausiblePrice = DiagnosticID(code: "GR142", name: "implausible-price")
    /// A model name the bundled price table does not know.
    public static let unknownModel = DiagnosticID(code: "GR143", name: "unknown-model")
}
