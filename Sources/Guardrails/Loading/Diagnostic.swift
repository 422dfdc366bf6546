// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A problem in a rule file, with where it is and how to fix it.
///
/// Printed as `path:line:column: severity: message [GR101 invalid-regex]`, the form compilers use, so
/// editors, SwiftPM and CI annotate the right line.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Extra information attached to another diagnostic.
        case note
        /// Suspicious but loadable.
        case warning
        /// The policy cannot load.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        /// Whether `lhs` is less severe than `rhs`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The stable code and name, e.g. `GR101 invalid-regex`.
    public var id: DiagnosticID
    /// How bad it is.
    public var severity: Severity
    /// Plain English: what is wrong and what to write instead.
    public var message: String
    /// Where, when the problem is inside a file.
    public var location: PolicyLocation?
    /// Related places, such as the first definition of a duplicate id.
    public var notes: [Diagnostic]
    /// The text of the line ``location`` points into, when the loader had the file.
    public var sourceLine: String?

    /// Creates an error-level diagnostic.
    public init(_ id: DiagnosticID, _ message: String, at location: PolicyLocation?, notes: [Diagnostic] = []) {
        self.init(id, .error, message, at: location, notes: notes)
    }

    /// Creates a diagnostic.
    public init(
        _ id: DiagnosticID,
        _ severity: Severity,
        _ message: String,
        at location: PolicyLocation?,
        notes: [Diagnostic] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// `file:line:column: error: message [GR101 invalid-regex]`, then one line per note.
    public var description: String {
        var text = "\(location.map { "\($0): " } ?? "")\(severity.rawValue): \(message) [\(id)]"
        for note in notes {
            text += "\n\(note.location.map { "\($0): " } ?? "")note: \(note.message)"
        }
        return text
    }
}

/// A stable diagnostic code with a readable name. Codes never change meaning; new problems get new codes.
public struct DiagnosticID: Sendable, Hashable, CustomStringConvertible {
    /// `GR` and three digits: `GR0xx` files and YAML, `GR1xx` policy content.
    public let code: String
    /// kebab-case name, e.g. `invalid-regex`.
    public let name: String

    /// Creates an id.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// "GR101 invalid-regex".
    public var description: String { "\(code) \(name)" }

    /// The YAML does not parse.
    public static let yamlSyntax = DiagnosticID(code: "GR001", name: "yaml-syntax")
    /// The file is empty or its top level is not a mapping, or it has no `policy:` where one is needed.
    public static let notAPolicy = DiagnosticID(code: "GR002", name: "not-a-policy")
    /// The file is not valid UTF-8.
    public static let invalidEncoding = DiagnosticID(code: "GR003", name: "invalid-encoding")
    /// A file (the policy or an include) cannot be read.
    public static let unreadableFile = DiagnosticID(code: "GR004", name: "unreadable-file")
    /// A directory holds several policies; the caller must pick one.
    public static let ambiguousDirectory = DiagnosticID(code: "GR005", name: "ambiguous-directory")
    /// A key that means nothing there.
    public static let unknownKey = DiagnosticID(code: "GR100", name: "unknown-key")
    /// A regular expression that does not compile.
    public static let invalidRegex = DiagnosticID(code: "GR101", name: "invalid-regex")
    /// A `check:` that is not registered.
    public static let unknownCheck = DiagnosticID(code: "GR102", name: "unknown-check")
    /// A required key or option is missing.
    public static let missingRequired = DiagnosticID(code: "GR103", name: "missing-required")
    /// A value of the wrong YAML type.
    public static let wrongType = DiagnosticID(code: "GR104", name: "wrong-type")
    /// Two rules share an id.
    public static let duplicateRuleID = DiagnosticID(code: "GR105", name: "duplicate-rule-id")
    /// Files include each other in a loop.
    public static let includeCycle = DiagnosticID(code: "GR106", name: "include-cycle")
    /// The same key twice in one mapping.
    public static let duplicateKey = DiagnosticID(code: "GR107", name: "duplicate-key")
    /// A value of the right type that is not accepted (an unknown action, a negative limit).
    public static let invalidValue = DiagnosticID(code: "GR108", name: "invalid-value")
    /// `redact: hash` without a hash key.
    public static let missingHashKey = DiagnosticID(code: "GR109", name: "missing-hash-key")
    /// An example names a rule the policy does not have.
    public static let unknownRule = DiagnosticID(code: "GR110", name: "unknown-rule")

