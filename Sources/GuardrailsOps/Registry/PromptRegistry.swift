// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Crypto
public import Foundation
public import Guardrails
import Yams

/// Versioned prompt templates and configurations, with environments, promotion, rollback, A/B
/// assignment and an audit log, stored as plain files you can review in git.
///
/// ```swift
/// let registry = try PromptRegistry(directory: URL(filePath: "prompts"), policies: ["prod": prodPolicy])
/// let v = try registry.register("support-reply", template: "Answer {customer} about order {order_id}.")
/// try registry.promote("support-reply", version: v.version, to: "prod", reason: "reviewed in #412")
/// let text = try registry.active("support-reply", in: "prod")!.template.render(["customer": "Ada", "order_id": "A-17"])
/// ```
///
/// The directory holds `index.json` (versions, hashes, environments, audit log), one file per version
/// (`templates/NAME/v3.txt`, `configs/NAME/v2.yaml`), `feedback.jsonl` and a lock file. Every change
/// takes an exclusive file lock, rereads the index, writes content files and then the index atomically
/// (temporary file, `fsync`, rename): two processes registering at once both land, and a crash
/// leaves the previous index intact. A corrupt index is reported and never overwritten.
public struct PromptRegistry: Sendable {
    /// The registry's directory.
    public let directory: URL
    /// The environments versions can be promoted to, in promotion order.
    public let environments: [String]
    /// The policy a template must pass to be promoted to each environment.
    public let policies: [String: Policy]
    /// Who changes are attributed to when a call names nobody.
    public let defaultActor: String

    let now: @Sendable () -> Date

    /// Opens (or, on the first change, creates) the registry in `directory`.
    ///
    /// - Parameters:
    ///   - environments: Defaults to `dev`, `staging`, `prod`.
    ///   - policies: By environment; a template is evaluated against its target environment's policy
    ///     before promotion. Environments without one accept any template.
    ///   - actor: Defaults to the `USER` environment variable, or the account name.
    ///   - now: The clock; tests pass a fixed one.
    public init(
        directory: URL,
        environments: [String] = ["dev", "staging", "prod"],
        policies: [String: Policy] = [:],
        actor: String? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.directory = directory
        self.environments = environments
        self.policies = policies
        self.defaultActor = actor ?? ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        self.now = now
    }

    private var indexURL: URL { directory.appending(path: "index.json") }
    private var lockURL: URL { directory.appending(path: ".lock") }
    var feedbackURL: URL { directory.appending(path: "feedback.jsonl") }

    // MARK: - Registering

    /// Registers a template version.
    ///
    /// - Returns: The new version, or the existing version with identical text (``Registration/isNew``
    ///   is then `false`).
    public func register(
        _ name: String, template: String, metadata: [String: String] = [:], by actor: String? = nil, reason: String? = nil
    ) throws -> Registration {
        try register(name, kind: .template, content: template, metadata: metadata, actor: actor, reason: reason)
    }

    /// Registers a version of a YAML configuration, such as a RAG or model configuration.
    ///
    /// - Throws: ``PromptRegistryError`` of kind ``PromptRegistryError/Kind/invalidConfiguration`` with
    ///   every problem, located, when the document does not fit `kind`.
    public func registerConfiguration(
        _ name: String, yaml: String, kind: RegistryItemKind = .configuration, metadata: [String: String] = [:],
        by actor: String? = nil, reason: String? = nil
    ) throws -> Registration {
        precondition(kind != .template, "register templates with register(_:template:)")
        let problems = ConfigurationSchema.diagnose(yaml, as: kind, fileName: name)
        guard problems.isEmpty else {
            throw PromptRegistryError(.invalidConfiguration, "'\(name)' is not a valid \(kind.rawValue):", diagnostics: problems)
        }
        return try register(name, kind: kind, content: yaml, metadata: metadata, actor: actor, reason: reason)
    }

    private func register(
        _ name: String, kind: RegistryItemKind, content: String, metadata: [String: String], actor: String?, reason: String?
    ) throws -> Registration {
        try Self.validate(name: name)
        let hash = "sha256:" + SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
        return try mutateIndex { index in
            var entry = index.entries[name] ?? RegistryIndex.Entry(kind: kind)
            guard entry.kind == kind else {
                throw PromptRegistryError(.kindMismatch, "'\(name)' holds a \(entry.kind.rawValue), not a \(kind.rawValue)")
            }
            if let existing = entry.versions.first(where: { $0.hash == hash }) {
                return Registration(name: name, version: existing.version, hash: hash, isNew: false)
            }
            let version = (entry.versions.map(\.version).max() ?? 0) + 1
            let file = (kind == .template ? "templates/\(name)/v\(version).txt" : "configs/\(name)/v\(version).yaml")
            try AtomicFile.write(Data(content.utf8), to: directory.appending(path: file))
            let created = now()
            let author = actor ?? defaultActor
            entry.versions.append(RegistryIndex.VersionRecord(
                version: version, hash: hash, createdAt: created, createdBy: author, metadata: metadata, file: file))
            index.entries[name] = entry
            index.audit.append(AuditEntry(at: created, actor: author, action: "register", name: name, version: version, reason: reason))
            return Registration(name: name, version: version, hash: hash, isNew: true)
        }
    }

