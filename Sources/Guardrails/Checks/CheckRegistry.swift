// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The checks a rule file may name, by ``CheckDescription/id``.
///
/// An immutable value: start from ``builtIn`` and add your own checks with ``registering(_:)``.
///
/// ```swift
/// let registry = try CheckRegistry.builtIn.registering(TicketNumberCheck.self)
/// let policy = try Policy.load(contentsOf: url, registry: registry)
/// ```
public struct CheckRegistry: Sendable {
    private let checks: [String: any Check.Type]

    /// The checks that ship with Guardrails.
    public static let builtIn = CheckRegistry(uniqueChecks: [
        PatternCheck.self,
        LengthCheck.self,
        PIICheck.self,
        SecretsCheck.self,
        InjectionCheck.self,
        InvisibleTextCheck.self,
        CanaryCheck.self,
        MedicalAdviceCheck.self,
        DisclaimerCheck.self,
        ToxicityCheck.self,
        KeywordsCheck.self,
    ])

    /// An empty registry.
    public init() { self.checks = [:] }

    private init(uniqueChecks: [any Check.Type]) {
        self.checks = Dictionary(uniqueKeysWithValues: uniqueChecks.map { ($0.description.id, $0) })
    }

    /// A registry with `check` added.
    ///
    /// - Throws: ``DuplicateCheckError`` when a check with the same id is already registered:
    ///   replacing a check silently would change what existing rule files mean.
    public func registering(_ check: any Check.Type) throws(DuplicateCheckError) -> CheckRegistry {
        let id = check.description.id
        guard checks[id] == nil else { throw DuplicateCheckError(id: id) }
        var all = Array(checks.values)
        all.append(check)
        return CheckRegistry(uniqueChecks: all)
    }

    /// The check registered as `id`, if any.
    public func check(named id: String) -> (any Check.Type)? { checks[id] }

    /// Every registered id, sorted.
    public var names: [String] { checks.keys.sorted() }

    /// Every registered check, sorted by id.
    public var all: [any Check.Type] { names.compactMap { checks[$0] } }
}

/// Two checks claim the same id.
public struct DuplicateCheckError: Error, Sendable, CustomStringConvertible {
    /// The contested id.
    public let id: String

    /// "a check named 'pattern' is already registered; give yours another id".
    public var description: String { "a check named '\(id)' is already registered; give yours another id" }
}
