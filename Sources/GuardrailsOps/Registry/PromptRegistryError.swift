// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Guardrails

/// A registry operation that could not be done. Nothing was changed.
public struct PromptRegistryError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// No entry, or no such version of it.
        case notFound
        /// A name that cannot be a file name.
        case invalidName
        /// An environment the registry is not configured with.
        case unknownEnvironment
        /// The environment's policy blocked the template.
        case blockedByPolicy
        /// `index.json` is not a registry index.
        case corruptIndex
        /// Rollback without an earlier version.
        case nothingToRollBack
        /// The name holds another kind of entry.
        case kindMismatch
        /// A configuration document with errors.
        case invalidConfiguration
    }

    /// What went wrong.
    public let kind: Kind
    /// What happened, naming the entry, file or environment, and the fix.
    public let message: String
    /// The policy's findings, for ``Kind/blockedByPolicy``; the configuration's problems are in
    /// ``diagnostics``.
    public let findings: [RuleFinding]
    /// Located problems, for ``Kind/invalidConfiguration``.
    public let diagnostics: [Diagnostic]

    init(_ kind: Kind, _ message: String, findings: [RuleFinding] = [], diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.findings = findings
        self.diagnostics = diagnostics
    }

    /// The message, then one line per finding or diagnostic.
    public var description: String {
        ([message] + findings.map { "  - rule '\($0.rule)' (\($0.category)): \($0.message)" }
            + diagnostics.map { "  \($0)" }).joined(separator: "\n")
    }
}
