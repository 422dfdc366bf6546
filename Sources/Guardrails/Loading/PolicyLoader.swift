// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Crypto
public import Foundation
import Yams

/// Loads rule files into a ``Policy``, reporting every problem with its file, line and column.
///
/// ```swift
/// let loader = PolicyLoader(registry: try .builtIn.registering(TicketNumberCheck.self))
/// let policy = try loader.load(contentsOf: URL(filePath: "policies/support.yaml"))
/// ```
///
/// A path may name a file or a directory. A directory loads as one policy when exactly one of its
/// `.yaml`/`.yml` files has a `policy:` key (the others are fragments for `include:`); otherwise the
/// error lists the candidates.
public struct PolicyLoader: Sendable {
    /// The checks rule files may name.
    public var registry: CheckRegistry
    /// Where `hash_key_env` is looked up. Defaults to the process environment.
    public var environment: [String: String]
    /// Which copy of the built-in checks' compiled patterns the loaded policy's checks use. Defaults to 0.
    ///
    /// The built-in checks (lexicons, personal data, secrets) compile their patterns once per process and
    /// replica, and every policy of that replica shares them. That is what a single-threaded program
    /// wants. Threads that evaluate at the same time retain and release the pattern objects they match
    /// with, though, and on shared objects those atomic operations slow every core down. A program with a
    /// fixed set of worker threads can load one policy per worker, with replicas `0, 1, 2, …`, and give
    /// each worker its own. A replica shares no compiled pattern with another, and costs a second
    /// compilation of the built-in patterns: about as long as a first load, once per replica and process.
    ///
    /// ```swift
    /// let policies = try (0..<workers).map { replica in
    ///     var loader = PolicyLoader()
    ///     loader.replica = replica
    ///     return try loader.load(contentsOf: url)
    /// }
    /// ```
    ///
    /// `guardrails filter --jobs N` does this on long inputs: two jobs with a replica each took 0.85–0.93
    /// of the time of two jobs sharing one policy on a 59 MB input (see `docs/performance.md`). Every
    /// replica gives the same verdicts.
    public var replica = 0

    /// Creates a loader.
    public init(registry: CheckRegistry = .builtIn, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.registry = registry
        self.environment = environment
    }

    /// What loading found: the policy, when it loads, and every diagnostic, sorted by location.
    public struct Report: Sendable {
        /// The policy, or `nil` when any diagnostic is an error.
        public let policy: Policy?
        /// Every diagnostic, errors and warnings.
        public let diagnostics: [Diagnostic]
        /// Every rule file read, the policy's and its includes', whether or not the policy loaded.
        public let sourceFiles: [String]
    }

    /// Loads the policy at `url`, a rule file or a directory holding one root rule file.
    ///
    /// - Throws: ``PolicyLoadError`` with every diagnostic when any of them is an error.
    public func load(contentsOf url: URL) throws(PolicyLoadError) -> Policy {
        try Self.policy(from: diagnose(contentsOf: url))
    }

    /// Loads a policy from YAML text. `include:` paths resolve against the current directory.
    ///
    /// - Parameter fileName: The name diagnostics use for this text.
    /// - Throws: ``PolicyLoadError`` with every diagnostic when any of them is an error.
    public func load(yaml: String, fileName: String = "<policy>") throws(PolicyLoadError) -> Policy {
        try Self.policy(from: diagnose(yaml: yaml, fileName: fileName))
    }

    /// Loads the policy at `url` and returns every diagnostic instead of throwing.
    public func diagnose(contentsOf url: URL) -> Report {
        var session = LoadSession(loader: self)
        let file = session.resolveRoot(url)
        return session.finish(root: file.flatMap { session.load(url: $0.url, displayPath: $0.displayPath) })
    }

