// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A check's identity, documentation, options and examples.
///
/// The loader validates a rule's keys against ``options`` (with "did you mean" suggestions);
/// `GuardrailsTesting` runs the examples as tests.
public struct CheckDescription: Sendable {
    /// The name rule files use, in snake_case: `check: pattern`.
    public let id: String
    /// One sentence, no trailing period.
    public let summary: String
    /// The options a rule may set for this check.
    public let options: [OptionDescription]
    /// Texts on which the check must report nothing.
    public let passingExamples: [CheckExample]
    /// Texts on which the check must report exactly the spans marked with `⟦` and `⟧`.
    public let failingExamples: [CheckExample]
    /// The redaction style a redacting rule uses when it does not name one. Usually ``RedactionStyle/tag``.
    public let defaultRedaction: RedactionStyle

    /// Creates a description.
    public init(
        id: String,
        summary: String,
        options: [OptionDescription] = [],
        passingExamples: [CheckExample] = [],
        failingExamples: [CheckExample] = [],
        defaultRedaction: RedactionStyle = .tag
    ) {
        self.id = id
        self.summary = summary
        self.options = options
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
        self.defaultRedaction = defaultRedaction
    }

    /// The option named `name`, if the check has one.
    public func option(named name: String) -> OptionDescription? { options.first { $0.name == name } }
}

/// One option a check accepts in a rule.
public struct OptionDescription: Sendable {
    /// The YAML value type an option takes.
    public enum Kind: String, Sendable {
        /// A scalar string.
        case string
        /// A whole number.
        case integer
        /// `true` or `false`.
        case boolean
        /// A number, whole or with a fraction.
        case number
        /// A list of strings.
        case stringList = "list of strings"
        /// A mapping of keys to values.
        case mapping
        /// A list of strings inline, or the lines of a file next to the rule file. The loader reads the
        /// file (one entry per line; blank lines and lines starting with `#` are skipped).
        case linesFile = "file path"
    }

    /// The key in the rule, in snake_case.
    public let name: String
    /// The value type.
    public let kind: Kind
    /// Whether a rule must set it.
    public let isRequired: Bool
    /// One sentence for docs and diagnostics.
    public let summary: String

    /// Creates an option description.
    public init(_ name: String, _ kind: Kind, required isRequired: Bool = false, summary: String) {
        self.name = name
        self.kind = kind
        self.isRequired = isRequired
        self.summary = summary
    }
}

/// A documented example of what a check does or does not find.
///
/// In a failing example, `⟦` and `⟧` mark each span the check must report. The example remembers
/// where it was written, so a test that runs it reports a failure at the example's own line.
public struct CheckExample: Sendable {
    /// The example text, with markers.
    public let markedText: String
    /// Options for the check, as `key: value` YAML lines would give them. Empty for defaults.
    public let options: [String: OptionValue]
    /// Whether the findings must shift with the text when a prefix is added (false for checks that
    /// measure the whole text, such as `length`).
    public let isShiftable: Bool
    /// Source location of the example, for test failures.
    public let fileID: String
    /// Source location of the example, for test failures.
    public let filePath: String
    /// Source location of the example, for test failures.
    public let line: Int
    /// Source location of the example, for test failures.
    public let column: Int

    /// Creates an example; the source location defaults to where it is written.
    public init(
        _ markedText: String,
        options: [String: OptionValue] = [:],
        isShiftable: Bool = true,
        fileID: String = #fileID,
        filePath: String = #filePath,
        line: Int = #line,
        column: Int = #column
    ) {
        self.markedText = markedText
        self.options = options
        self.isShiftable = isShiftable
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    /// The text without markers, and the UTF-8 spans the markers enclose.
    public var textAndSpans: (text: String, spans: [Span]) {
        var text = ""
        var spans: [Span] = []
        var open: Int?
        for scalar in markedText.unicodeScalars {
            switch scalar {
            case "⟦": open = text.utf8.count
            case "⟧":
                if let start = open { spans.append(Span(start: start, end: text.utf8.count)) }
                open = nil
            default: text.unicodeScalars.append(scalar)
            }
        }
        return (text, spans)
    }
}
