// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails
import GuardrailsOps
import Testing

struct PriceTableTests {
    let prices = PriceTable.bundledDefault

    // Bills computed by hand from the providers' published prices per million tokens.

    @Test func cachedPromptTokensArePricedAtTheCacheRateOnly() throws {
        // gpt-4o: 10,000 × $2.50 + 90,000 × $1.25 + 2,000 × $10.00, per million.
        let usage = TokenUsage(input: 10_000, cachedInput: 90_000, output: 2_000)
        #expect(try prices.cost(of: usage, model: "gpt-4o") == Decimal(string: "0.1575"))
        // Pricing the cached tokens as input (the common mistake) would bill $0.27.
        #expect(try prices.cost(of: TokenUsage(input: 100_000, output: 2_000), model: "gpt-4o") == Decimal(string: "0.27"))
    }

    @Test func cacheWritesAndReadsHaveTheirOwnPrices() throws {
        // claude-sonnet-4: 2,000 × $3 + 50,000 × $0.30 + 10,000 × $3.75 + 1,000 × $15.
        let usage = TokenUsage(input: 2_000, cachedInput: 50_000, cacheWrite: 10_000, output: 1_000)
        #expect(try prices.cost(of: usage, model: "claude-sonnet-4") == Decimal(string: "0.0735"))
    }

    @Test func reasoningTokensCostAsOutputUnlessPricedSeparately() throws {
        // o4-mini: 1,000 × $1.10 + (500 + 4,000) × $4.40.
        let usage = TokenUsage(input: 1_000, output: 500, reasoning: 4_000)
        #expect(try prices.cost(of: usage, model: "o4-mini") == Decimal(string: "0.0209"))
    }

    @Test func tinyBillsAreExact() throws {
        // 7 cached tokens of gpt-4.1-nano at $0.025 per million: no binary floating-point residue.
        #expect(try prices.cost(of: TokenUsage(cachedInput: 7), model: "gpt-4.1-nano") == Decimal(string: "0.000000175"))
    }

    @Test func aDatedSnapshotUsesItsBaseModelsPrice() throws {
        #expect(try prices.cost(of: TokenUsage(input: 1_000_000), model: "gpt-4o-mini-2024-07-18") == Decimal(string: "0.15"))
        #expect(try prices.cost(of: TokenUsage(input: 1_000_000), model: "gpt-4o-2024-08-06") == Decimal(string: "2.5"))
    }

    @Test func anUnknownModelIsAnErrorWithASuggestion() {
        let error = #expect(throws: UnknownModelError.self) { try prices.cost(of: TokenUsage(input: 1), model: "gpt4o") }
        #expect(error?.description == "no price for model 'gpt4o'; did you mean 'gpt-4o'? Add it to the price table.")
    }

    @Test func unlistedKindsDefaultToNoDiscount() throws {
        let table = try PriceTable.load(yaml: "models:\n  local-llm:\n    input: 1\n    output: 2\n")
        let price = try #require(table.price(for: "local-llm"))
        #expect(price.cachedInput == 1)
        #expect(price.cacheWrite == 1)
        #expect(price.reasoning == 2)
    }

    @Test func diagnosesEveryProblemWithItsLine() {
        let yaml = """
            currency: USD
            modles: {}
            models:
              gpt4o:
                input: 2.50
                output: 10.00
              my-model:
                input: -1
                output: 4500
                cached_imput: 0.1
              broken:
                input: two dollars
              half:
                input: 1.0
              pricey-cache:
                input: 1.0
                cached_input: 2.0
                output: 3.0
            """
        let report = PriceTable.diagnose(yaml: yaml, fileName: "prices.yaml")
        let lines = report.diagnostics.map { "\($0.location?.line ?? 0) \($0.severity) \($0.id.code) \($0.message)" }
        #expect(lines.sorted() == [
            "10 error GR100 unknown price kind 'cached_imput' for 'my-model'; did you mean 'cached_input'?",
            "11 warning GR143 unknown model 'broken'",
            "12 error GR103 'broken' has no 'output' price",
            "12 error GR140 broken.input must be a number: the price per million tokens",
            "13 warning GR143 unknown model 'half'",
            "14 error GR103 'half' has no 'output' price",
            "15 warning GR143 unknown model 'pricey-cache'",
            "17 warning GR142 pricey-cache.cached_input (2) is dearer than input (1); cache reads cost less",
            "2 error GR100 unknown key 'modles'; did you mean 'models'?",
            "4 warning GR143 unknown model 'gpt4o'; did you mean 'gpt-4o'?",
            "7 warning GR143 unknown model 'my-model'",
            "8 error GR141 my-model.input is negative (-1)",
            "9 warning GR142 my-model.output is 4500 per million tokens; prices are per million, not per thousand",
        ])
        #expect(throws: PolicyLoadError.self) { try PriceTable.load(yaml: yaml) }
    }

    @Test func theBundledTableHasNoProblems() {
        let yaml = String(decoding: try! Data(contentsOf: Self.bundledFile), as: UTF8.self)
        #expect(PriceTable.diagnose(yaml: yaml).diagnostics.isEmpty)
        #expect(PriceTable.bundledDefault.models.count == 12)
    }

    static let bundledFile = URL(filePath: #filePath).deletingLastPathComponent().appending(
        path: "../../../Sources/GuardrailsOps/Resources/prices.yaml")
}
