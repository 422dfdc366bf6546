// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
import Yams

/// Validates policies the way a compiler does: every problem of every file, each with a location.
///
/// Beyond the loader's diagnostics (syntax, keys, types, checks, regexes, ids, includes), it runs every
/// `examples:` entry, probes user patterns for catastrophic backtracking by running them on adversarial
/// input, flags patterns that match everything, look-alike characters, rules that can never fire,
/// empty chains and redactions a check cannot use, and warns about missing messages and examples.
///
/// ```swift
/// let report = PolicyLinter().lint(paths: [URL(filePath: "policies")])
/// print(DiagnosticRenderer.render(report.diagnostics))
/// ```
public struct PolicyLinter: Sendable {
    /// The checks rule files may name.
    public var registry: CheckRegistry
    /// Where `hash_key_env` is looked up.
    public var environment: [String: String]
    /// Also require, for every rule, one example that triggers it and one that does not.
    public var requiresExampleCoverage: Bool
    /// Linters for the other YAML documents that may sit beside policies.
    public var documentLinters: [DocumentLinter]

    /// Creates a linter.
    public init(
        registry: CheckRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        requiresExampleCoverage: Bool = false,
        documentLinters: [DocumentLinter] = []
    ) {
        self.registry = registry
        self.environment = environment
        self.requiresExampleCoverage = requiresExampleCoverage
        self.documentLinters = documentLinters
    }

    /// What a lint run found.
    public struct Report: Sendable {
        /// The rule files found.
        public let files: [String]
        /// The policies (root files) among them.
        public let policies: [String]
        /// Every diagnostic, sorted by file and position.
        public let diagnostics: [Diagnostic]
        /// Examples run, and how many passed.
        public let examplesRun: Int
        /// Examples that matched their expectation (todo examples count when they still fail).
        public let examplesPassed: Int

        /// How many diagnostics have `severity`.
        public func count(_ severity: Diagnostic.Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
    }

    /// A path that could not be linted at all: it does not exist or cannot be read.
    public struct PathError: Error, Sendable, CustomStringConvertible {
        /// The path as given.
        public let path: String
        /// "no such file or directory: policies/".
        public var description: String { "no such file or directory: \(path)" }
    }

    /// The `.yaml` and `.yml` files under `paths` (directories recursively), sorted, as display paths.
    public static func ruleFiles(in paths: [URL]) throws(PathError) -> [String] {
        var files: [String] = []
        for url in paths {
            let path = url.relativePath  // as the caller wrote it
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw PathError(path: path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + $0 }
        }
        return files
    }

    /// Lints every rule file under `paths`.
    public func lint(paths: [URL]) throws(PathError) -> Report {
        let files = try Self.ruleFiles(in: paths)
        let loader = PolicyLoader(registry: registry, environment: environment)
        var diagnostics: [Diagnostic] = []
        var policies: [String] = []
        var included = Set<String>()
        var unparsed: [String] = []
        var examplesRun = 0
        var examplesPassed = 0
        for file in files {
            if !documentLinters.isEmpty, let linter = documentLinter(for: file) {
                diagnostics += linter.diagnose(file)
                continue
            }
            guard Self.isPolicyRoot(file) else {
                unparsed.append(file)
                continue
            }
            policies.append(file)
            let report = loader.diagnose(contentsOf: URL(filePath: file))
            diagnostics += report.diagnostics
            included.formUnion(report.sourceFiles.map(Self.canonical))
            guard let policy = report.policy else { continue }
            var checks = PolicyChecks(policy: policy, file: file, requiresExampleCoverage: requiresExampleCoverage)
            checks.run()
            diagnostics += checks.diagnostics
            examplesRun += checks.examplesRun
            examplesPassed += checks.examplesPassed
        }
        for file in unparsed where !included.contains(Self.canonical(file)) {
            let report = loader.diagnose(contentsOf: URL(filePath: file))
            // A fragment (a mapping without 'policy:') that nothing includes is stray; anything else that
            // is wrong with the file is reported as the loader sees it.
            let problems = Self.isFragment(file) ? report.diagnostics.filter { $0.id != .notAPolicy } : report.diagnostics
            if !problems.isEmpty {
                diagnostics += problems
            } else {
                diagnostics.append(
                    Diagnostic(
                        .strayFile, .warning,
                        "this file has no 'policy:' key and no policy in this run includes it; add 'policy: <name>' or include it",
                        at: PolicyLocation(file: file, line: 1, column: 1, utf8Offset: 0)))
            }
        }
        let sorted = diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.location, rhs.element.location)
            return (l?.file ?? "", l?.utf8Offset ?? -1, lhs.offset) < (r?.file ?? "", r?.utf8Offset ?? -1, rhs.offset)
        }.map(\.element)
        return Report(
            files: files, policies: policies, diagnostics: Self.withSourceLines(Self.deduplicated(sorted)), examplesRun: examplesRun,
            examplesPassed: examplesPassed)
    }

    /// The document linter that claims `file`, judged by its top-level keys.
    private func documentLinter(for file: String) -> DocumentLinter? {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        var keys = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) where line.first.map({ $0.isLetter || $0 == "_" }) == true {
            if let colon = line.firstIndex(of: ":") { keys.insert(String(line[..<colon])) }
        }
        return documentLinters.first { $0.claims(keys) }
    }

    /// Whether the file is a policy (has a top-level `policy:` key), read cheaply.
    static func isPolicyRoot(_ file: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return true  // let the loader report what is wrong with it
        }
        return text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("policy:") }
    }

    /// Whether the file is a YAML mapping without a `policy:` key: a fragment meant for `include:`.
    static func isFragment(_ file: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8),
            case .mapping(let mapping)? = try? Yams.compose(yaml: text, .basic)
        else { return false }
        return mapping["policy"] == nil
    }

    static func canonical(_ path: String) -> String { URL(filePath: path).standardizedFileURL.path(percentEncoded: false) }

    /// Quotes the source line of every diagnostic that points into a file and has none yet.
    static func withSourceLines(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var tables: [String: LineTable] = [:]
        func quoted(_ diagnostic: Diagnostic) -> Diagnostic {
            var diagnostic = diagnostic
            if diagnostic.sourceLine == nil, let location = diagnostic.location {
                if tables[location.file] == nil, let data = FileManager.default.contents(atPath: location.file) {
                    tables[location.file] = LineTable(file: location.file, bytes: Array(data))
                }
                diagnostic.sourceLine = tables[location.file]?.text(ofLine: location.line)
            }
            diagnostic.notes = diagnostic.notes.map(quoted)
            return diagnostic
        }
        return diagnostics.map(quoted)
    }

    /// A file included by two linted policies reports its problems once.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
