// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// One version of a registry entry, with its content.
public struct PromptVersion: Sendable, Hashable {
    /// The entry's name.
    public var name: String
    /// What the entry versions.
    public var kind: RegistryItemKind
    /// The version number, from 1.
    public var version: Int
    /// `sha256:` and the hex SHA-256 of the content.
    public var hash: String
    /// When it was registered.
    public var createdAt: Date
    /// Who registered it.
    public var createdBy: String
    /// Free-form metadata given at registration.
    public var metadata: [String: String]
    /// The template text or configuration YAML.
    public var content: String

    /// The content as a template.
    public var template: PromptTemplate { PromptTemplate(content) }
}

/// The result of ``PromptRegistry/register(_:template:metadata:by:reason:)``.
public struct Registration: Sendable, Hashable, CustomStringConvertible {
    /// The entry's name.
    public var name: String
    /// The version that holds the content: new, or the existing one with identical content.
    public var version: Int
    /// The content hash.
    public var hash: String
    /// `false` when identical content was already registered, so no version was created.
    public var isNew: Bool

    /// "registered support-reply v3 (sha256:…)" or "support-reply v2 already has this content (sha256:…); no new version".
    public var description: String {
        isNew
            ? "registered \(name) v\(version) (\(hash))"
            : "\(name) v\(version) already has this content (\(hash)); no new version"
    }
}