    // MARK: - Reading

    /// Every entry's name, sorted.
    public func names() throws -> [String] { try readIndex().entries.keys.sorted() }

    /// Every version of `name`, oldest first, with content.
    public func versions(of name: String) throws -> [PromptVersion] {
        let entry = try self.entry(name, in: readIndex())
        return try entry.versions.map { try load($0, of: name, kind: entry.kind) }
    }

    /// One version of `name`.
    public func version(_ version: Int, of name: String) throws -> PromptVersion {
        let entry = try self.entry(name, in: readIndex())
        return try load(record(version, of: name, in: entry), of: name, kind: entry.kind)
    }

    /// The version of `name` active in `environment`, or `nil` if none was promoted there.
    public func active(_ name: String, in environment: String) throws -> PromptVersion? {
        try check(environment: environment)
        let entry = try self.entry(name, in: readIndex())
        guard let number = entry.environments[environment] else { return nil }
        return try load(record(number, of: name, in: entry), of: name, kind: entry.kind)
    }

    /// The active version number of `name` in each environment that has one.
    public func activeVersions(of name: String) throws -> [String: Int] {
        try entry(name, in: readIndex()).environments
    }

    /// The audit log, oldest first; only `name`'s entries when given.
    public func auditLog(for name: String? = nil) throws -> [AuditEntry] {
        try readIndex().audit.filter { name == nil || $0.name == name }
    }

    // MARK: - Environments

    /// Makes `version` the active version of `name` in `environment`.
    ///
    /// A template is first rendered with `samples` (placeholders without a sample are filled with
    /// their own name) and evaluated against the environment's policy; if the policy blocks it, the
    /// promotion is refused with the findings.
    public func promote(
        _ name: String, version: Int, to environment: String, samples: [String: String] = [:], by actor: String? = nil,
        reason: String? = nil
    ) throws {
        try check(environment: environment)
        let candidate = try self.version(version, of: name)
        if candidate.kind == .template, let policy = policies[environment] {
            let text = candidate.template.render { samples[$0] ?? $0 }
            let verdict = try policy.evaluate(text, direction: .input)
            if verdict.isBlocked {
                throw PromptRegistryError(
                    .blockedByPolicy,
                    "\(name) v\(version) cannot be promoted to \(environment): policy '\(policy.name)' blocks it",
                    findings: verdict.findings)
            }
        }
        try mutateIndex { index in
            var entry = try self.entry(name, in: index)
            _ = try record(version, of: name, in: entry)
            if let current = entry.environments[environment], current != version {
                entry.history[environment, default: []].append(current)
            }
            entry.environments[environment] = version
            index.entries[name] = entry
            index.audit.append(AuditEntry(
                at: now(), actor: actor ?? defaultActor, action: "promote", name: name, version: version,
                environment: environment, reason: reason))
        }
    }

    /// Makes the previously active version of `name` in `environment` active again, or `version` when
    /// given. A rollback is an emergency brake, so it is not checked against the policy.
    ///
    /// - Returns: The version now active.
    @discardableResult
    public func rollback(
        _ name: String, in environment: String, to version: Int? = nil, by actor: String? = nil, reason: String? = nil
    ) throws -> Int {
        try check(environment: environment)
        return try mutateIndex { index in
            var entry = try self.entry(name, in: index)
            let current = entry.environments[environment]
            var history = entry.history[environment] ?? []
            let target: Int
            if let version {
                _ = try record(version, of: name, in: entry)
                target = version
            } else if let previous = history.popLast() {
                target = previous
            } else {
                throw PromptRegistryError(
                    .nothingToRollBack,
                    current.map { "\(environment) has had only \(name) v\($0); there is nothing to roll back to" }
                        ?? "\(name) was never promoted to \(environment)")
            }
            entry.history[environment] = history
            entry.environments[environment] = target
            index.entries[name] = entry
            index.audit.append(AuditEntry(
                at: now(), actor: actor ?? defaultActor, action: "rollback", name: name, version: target,
                environment: environment, reason: reason))
            return target
        }
    }

    // MARK: - Export and diff

