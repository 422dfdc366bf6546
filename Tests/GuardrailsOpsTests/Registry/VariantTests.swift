// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import GuardrailsOps
import Testing

struct VariantTests {
    @Test func matchesAnIndependentSHA256Computation() {
        // From Python: int.from_bytes(sha256(b"support-reply\0" + user).digest()[:8], "big") >> 11) / 2**53
        // user-1 → 0.548, user-2 → 0.450, alice → 0.584, bob → 0.220.
        let users = ["user-1", "user-2", "alice", "bob"]
        #expect(users.map { PromptRegistry.variant("support-reply", userID: $0, versions: [1, 2]) } == [2, 1, 2, 1])
        #expect(users.map { PromptRegistry.variant("support-reply", userID: $0, versions: [1, 2], weights: [0.7, 0.3]) } == [1, 1, 1, 1])
    }

    @Test func splitsTenThousandUsersWithinTwoPercentOfTheWeights() {
        for weights in [[1.0, 1.0], [0.7, 0.3], [0.5, 0.25, 0.25]] {
            var counts: [Int: Int] = [:]
            for user in 0..<10_000 {
                counts[PromptRegistry.variant("welcome", userID: "user-\(user)", versions: Array(1...weights.count), weights: weights), default: 0] += 1
            }
            let total = weights.reduce(0, +)
            for (index, weight) in weights.enumerated() {
                let share = Double(counts[index + 1] ?? 0) / 10_000
                #expect(abs(share - weight / total) < 0.02, "version \(index + 1): \(share) vs \(weight / total)")
            }
        }
    }

    @Test func theSameUserAlwaysGetsTheSameVersion() {
        let first = (0..<100).map { PromptRegistry.variant("welcome", userID: "u\($0)", versions: [3, 4]) }
        let second = (0..<100).map { PromptRegistry.variant("welcome", userID: "u\($0)", versions: [3, 4]) }
        #expect(first == second)
        #expect(Set(first) == [3, 4])
    }
}
