// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Lints YAML files that are not policies but sit beside them, such as price tables or prompt test
/// suites, so `guardlint` checks a whole configuration directory in one run.
///
/// A document linter claims a file by its top-level keys; ``PolicyLinter`` hands it every file it
/// claims instead of treating the file as a policy or a stray fragment.
public struct DocumentLinter: Sendable {
    /// What the linter checks, for messages: "price table".
    public let kind: String
    /// Whether a file with these top-level keys is this linter's.
    public let claims: @Sendable (_ topLevelKeys: Set<String>) -> Bool
    /// Every problem of the file at the path.
    public let diagnose: @Sendable (_ path: String) -> [Diagnostic]

    /// Creates a document linter.
    public init(
        kind: String, claims: @escaping @Sendable (Set<String>) -> Bool, diagnose: @escaping @Sendable (String) -> [Diagnostic]
    ) {
        self.kind = kind
        self.claims = claims
        self.diagnose = diagnose
    }
}