    /// Every version of `name` as YAML: version, created_at, created_by, hash, metadata and the template
    /// (or configuration), plus the active version per environment.
    public func export(_ name: String) throws -> String {
        let entry = try self.entry(name, in: readIndex())
        let versions = try entry.versions.map { try load($0, of: name, kind: entry.kind) }
        let formatter = ISO8601DateFormatter()
        func scalar(_ text: String) -> Node { Node(text) }
        // Quoted, so that a timestamp or a value like `yes` reads back as the same string.
        func quoted(_ text: String) -> Node { Node(text, Tag(.str), .singleQuoted) }
        func block(_ text: String) -> Node { Node(text, Tag(.str), text.contains("\n") ? .literal : .any) }
        let versionNodes: [Node] = versions.map { version in
            var pairs: [(Node, Node)] = [
                (scalar("version"), Node(String(version.version), Tag(.int))),
                (scalar("created_at"), quoted(formatter.string(from: version.createdAt))),
                (scalar("created_by"), quoted(version.createdBy)),
                (scalar("hash"), scalar(version.hash)),
                (scalar("metadata"), Node(version.metadata.sorted { $0.key < $1.key }.map { (quoted($0.key), quoted($0.value)) })),
            ]
            pairs.append((scalar(entry.kind == .template ? "template" : "configuration"), block(version.content)))
            return Node(pairs)
        }
        let document = Node([
            (scalar("name"), scalar(name)),
            (scalar("kind"), scalar(entry.kind.rawValue)),
            (scalar("environments"), Node(entry.environments.sorted { $0.key < $1.key }.map {
                (scalar($0.key), Node(String($0.value), Tag(.int)))
            })),
            (scalar("versions"), Node(versionNodes)),
        ])
        return try Yams.serialize(node: document)
    }

    /// A unified line diff between two versions of `name`.
    public func diff(_ name: String, from old: Int, to new: Int) throws -> String {
        let before = try version(old, of: name)
        let after = try version(new, of: name)
        return LineDiff.unified(before.content, after.content, oldLabel: "\(name) v\(old)", newLabel: "\(name) v\(new)")
    }

    // MARK: - Storage

    func readIndex() throws -> RegistryIndex {
        guard FileManager.default.fileExists(atPath: indexURL.path) else { return RegistryIndex() }
        let data = try Data(contentsOf: indexURL)
        do {
            return try RegistryIndex.decoder.decode(RegistryIndex.self, from: data)
        } catch {
            throw PromptRegistryError(
                .corruptIndex,
                "'\(indexURL.path)' is not a registry index (\(DecodingProblem(error))). Nothing was changed; "
                    + "restore it from git (`git checkout -- \(indexURL.lastPathComponent)`) and try again")
        }
    }

    /// Runs `change` on the current index under the file lock, then writes the index atomically.
    private func mutateIndex<Result>(_ change: (inout RegistryIndex) throws -> Result) throws -> Result {
        try FileLock.withLock(at: lockURL) {
            var index = try readIndex()
            let result = try change(&index)
            try AtomicFile.write(RegistryIndex.encoder.encode(index), to: indexURL)
            return result
        }
    }

    /// Runs `body` under the registry's file lock.
    func withLock<Result>(_ body: () throws -> Result) throws -> Result {
        try FileLock.withLock(at: lockURL, body)
    }

    private func entry(_ name: String, in index: RegistryIndex) throws -> RegistryIndex.Entry {
        guard let entry = index.entries[name] else {
            throw PromptRegistryError(
                .notFound, "no entry named '\(name)' in \(directory.path)\(NearestName.hint(for: name, among: index.entries.keys))")
        }
        return entry
    }

    private func record(_ version: Int, of name: String, in entry: RegistryIndex.Entry) throws -> RegistryIndex.VersionRecord {
        guard let record = entry.versions.first(where: { $0.version == version }) else {
            let known = entry.versions.map { "v\($0.version)" }.joined(separator: ", ")
            throw PromptRegistryError(.notFound, "\(name) has no v\(version); it has \(known)")
        }
        return record
    }

    private func load(_ record: RegistryIndex.VersionRecord, of name: String, kind: RegistryItemKind) throws -> PromptVersion {
        let url = directory.appending(path: record.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StorageError("'\(url.path)' (\(name) v\(record.version)) is missing; restore it from git")
        }
        return PromptVersion(
            name: name, kind: kind, version: record.version, hash: record.hash, createdAt: record.createdAt,
            createdBy: record.createdBy, metadata: record.metadata, content: String(decoding: data, as: UTF8.self))
    }

    private func check(environment: String) throws {
        guard environments.contains(environment) else {
            throw PromptRegistryError(
                .unknownEnvironment,
                "unknown environment '\(environment)'\(NearestName.hint(for: environment, among: environments)); "
                    + "this registry has \(environments.joined(separator: ", "))")
        }
    }

    static func validate(name: String) throws {
        let isValid = name.first.map { $0.isASCII && ($0.isLowercase || $0.isNumber) } == true
            && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) } && !name.contains("..")
        guard isValid else {
            throw PromptRegistryError(
                .invalidName, "'\(name)' is not a valid name: use lower-case letters, digits, '-', '_' and '.', such as 'support-reply'")
        }
    }
}
