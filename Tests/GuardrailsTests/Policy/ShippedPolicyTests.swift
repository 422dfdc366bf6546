// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import Guardrails

/// Every example of every policy in `policies/`, as a test of its own.
struct ShippedPolicyTests {
    struct ExampleCase: CustomTestStringConvertible, Sendable {
        let file: String
        let index: Int
        let example: PolicyExample
        var testDescription: String { "\(file) #\(index + 1): \(example.text.prefix(60))" }
    }

    static let policyFiles: [URL] = {
        let directory = packageRoot.appending(path: "policies")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory.appending(path: $0) }
    }()

    static let examples: [ExampleCase] = policyFiles.flatMap { url in
        let policy = try? PolicyLoader(environment: [:]).load(contentsOf: url)
        return (policy?.examples ?? []).enumerated().map {
            ExampleCase(file: url.lastPathComponent, index: $0.offset, example: $0.element)
        }
    }

    @Test func everyShippedPolicyLoadsCleanly() throws {
        #expect(!Self.policyFiles.isEmpty)
        for url in Self.policyFiles {
            let report = PolicyLoader(environment: [:]).diagnose(contentsOf: url)
            #expect(report.diagnostics.isEmpty, "\(url.lastPathComponent): \(report.diagnostics)")
            #expect(report.policy?.examples.isEmpty == false, "\(url.lastPathComponent) has no examples")
        }
    }

    @Test(arguments: examples)
    func shippedExampleHolds(_ testCase: ExampleCase) throws {
        let policy = try PolicyLoader(environment: [:]).load(
            contentsOf: packageRoot.appending(path: "policies").appending(path: testCase.file))
        let result = policy.verify(testCase.example)
        let location = testCase.example.location
        #expect(
            result.passed != testCase.example.isTodo,
            "\(location.map { "\($0)" } ?? testCase.file): \(result.mismatches.joined(separator: "; "))")
    }

    @Test func bundledDefaultIsTheDefaultPolicyFile() throws {
        let file = try PolicyLoader(environment: [:]).load(
            contentsOf: packageRoot.appending(path: "policies/default.yaml"))
        let bundled = try Policy.bundledDefault(environment: [:])
        #expect(bundled.identity == file.identity)
        #expect(bundled.input.rules.map(\.id) == file.input.rules.map(\.id))
    }

    @Test func exampleVerificationReportsEachMismatch() throws {
        let policy = try policy(EvaluationTests.chainYAML)
        let result = policy.verify(PolicyExample(text: "alpha bob@corp.com", expect: .block, rule: "forbidden", output: "nope"))
        #expect(result.mismatches.count == 3)
        #expect(result.mismatches.first?.hasPrefix("expected block, got redact") == true)
        #expect(policy.verify(PolicyExample(text: "bob@corp.com", expect: .redact, rule: "emails", output: "[EMAIL]")).passed)
    }
}
