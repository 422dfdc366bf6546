// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// One change to a registry: who made it, when and why.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// When.
    public var at: Date
    /// Who, as given to the registry (defaults to the `USER` environment variable).
    public var actor: String
    /// `register`, `promote` or `rollback`.
    public var action: String
    /// The entry changed.
    public var name: String
    /// The version registered or made active.
    public var version: Int
    /// The environment, for promotions and rollbacks.
    public var environment: String?
    /// Why, as the actor said.
    public var reason: String?
}
