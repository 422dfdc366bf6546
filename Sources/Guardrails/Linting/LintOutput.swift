// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation

/// The ways `guardlint` prints a report.
public enum LintOutput: String, Sendable, CaseIterable {
    /// `file:line:column: severity: message [code name]`, the source line and a caret; then a summary.
    case human
    /// One JSON document: every diagnostic with its location, and the totals.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), which annotate the pull request.
    case github
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif

    /// The report in this format. With `strict`, warnings are reported as errors.
    public func render(_ report: PolicyLinter.Report, strict: Bool = false) -> String {
        let diagnostics = strict ? report.diagnostics.map(Self.promotingWarnings) : report.diagnostics
        switch self {
        case .human: return Self.human(report, diagnostics)
        case .json: return Self.json(report, diagnostics)
        case .github: return Self.github(diagnostics)
        case .sarif: return Self.sarif(diagnostics)
        }
    }

    static func promotingWarnings(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.severity == .warning { diagnostic.severity = .error }
        return diagnostic
    }

    private static func human(_ report: PolicyLinter.Report, _ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        let policies = report.policies.count == 1 ? "1 policy" : "\(report.policies.count) policies"
        return DiagnosticRenderer.render(diagnostics)
            + "\(plural(report.files.count, "file")) (\(policies)), "
            + "\(report.examplesPassed) of \(plural(report.examplesRun, "example")) passed: "
            + "\(plural(errors, "error")), \(plural(warnings, "warning"))\n"
    }

    private static func entry(_ diagnostic: Diagnostic) -> [String: Any] {
        var entry: [String: Any] = [
            "code": diagnostic.id.code, "name": diagnostic.id.name, "severity": diagnostic.severity.rawValue,
            "message": diagnostic.message,
        ]
        if let location = diagnostic.location {
            entry["file"] = location.file
            entry["line"] = location.line
            entry["column"] = location.column
        }
        if !diagnostic.notes.isEmpty { entry["notes"] = diagnostic.notes.map { Self.entry($0) } }
        return entry
    }

    private static func json(_ report: PolicyLinter.Report, _ diagnostics: [Diagnostic]) -> String {
        let document: [String: Any] = [
            "version": 1,
            "files": report.files,
            "policies": report.policies,
            "diagnostics": diagnostics.map(entry),
            "summary": [
                "errors": diagnostics.filter { $0.severity == .error }.count,
                "warnings": diagnostics.filter { $0.severity == .warning }.count,
                "examples_run": report.examplesRun, "examples_passed": report.examplesPassed,
            ],
        ]
        return serialized(document)
    }

    private static func github(_ diagnostics: [Diagnostic]) -> String {
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return diagnostics.map { diagnostic in
            let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let location = diagnostic.location {
                properties += [
                    "file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)",
                ]
            }
            properties.append("title=\(escapeProperty("\(diagnostic.id)"))")
            let notes = diagnostic.notes.map { "\n" + ($0.location.map { "\($0): " } ?? "") + $0.message }.joined()
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message + notes))\n"
        }.joined()
    }

    private static func sarif(_ diagnostics: [Diagnostic]) -> String {
        let rules = DiagnosticID.all.map { id -> [String: Any] in
            ["id": id.code, "name": id.name, "shortDescription": ["text": id.name.replacingOccurrences(of: "-", with: " ")],
             "helpUri": "docs/guardlint.md#\(id.code.lowercased())"]
        }
        let results = diagnostics.map { diagnostic -> [String: Any] in
            var result: [String: Any] = [
                "ruleId": diagnostic.id.code,
                "level": diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "note",
                "message": ["text": diagnostic.message],
            ]
            if let location = diagnostic.location {
                result["locations"] = [sarifLocation(location, sourceLine: diagnostic.sourceLine)]
            }
            if !diagnostic.notes.isEmpty {
                result["relatedLocations"] = diagnostic.notes.enumerated().compactMap { index, note -> [String: Any]? in
                    guard let location = note.location else { return nil }
                    var related = sarifLocation(location, sourceLine: note.sourceLine)
                    related["id"] = index
                    related["message"] = ["text": note.message]
                    return related
                }
            }
            return result
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "guardlint", "informationUri": "https://github.com/swift-guardrails/swift-guardrails", "rules": rules]],
                "columnKind": "unicodeCodePoints",
                "results": results,
            ]],
        ]
        return serialized(document)
    }

    /// SARIF counts columns in Unicode code points; diagnostics count UTF-8 bytes.
    private static func sarifLocation(_ location: PolicyLocation, sourceLine: String?) -> [String: Any] {
        var column = location.column
        if let line = sourceLine {
            let prefix = Array(line.utf8).prefix(max(location.column - 1, 0))
            column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        }
        return [
            "physicalLocation": [
                "artifactLocation": ["uri": location.file],
                "region": ["startLine": location.line, "startColumn": column],
            ]
        ]
    }

    private static func serialized(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