    /// Loads a policy from YAML text and returns every diagnostic instead of throwing.
    public func diagnose(yaml: String, fileName: String = "<policy>") -> Report {
        var session = LoadSession(loader: self)
        let base = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        let root = session.load(
            bytes: Array(yaml.utf8), url: base.appending(path: fileName), displayPath: fileName, stack: [])
        return session.finish(root: root)
    }

    private static func policy(from report: Report) throws(PolicyLoadError) -> Policy {
        guard let policy = report.policy else { throw PolicyLoadError(diagnostics: report.diagnostics) }
        return policy
    }
}

extension Policy {
    /// Loads the policy at `url` with the given registry.
    ///
    /// - Throws: ``PolicyLoadError`` listing every problem, each with file, line and column.
    public static func load(
        contentsOf url: URL,
        registry: CheckRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PolicyLoadError) -> Policy {
        try PolicyLoader(registry: registry, environment: environment).load(contentsOf: url)
    }

    /// The default policy that ships inside the library (`policies/default.yaml` in the package).
    ///
    /// - Parameter replica: Which copy of the built-in checks' compiled patterns the policy uses (see
    ///   ``PolicyLoader/replica``): one per worker thread that evaluates at the same time as others.
    ///   Defaults to 0.
    /// - Throws: ``PolicyLoadError`` only if a custom `registry` lacks a check the default policy uses.
    public static func bundledDefault(
        registry: CheckRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        replica: Int = 0
    ) throws(PolicyLoadError) -> Policy {
        let yaml = String(decoding: PackageResources.default_yaml, as: UTF8.self)
        var loader = PolicyLoader(registry: registry, environment: environment)
        loader.replica = replica
        return try loader.load(yaml: yaml, fileName: Self.bundledDefaultName)
    }

    /// The name diagnostics and `--explain` use for the bundled default policy.
    public static let bundledDefaultName = "<bundled>/default.yaml"
}

/// The state of one load: files seen, diagnostics so far.
private struct LoadSession {
    let loader: PolicyLoader
    var diagnostics: [Diagnostic] = []
    /// Files in load order: includes before the files that include them.
    var files: [RuleFile] = []
    var loadedPaths: Set<String> = []
    /// Every file read, by display path, to quote source lines in diagnostics.
    var tables: [String: LineTable] = [:]

    init(loader: PolicyLoader) { self.loader = loader }

    // MARK: - Files

