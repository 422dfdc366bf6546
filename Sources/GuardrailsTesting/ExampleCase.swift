// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

/// One documented example of a check, runnable as a test.
///
/// Authors of checks run every example of their checks with one parameterized test:
///
/// ```swift
/// @Test(arguments: ExampleCase.all(in: try CheckRegistry.builtIn.registering(TicketNumberCheck.self)))
/// func documentedExamplesHold(_ example: ExampleCase) {
///     #expect(example.mismatches().isEmpty, "\(example.mismatches())", sourceLocation: example.sourceLocation)
/// }
/// ```
public struct ExampleCase: Sendable, CustomStringConvertible {
    /// The check the example documents.
    public let check: any Check.Type
    /// The example.
    public let example: CheckExample
    /// Whether the check must report the marked spans (`true`) or nothing (`false`).
    public let expectsFindings: Bool

    /// Creates a case for one example of `check`.
    public init(check: any Check.Type, example: CheckExample, expectsFindings: Bool) {
        self.check = check
        self.example = example
        self.expectsFindings = expectsFindings
    }

    /// Every passing and failing example of every check in `registry`.
    public static func all(in registry: CheckRegistry) -> [ExampleCase] {
        registry.all.flatMap { check in
            check.description.passingExamples.map { ExampleCase(check: check, example: $0, expectsFindings: false) }
                + check.description.failingExamples.map { ExampleCase(check: check, example: $0, expectsFindings: true) }
        }
    }

    /// A prefix of multi-byte scalars and CRLF: every span must shift by exactly its UTF-8 length.
    public static let shiftPrefix = "👩‍👩‍👧‍👦 é\r\n"

    /// What went wrong, one sentence each; empty when the check behaves as documented.
    ///
    /// Runs the example as written, then, for examples that allow it, behind ``shiftPrefix``.
    public func mismatches() -> [String] {
        let (text, expected) = example.textAndSpans
        let check: any Check
        do {
            check = try self.check.init(options: CheckOptions(ruleID: "example", values: example.options))
        } catch {
            return ["options rejected: \(error)"]
        }
        var problems = compare(check, text: text, expected: expectsFindings ? expected : [], shift: 0)
        if example.isShiftable {
            let shift = Self.shiftPrefix.utf8.count
            problems += compare(
                check, text: Self.shiftPrefix + text,
                expected: (expectsFindings ? expected : []).map { Span(start: $0.start + shift, end: $0.end + shift) },
                shift: shift)
        }
        return problems
    }

    private func compare(_ check: any Check, text: String, expected: [Span], shift: Int) -> [String] {
        var findings: [Finding] = []
        do {
            try check.evaluate(Subject(text: text), into: &findings)
        } catch {
            return ["evaluation failed: \(error)"]
        }
        let actual = findings.map(\.span)
        guard actual != expected else { return [] }
        let context = shift == 0 ? "" : " behind a \(shift)-byte multi-byte prefix"
        return ["expected spans \(expected), found \(actual)\(context) in \(String(reflecting: text))"]
    }

    /// `pattern: ship ⟦Project  Falcon⟧`.
    public var description: String { "\(check.description.id): \(example.markedText)" }
}
