// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization
import Testing

@testable import Guardrails

struct PerReplicaTests {
    private final class Box: Sendable {}

    private final class Counter: Sendable {
        let count = Mutex(0)
    }

    @Test func eachReplicaBuildsItsValueOnceAndKeepsIt() {
        let builds = Counter()
        let values = PerReplica { () -> Box in
            builds.count.withLock { $0 += 1 }
            return Box()
        }
        let first = values(0)
        #expect(values(0) === first)
        #expect(values(1) !== first)
        #expect(values(1) === values(1))
        #expect(builds.count.withLock { $0 } == 2)
    }

    @Test func replicasShareNoCompiledPatternAndOneReplicaSharesItsOwn() throws {
        func builtInPatterns(_ replica: Int) throws -> [Pattern] {
            var loader = PolicyLoader()
            loader.replica = replica
            let policy = try loader.load(
                yaml: """
                    policy: replicas
                    input:
                      - {id: injection, check: injection, action: block}
                      - {id: toxicity, check: toxicity, action: block}
                      - {id: pii, check: pii, action: redact}
                      - {id: secrets, check: secrets, action: redact}
                    """)
            let patterns = policy.input.rules.map(\.check.patterns)
            #expect(patterns.allSatisfy { !$0.isEmpty })
            return patterns.flatMap { $0 }
        }
        let first = try builtInPatterns(0)
        let again = try builtInPatterns(0)
        let replica = try builtInPatterns(3)
        #expect(replica.map(\.source) == first.map(\.source))
        #expect(zip(first, again).allSatisfy { $0.isSameCompilation(as: $1) })
        #expect(!zip(first, replica).contains { $0.isSameCompilation(as: $1) })
    }

    @Test func aReplicaOfTheDefaultPolicyGivesTheSameVerdicts() throws {
        let policy = try Policy.bundledDefault()
        let replica = try Policy.bundledDefault(replica: 1)
        #expect(replica.identity == policy.identity)
        #expect(!policy.examples.isEmpty)
        for example in policy.examples {
            let expected = try policy.evaluate(example.text, direction: example.direction)
            let verdict = try replica.evaluate(example.text, direction: example.direction)
            #expect(verdict.decision == expected.decision, "\(example.text.prefix(60))")
            #expect(verdict.text == expected.text)
            #expect(verdict.findings == expected.findings)
        }
    }
}