    mutating func resolveRoot(_ url: URL) -> (url: URL, displayPath: String)? {
        let displayPath = url.relativePath  // as the caller wrote it: relative paths stay relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: displayPath, isDirectory: &isDirectory) else {
            diagnostics.append(
                Diagnostic(.unreadableFile, "no such file or directory: \(displayPath)", at: nil))
            return nil
        }
        guard isDirectory.boolValue else { return (url, displayPath) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: displayPath)) ?? []
        let yamlFiles = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        let roots = yamlFiles.filter { name in
            guard let data = FileManager.default.contents(atPath: url.appending(path: name).path(percentEncoded: false)),
                let text = String(data: data, encoding: .utf8),
                case .mapping(let mapping)? = try? Yams.compose(yaml: text, .basic)
            else { return false }
            return mapping["policy"] != nil
        }
        let directory = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        switch roots.count {
        case 1:
            return (url.appending(path: roots[0]), directory + roots[0])
        case 0:
            diagnostics.append(
                Diagnostic(
                    .notAPolicy,
                    "\(directory) holds no policy file (a .yaml or .yml file with a 'policy:' key)", at: nil))
        default:
            diagnostics.append(
                Diagnostic(
                    .ambiguousDirectory,
                    "\(directory) holds \(roots.count) policies (\(roots.joined(separator: ", "))); "
                        + "name one, e.g. \(directory)\(roots[0])", at: nil))
        }
        return nil
    }

    mutating func load(url: URL, displayPath: String, includedFrom: PolicyLocation? = nil, stack: [String] = [])
        -> RuleFile?
    {
        guard let data = FileManager.default.contents(atPath: url.path(percentEncoded: false)) else {
            let what = includedFrom == nil ? "cannot read \(displayPath)" : "cannot read included file \(displayPath)"
            diagnostics.append(Diagnostic(.unreadableFile, what, at: includedFrom))
            return nil
        }
        return load(bytes: Array(data), url: url, displayPath: displayPath, stack: stack)
    }

    mutating func load(bytes: [UInt8], url: URL, displayPath: String, stack: [String]) -> RuleFile? {
        let key = url.standardizedFileURL.path(percentEncoded: false)
        loadedPaths.insert(key)
        let table = LineTable(file: displayPath, bytes: bytes)
        tables[displayPath] = table
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(in: bytes) ?? 0
            diagnostics.append(
                Diagnostic(
                    .invalidEncoding, "the file is not valid UTF-8 (byte offset \(offset)); save it as UTF-8",
                    at: table.location(utf8Offset: offset)))
            return nil
        }
        var parser = RuleFileParser(table: table, directory: url.deletingLastPathComponent())
        let parsed = parser.parse(text)
        diagnostics += parser.diagnostics
        guard let file = parsed else { return nil }

        let directory = url.deletingLastPathComponent()
        let displayDirectory = (displayPath as NSString).deletingLastPathComponent
        for include in file.includes {
            let includedURL = directory.appending(path: include.path).standardizedFileURL
            let includedKey = includedURL.path(percentEncoded: false)
            let includedDisplay = displayDirectory.isEmpty ? include.path : displayDirectory + "/" + include.path
            if includedKey == key || stack.contains(includedKey) {
                diagnostics.append(
                    Diagnostic(
                        .includeCycle,
                        "including \(include.path) makes a cycle: "
                            + (stack + [key, includedKey]).map { ($0 as NSString).lastPathComponent }
                            .joined(separator: " → "),
                        at: include.location))
                continue
            }
            guard !loadedPaths.contains(includedKey) else { continue }  // a diamond: load each file once
            _ = load(url: includedURL, displayPath: includedDisplay, includedFrom: include.location, stack: stack + [key])
        }
        files.append(file)
        return file
    }

    // MARK: - Resolution

    mutating func finish(root: RuleFile?) -> PolicyLoader.Report {
        guard let root else { return report(policy: nil) }
        if root.name == nil {
            diagnostics.append(
                Diagnostic(
                    .notAPolicy,
                    "this file has no 'policy: <name>' key; add one (files without it can only be included)",
                    at: root.source.location(utf8Offset: 0)))
        }
        let settings = resolveSettings()
        var input: [Rule] = []
        var output: [Rule] = []
        var firstDefinition: [String: PolicyLocation] = [:]
        for file in files {
            for parsed in file.rules {
                if let id = parsed.id, let first = firstDefinition[id] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateRuleID, "rule id '\(id)' is already used; rule ids must be unique",
                            at: parsed.location,
                            notes: [Diagnostic(.duplicateRuleID, .note, "first used here", at: first)]))
                } else if let id = parsed.id {
                    firstDefinition[id] = parsed.location
                }
                guard let rule = build(parsed, in: file, settings: settings) else { continue }
                if parsed.directions.contains(.input) { input.append(rule) }
                if parsed.directions.contains(.output) { output.append(rule) }
            }
        }
        for parsed in root.examples {
            if let rule = parsed.example.rule, firstDefinition[rule] == nil {
                diagnostics.append(
                    Diagnostic(
                        .unknownRule,
                        "the example names rule '\(rule)', which the policy does not have"
                            + NearestName.hint(for: rule, among: firstDefinition.keys),
                        at: parsed.ruleLocation))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }), let name = root.name else {
            return report(policy: nil)
        }
        let policy = Policy(
            name: name, summary: root.summary, settings: settings, input: input, output: output,
            examples: root.examples.map(\.example), digest: digest(), sourceFiles: files.map(\.source.file))
        return report(policy: policy)
    }

    private func report(policy: Policy?) -> PolicyLoader.Report {
        let sorted = diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.location, rhs.element.location)
            switch (l, r) {
            case let (l?, r?) where l.file == r.file:
                return (l.utf8Offset, lhs.offset) < (r.utf8Offset, rhs.offset)
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }
        return PolicyLoader.Report(
            policy: policy, diagnostics: sorted.map { withSourceLines($0.element) }, sourceFiles: tables.keys.sorted())
    }

    private func withSourceLines(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if let location = diagnostic.location, let table = tables[location.file] {
            diagnostic.sourceLine = table.text(ofLine: location.line)
        }
        diagnostic.notes = diagnostic.notes.map(withSourceLines)
        return diagnostic
    }

    private func digest() -> String {
        var hasher = SHA256()
        for file in files {
            withUnsafeBytes(of: UInt64(file.source.bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: file.source.bytes)
        }
        return EncodedText.hexString(hasher.finalize())
    }

    // MARK: - Settings

    static let settingKeys = [
        "on_error", "max_input_bytes", "match_limit", "depth_limit", "heap_limit_kib", "audit", "hash_key",
        "hash_key_env",
    ]

    private mutating func resolveSettings() -> PolicySettings {
        var settings = PolicySettings()
        var hashKey: String?
        var hashKeyEnvironment = "GUARDRAILS_HASH_KEY"
        for file in files {  // included files first, so the root file's settings win
            var parser = RuleFileParser(table: file.source)
            for (key, keyLocation, value) in file.settings {
                func positive(_ name: String) -> Int? {
                    guard let number = parser.integer(value, "'\(name)'") else { return nil }
                    guard number > 0, number <= Int(UInt32.max) || name == "max_input_bytes" else {
                        parser.report(
                            Diagnostic(
                                .invalidValue, "'\(name)' must be a positive whole number, found \(number)",
                                at: parser.location(of: value)))
                        return nil
                    }
                    return number
                }
                switch key {
                case "on_error":
                    settings.onError = parser.choice(value, "'on_error'", PolicySettings.FaultHandling.self) ?? .block
                case "max_input_bytes": settings.maxInputBytes = positive(key) ?? settings.maxInputBytes
                case "match_limit": settings.matchLimits.matchLimit = positive(key).map(UInt32.init) ?? settings.matchLimits.matchLimit
                case "depth_limit": settings.matchLimits.depthLimit = positive(key).map(UInt32.init) ?? settings.matchLimits.depthLimit
                case "heap_limit_kib":
                    settings.matchLimits.heapLimitKiB = positive(key).map(UInt32.init) ?? settings.matchLimits.heapLimitKiB
                case "audit": settings.audit = parser.boolean(value, "'audit'") ?? settings.audit
                case "hash_key": hashKey = parser.string(value, "'hash_key'")
                case "hash_key_env": hashKeyEnvironment = parser.string(value, "'hash_key_env'") ?? hashKeyEnvironment
                default:
                    diagnostics.append(
                        Diagnostic(
                            .unknownKey,
                            "unknown setting '\(key)'" + NearestName.hint(for: key, among: Self.settingKeys)
                                + "; settings are \(Self.settingKeys.joined(separator: ", "))",
                            at: keyLocation))
                }
            }
            diagnostics += parser.diagnostics
        }
        let key = hashKey ?? loader.environment[hashKeyEnvironment]
        settings.hashKey = key.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        hashKeyVariable = hashKeyEnvironment
        return settings
    }

    private var hashKeyVariable = "GUARDRAILS_HASH_KEY"

    // MARK: - Rules

    private mutating func build(_ parsed: ParsedRule, in file: RuleFile, settings: PolicySettings) -> Rule? {
        var parser = RuleFileParser(table: file.source)
        defer { diagnostics += parser.diagnostics }
        if parsed.action == .redact, parsed.redaction == .hash, settings.hashKey == nil {
            parser.report(
                Diagnostic(
                    .missingHashKey,
                    "'redact: hash' needs a key: set the \(hashKeyVariable) environment variable or settings.hash_key",
                    at: parsed.redactLocation ?? parsed.location))
        }
        guard let checkName = parsed.checkName else { return nil }
        guard let checkType = loader.registry.check(named: checkName) else {
            parser.report(
                Diagnostic(
                    .unknownCheck,
                    "unknown check '\(checkName)'"
                        + (NearestName.suggestion(for: checkName, among: loader.registry.names).map { "; did you mean '\($0)'?" }
                            ?? "; registered checks: \(loader.registry.names.joined(separator: ", "))"),
                    at: parsed.checkLocation))
            return nil
        }
        let description = checkType.description
        var values: [String: OptionValue] = [:]
        var nodes: [String: (key: PolicyLocation, value: Node)] = [:]
        var isValid = true
        var hasUnknownKeys = false  // reported; the check is still built so its own errors show too
        for (key, keyLocation, node) in parsed.options {
            nodes[key] = (keyLocation, node)
            guard let option = description.option(named: key) else {
                let allowed = RuleFileParser.ruleKeys + description.options.map(\.name)
                parser.unknownKey(key, at: keyLocation, in: "a '\(description.id)' rule", allowed: allowed)
                hasUnknownKeys = true
                continue
            }
            guard let value = optionValue(node, as: option.kind, key: key, baseDirectory: file.directory, parser: &parser) else {
                isValid = false
                continue
            }
            values[key] = value
        }
        for option in description.options where option.isRequired && values[option.name] == nil && nodes[option.name] == nil {
            parser.report(
                Diagnostic(
                    .missingRequired,
                    "check '\(description.id)' needs '\(option.name)' (\(option.kind.rawValue)): \(option.summary)",
                    at: parsed.location))
            isValid = false
        }
        guard isValid else { return nil }
        let check: any Check
        do {
            var options = CheckOptions(ruleID: parsed.id ?? "", values: values, matchLimits: settings.matchLimits)
            options.replica = loader.replica
            check = try checkType.init(options: options)
        } catch {
            parser.report(diagnostic(for: error, nodes: nodes, parsed: parsed, parser: parser))
            return nil
        }
        guard let id = parsed.id, let action = parsed.action, !hasUnknownKeys else { return nil }
        var optionLocations: [String: [PolicyLocation]] = [:]
        for (key, entry) in nodes {
            if case .sequence(let items) = entry.value {
                optionLocations[key] = items.map { parser.location(of: $0) }
            } else {
                optionLocations[key] = [parser.location(of: entry.value)]
            }
        }
        return Rule(
            id: id, check: check, action: action, redaction: parsed.redaction ?? description.defaultRedaction,
            message: parsed.message, location: parsed.location, options: values, optionLocations: optionLocations)
    }

    /// Any YAML value as an option value, types as YAML resolves them.
    private static func anyValue(_ node: Node) -> OptionValue {
        switch node {
        case .scalar(let scalar):
            switch node.schemaTag {
            case .int: return node.int.map(OptionValue.integer) ?? .string(scalar.string)
            case .float: return node.float.map(OptionValue.number) ?? .string(scalar.string)
            case .bool: return node.bool.map(OptionValue.boolean) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let items): return .list(items.map(anyValue))
        case .mapping(let mapping):
            var values: [String: OptionValue] = [:]
            for (key, value) in mapping { values[key.string ?? ""] = anyValue(value) }
            return .mapping(values)
        case .alias: return .string("")
        }
    }

    /// Converts an option's YAML to the declared kind, reporting a type mismatch.
    private func optionValue(
        _ node: Node, as kind: OptionDescription.Kind, key: String, baseDirectory: URL, parser: inout RuleFileParser
    ) -> OptionValue? {
        switch kind {
        case .string: return parser.string(node, "'\(key)'").map(OptionValue.string)
        case .integer: return parser.integer(node, "'\(key)'").map(OptionValue.integer)
        case .boolean: return parser.boolean(node, "'\(key)'").map(OptionValue.boolean)
        case .stringList:
            let items = parser.strings(node, "'\(key)'")
            return .list(items.map { .string($0.0) })
        case .number:
            if case .scalar = node, node.schemaTag == .float, let value = node.float {
                return .number(value)
            }
            return parser.integer(node, "'\(key)' (a number)").map { .number(Double($0)) }
        case .mapping:
            guard let entries = parser.mapping(node, "'\(key)'") else { return nil }
            var mapping: [String: OptionValue] = [:]
            for entry in entries { mapping[entry.key] = Self.anyValue(entry.value) }
            return .mapping(mapping)
        case .linesFile:
            guard let path = parser.string(node, "'\(key)' (a file path)") else { return nil }
            let url = baseDirectory.appending(path: path)
            guard let data = FileManager.default.contents(atPath: url.path(percentEncoded: false)),
                let text = String(data: data, encoding: .utf8)
            else {
                parser.report(
                    Diagnostic(.unreadableFile, "cannot read '\(path)' (resolved to \(url.path(percentEncoded: false)))",
                               at: parser.location(of: node)))
                return nil
            }
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            return .list(lines.map(OptionValue.string))
        }
    }

    private func diagnostic(for error: CheckOptionsError, nodes: [String: (key: PolicyLocation, value: Node)],
                            parsed: ParsedRule, parser: RuleFileParser) -> Diagnostic
    {
        let id: DiagnosticID
        switch error.kind {
        case .missingRequired: id = .missingRequired
        case .wrongType: id = .wrongType
        case .invalidValue: id = .invalidValue
        case .invalidPattern: id = .invalidRegex
        }
        guard let key = error.key, let entry = nodes[key] else {
            return Diagnostic(id, error.message, at: parsed.location)
        }
        var node = entry.value
        if let index = error.index, case .sequence(let items) = node, index < items.count {
            node = items[index]
        }
        let start = parser.location(of: node)
        if let offset = error.utf8OffsetInValue {
            if let exact = Self.location(ofOffset: offset, inScalar: node, start: start, table: parser.table) {
                return Diagnostic(id, error.message, at: exact)
            }
            return Diagnostic(
                id, error.message, at: start,
                notes: [Diagnostic(id, .note, "the error is at byte \(offset) of the pattern's value", at: start)])
        }
        return Diagnostic(id, error.message, at: key == "patterns" || error.index != nil ? start : entry.key)
    }

    /// Maps a byte offset inside a scalar's value to its place in the file, for plain and quoted
    /// single-line scalars whose text appears verbatim in the file. `nil` when escapes or folding intervene.
    static func location(ofOffset offset: Int, inScalar node: Node, start: PolicyLocation, table: LineTable)
        -> PolicyLocation?
    {
        guard case .scalar(let scalar) = node else { return nil }
        let bytes = table.bytes
        var source = start.utf8Offset
        switch scalar.style {
        case .plain, .any: break
        case .singleQuoted, .doubleQuoted: source += 1
        default: return nil
        }
        let value = Array(scalar.string.utf8)
        var index = 0
        while index < min(offset, value.count) {
            guard source < bytes.count else { return nil }
            if scalar.style == .singleQuoted, bytes[source] == 0x27, source + 1 < bytes.count, bytes[source + 1] == 0x27 {
                source += 2
                index += 1
                continue
            }
            if scalar.style == .doubleQuoted, bytes[source] == 0x5C { return nil }
            guard bytes[source] == value[index] else { return nil }
            source += 1
            index += 1
        }
        return table.location(utf8Offset: source)
    }
}
