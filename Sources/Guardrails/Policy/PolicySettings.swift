// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Policy-wide settings: the `settings:` block of a rule file.
public struct PolicySettings: Sendable {
    /// What a runtime fault inside a check (a match limit hit, say) does.
    public enum FaultHandling: String, Sendable, CaseIterable {
        /// Fail closed: the fault blocks the text. The default.
        case block
        /// Fail open: the fault is recorded in the rule's outcome and the text passes that rule.
        case allow
    }

    /// `on_error`: what a runtime fault does. Default ``FaultHandling/block``.
    public var onError: FaultHandling
    /// `max_input_bytes`: the largest text evaluated, in UTF-8 bytes. Default 1 MiB (1,048,576).
    public var maxInputBytes: Int
    /// `match_limit`, `depth_limit`, `heap_limit_kib`: bounds for every pattern match.
    public var matchLimits: MatchLimits
    /// `audit`: run every rule even after a block, to see everything that would fire. Default `false`.
    public var audit: Bool
    /// The key for ``RedactionStyle/hash``, from `hash_key` or the environment variable named by
    /// `hash_key_env` (default `GUARDRAILS_HASH_KEY`). `nil` when neither is set.
    public var hashKey: [UInt8]?

    /// Creates settings; every parameter defaults to the rule file's default.
    public init(
        onError: FaultHandling = .block,
        maxInputBytes: Int = 1 << 20,
        matchLimits: MatchLimits = .default,
        audit: Bool = false,
        hashKey: [UInt8]? = nil
    ) {
        self.onError = onError
        self.maxInputBytes = maxInputBytes
        self.matchLimits = matchLimits
        self.audit = audit
        self.hashKey = hashKey
    }
}

/// Which policy, in which version, decided: for audit logs.
public struct PolicyIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The `policy:` name from the root rule file.
    public let name: String
    /// Lower-case hex SHA-256 over the contents of every source file, in load order.
    public let digest: String

    /// Creates an identity.
    public init(name: String, digest: String) {
        self.name = name
        self.digest = digest
    }

    /// The first 12 hex digits of ``digest``: enough to tell versions apart in logs.
    public var shortDigest: String { String(digest.prefix(12)) }

    /// "default@3f2a1c9e0b7d".
    public var description: String { "\(name)@\(shortDigest)" }
}
