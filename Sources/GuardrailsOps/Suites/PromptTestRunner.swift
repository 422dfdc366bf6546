// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails

/// Runs a ``PromptTestSuite`` against a ``LanguageModel``.
///
/// Each case runs ``PromptTestCase/repeatCount`` times; a run passes when every assertion holds, and
/// the case passes when its share of passing runs reaches ``PromptTestCase/requiredPassRate``. When the
/// suite has a guard policy, calls go through ``GuardedModel``: assertions see the answer the caller
/// would get (redacted), and a blocked call satisfies only `blocked_by` of the blocking rule.
public struct PromptTestRunner: Sendable {
    /// The model under test.
    public let model: any LanguageModel
    /// How many model calls run at once.
    public let concurrency: Int

    /// Creates a runner.
    public init(model: any LanguageModel, concurrency: Int = 4) {
        self.model = model
        self.concurrency = max(1, concurrency)
    }

    /// Runs every case of `suite`; `progress` is called after each case with its result.
    public func run(_ suite: PromptTestSuite, progress: @Sendable (CaseResult) -> Void = { _ in }) async -> SuiteResult {
        let clock = ContinuousClock()
        let start = clock.now
        let target: any LanguageModel = suite.guardPolicy.map { GuardedModel(model: model, policy: $0) } ?? model
        // One job per run: a case's index, repeated as often as the case runs.
        let jobs = suite.cases.indices.flatMap { Array(repeating: $0, count: suite.cases[$0].repeatCount) }
        var outcomes = Array(repeating: [RunOutcome](), count: suite.cases.count)
        var remaining = suite.cases.map(\.repeatCount)
        var durations = Array(repeating: Duration.zero, count: suite.cases.count)
        var results: [CaseResult?] = Array(repeating: nil, count: suite.cases.count)
        _ = await BoundedConcurrency.map(jobs, limit: concurrency, completed: { _, run in
            let (index, outcome, duration) = run
            outcomes[index].append(outcome)
            durations[index] += duration
            remaining[index] -= 1
            if remaining[index] == 0 {
                let result = CaseResult(testCase: suite.cases[index], runs: outcomes[index], duration: durations[index])
                results[index] = result
                progress(result)
            }
        }) { index -> (Int, RunOutcome, Duration) in
            let runStart = clock.now
            let outcome = await Self.runOnce(suite.cases[index], suite: suite, model: target)
            return (index, outcome, runStart.duration(to: clock.now))
        }
        return SuiteResult(name: suite.name, cases: results.compactMap { $0 }, duration: start.duration(to: clock.now))
    }

    /// One run of one case.
    static func runOnce(_ testCase: PromptTestCase, suite: PromptTestSuite, model: any LanguageModel) async -> RunOutcome {
        var messages: [ChatMessage] = suite.system.map { [.system($0)] } ?? []
        messages.append(.user(testCase.input))
        let request = ChatRequest(messages: messages, model: suite.model)
        let answer: String
        do {
            answer = try await model.complete(request).text
        } catch let violation as GuardrailViolation {
            let rule = violation.blockingRule?.rule ?? "?"
            let failures = testCase.assertions.compactMap { assertion -> String? in
                if case .blockedBy(let expected) = assertion {
                    return expected == rule ? nil : "blocked_by \(expected): blocked by '\(rule)' instead"
                }
                return "\(assertion.key): the \(violation.direction == .input ? "input" : "answer") was blocked by rule '\(rule)'"
            }
            return RunOutcome(answer: nil, failures: failures)
        } catch {
            return RunOutcome(answer: nil, failures: ["model error: \(error)"])
        }
        let failures = testCase.assertions.compactMap { check($0, answer: answer, suite: suite) }
        return RunOutcome(answer: answer, failures: failures)
    }

    /// `nil` when `assertion` holds for `answer`, otherwise why not.
    static func check(_ assertion: PromptAssertion, answer: String, suite: PromptTestSuite) -> String? {
        switch assertion {
        case .contains(let text):
            return answer.contains(text) ? nil : "contains \(text.debugDescription): not found"
        case .notContains(let text):
            return answer.localizedCaseInsensitiveContains(text) ? "not_contains \(text.debugDescription): found" : nil
        case .maxLength(let limit):
            return answer.count <= limit ? nil : "max_length \(limit): \(answer.count) characters"
        case .maxWords(let limit):
            let words = answer.split { $0.isWhitespace }.count
            return words <= limit ? nil : "max_words \(limit): \(words) words"
        case .regex(let pattern):
            let found = (try? pattern.firstMatch(in: answer)) != nil
            return found ? nil : "regex /\(pattern.source)/: no match"
        case .jsonSchema(let document):
            let json: JSONValue
            do {
                json = try JSONValue.parse(Self.unfenced(answer))
            } catch {
                return "json_schema: the answer is not JSON"
            }
            let violations = document.schema.violations(of: json)
            return violations.isEmpty ? nil : "json_schema: " + violations.joined(separator: "; ")
        case .passesPolicy(let name):
            guard let policy = suite.policies[name] else { return "passes_policy \(name): no such policy" }
            guard let verdict = try? policy.evaluate(answer, direction: .output) else {
                return "passes_policy \(name): the answer cannot be evaluated"
            }
            return verdict.isBlocked ? "passes_policy \(name): blocked by rule '\(verdict.blockingFinding?.rule ?? "?")'" : nil
        case .blockedBy(let rule):
            return "blocked_by \(rule): not blocked"
        }
    }

    /// The text inside a Markdown code fence, if the whole answer is one; otherwise the answer.
    static func unfenced(_ answer: String) -> String {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("```"), trimmed.hasSuffix("```"), trimmed.count >= 6 else { return trimmed }
        let body = trimmed.dropFirst(3).dropLast(3)
        return String(body.drop { $0 != "\n" }).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One run of a case: the answer, and the assertions that failed.
public struct RunOutcome: Sendable, Hashable {
    /// The answer the assertions saw; `nil` when the call was blocked or failed.
    public var answer: String?
    /// Why assertions failed; empty when the run passed.
    public var failures: [String]
    /// Whether every assertion held.
    public var passed: Bool { failures.isEmpty }
}

/// The runs of one case.
public struct CaseResult: Sendable {
    /// The case.
    public var testCase: PromptTestCase
    /// Every run, in completion order.
    public var runs: [RunOutcome]
    /// Model time summed over the runs.
    public var duration: Duration

    /// Runs that passed.
    public var passes: Int { runs.filter(\.passed).count }
    /// The share of runs that passed.
    public var passRate: Double { runs.isEmpty ? 0 : Double(passes) / Double(runs.count) }
    /// Whether the pass rate reaches the case's requirement.
    public var passed: Bool { passRate >= testCase.requiredPassRate }
    /// Distinct failure messages over all runs, most frequent first.
    public var failureMessages: [String] {
        let counts = runs.flatMap(\.failures).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}

/// The result of a suite.
public struct SuiteResult: Sendable {
    /// The suite's name.
    public var name: String
    /// Every case, in suite order.
    public var cases: [CaseResult]
    /// Wall time for the whole suite.
    public var duration: Duration

    /// Cases that passed.
    public var passedCount: Int { cases.filter(\.passed).count }
    /// Cases that failed.
    public var failedCount: Int { cases.count - passedCount }
}