    /// A YAML file that is neither a policy nor included by one (guardlint).
    public static let strayFile = DiagnosticID(code: "GR006", name: "stray-file")
    /// A pattern that backtracks exponentially: a few dozen characters can hang it (guardlint).
    public static let catastrophicBacktracking = DiagnosticID(code: "GR111", name: "catastrophic-backtracking")
    /// A pattern whose work grows faster than the text: slow on long inputs (guardlint).
    public static let slowPattern = DiagnosticID(code: "GR112", name: "slow-pattern")
    /// A pattern that matches the empty string or nearly every text (guardlint).
    public static let matchesEverything = DiagnosticID(code: "GR113", name: "matches-everything")
    /// Look-alike or invisible characters inside a pattern or word list (guardlint).
    public static let confusableCharacters = DiagnosticID(code: "GR114", name: "confusable-characters")
    /// A rule that can never fire because an earlier rule with the same check blocks first (guardlint).
    public static let unreachableRule = DiagnosticID(code: "GR115", name: "unreachable-rule")
    /// A chain with no rules (guardlint).
    public static let emptyChain = DiagnosticID(code: "GR116", name: "empty-chain")
    /// A redaction the check's findings cannot use (guardlint).
    public static let unusableRedaction = DiagnosticID(code: "GR117", name: "unusable-redaction")
    /// An example whose verdict differs from what it expects (guardlint and the test suite).
    public static let exampleFailed = DiagnosticID(code: "GR120", name: "example-failed")
    /// A `todo: true` example that now passes: remove `todo` (guardlint).
    public static let todoExamplePasses = DiagnosticID(code: "GR121", name: "todo-example-passes")
    /// A `todo: true` example that still fails: a known gap (guardlint, note).
    public static let todoExample = DiagnosticID(code: "GR122", name: "todo-example")
    /// A rule without a `message` (guardlint, warning).
    public static let missingMessage = DiagnosticID(code: "GR130", name: "missing-message")
    /// A policy without examples (guardlint, warning).
    public static let noExamples = DiagnosticID(code: "GR131", name: "no-examples")
    /// A pattern that no example triggers (guardlint, warning).
    public static let untestedPattern = DiagnosticID(code: "GR132", name: "untested-pattern")
    /// `--strict`: a rule without an example that triggers it, or without one that does not (guardlint).
    public static let exampleCoverage = DiagnosticID(code: "GR133", name: "example-coverage")
    /// A pattern with no literal the one-pass prefilter can look for: it runs over every text (guardlint, warning).
    public static let unanchoredPattern = DiagnosticID(code: "GR134", name: "unanchored-pattern")

    /// Every code, in code order: for docs and tests.
    public static let all: [DiagnosticID] = [
        .yamlSyntax, .notAPolicy, .invalidEncoding, .unreadableFile, .ambiguousDirectory, .strayFile, .unknownKey,
        .invalidRegex, .unknownCheck, .missingRequired, .wrongType, .duplicateRuleID, .includeCycle,
        .duplicateKey, .invalidValue, .missingHashKey, .unknownRule, .catastrophicBacktracking, .slowPattern,
        .matchesEverything, .confusableCharacters, .unreachableRule, .emptyChain, .unusableRedaction,
        .exampleFailed, .todoExamplePasses, .todoExample, .missingMessage, .noExamples, .untestedPattern,
        .exampleCoverage, .unanchoredPattern,
    ]
}

/// A place in a rule file.
public struct PolicyLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in UTF-8 bytes.
    public let column: Int
    /// 0-based UTF-8 byte offset from the start of the file.
    public let utf8Offset: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int, utf8Offset: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.utf8Offset = utf8Offset
    }

    /// "policies/default.yaml:12:7".
    public var description: String { "\(file):\(line):\(column)" }
}

/// A policy that could not be loaded, with every problem found (not only the first).
public struct PolicyLoadError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, errors and warnings, sorted by location.
    public let diagnostics: [Diagnostic]

    /// Creates an error.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The diagnostics at error level.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
