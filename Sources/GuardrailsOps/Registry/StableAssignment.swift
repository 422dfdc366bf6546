// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Crypto
import Foundation

extension PromptRegistry {
    /// The version of `name` that `userID` gets in an A/B test between `versions`.
    ///
    /// The choice comes from SHA-256 of the name and user id, not Swift's `hashValue` (seeded per
    /// process), so a user gets the same version in every process, on every machine, and across
    /// restarts; adding a third version moves as few users as the weights allow.
    ///
    /// - Parameters:
    ///   - weights: Relative weights, one per version; equal by default.
    public static func variant(_ name: String, userID: String, versions: [Int], weights: [Double]? = nil) -> Int {
        precondition(!versions.isEmpty, "variant(_:userID:versions:) needs at least one version")
        let weights = weights ?? Array(repeating: 1, count: versions.count)
        precondition(weights.count == versions.count && weights.allSatisfy { $0 >= 0 } && weights.contains { $0 > 0 },
            "one non-negative weight per version, at least one above zero")
        let digest = SHA256.hash(data: Data("\(name)\u{0}\(userID)".utf8))
        let bits = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let point = Double(bits >> 11) / Double(1 << 53) * weights.reduce(0, +)  // uniform in [0, total)
        var cumulative = 0.0
        for (version, weight) in zip(versions, weights) {
            cumulative += weight
            if point < cumulative { return version }
        }
        return versions[weights.lastIndex { $0 > 0 }!]
    }

    /// ``variant(_:userID:versions:weights:)`` for this registry.
    public func variant(_ name: String, userID: String, versions: [Int], weights: [Double]? = nil) -> Int {
        Self.variant(name, userID: userID, versions: versions, weights: weights)
    }
}
