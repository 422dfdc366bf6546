// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Renders diagnostics for people: the compiler-style line, then the source line and a caret.
///
/// ```
/// policies/default.yaml:9:19: error: invalid regex: missing closing parenthesis (at offset 4 in the pattern) [GR101 invalid-regex]
///     patterns: ['(abc']
///                     ^
/// ```
public enum DiagnosticRenderer {
    /// Every diagnostic with its source line and caret, one block each, ending in a newline.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        for diagnostic in diagnostics {
            text += render(diagnostic, quotingSource: true, showingID: true)
            // A note at the diagnostic's own place does not quote the same line again.
            for note in diagnostic.notes {
                text += render(note, quotingSource: note.location != diagnostic.location, showingID: false)
            }
        }
        return text
    }

    private static func render(_ diagnostic: Diagnostic, quotingSource: Bool, showingID: Bool) -> String {
        let location = diagnostic.location.map { "\($0): " } ?? ""
        let id = showingID ? " [\(diagnostic.id)]" : ""
        var text = "\(location)\(diagnostic.severity.rawValue): \(diagnostic.message)\(id)\n"
        if quotingSource, let line = diagnostic.sourceLine, let column = diagnostic.location?.column {
            let prefixBytes = Array(line.utf8).prefix(max(column - 1, 0))
            let indent = String(decoding: prefixBytes, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "    \(line)\n    \(indent)^\n"
        }
        return text
    }
}
