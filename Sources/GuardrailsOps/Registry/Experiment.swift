// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// One user's rating of an answer produced with a version of a prompt.
public struct Feedback: Sendable, Hashable, Codable {
    /// The registry entry.
    public var name: String
    /// The version the user was assigned.
    public var version: Int
    /// Who rated, when known.
    public var user: String?
    /// Thumbs up (`true`) or down.
    public var isPositive: Bool
    /// When.
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case name, version, user, at
        case isPositive = "positive"
    }
}

/// Satisfaction per version of a prompt, and whether one version is significantly better.
public struct ExperimentReport: Sendable, Hashable {
    /// One version's ratings.
    public struct Arm: Sendable, Hashable {
        /// The version.
        public var version: Int
        /// Thumbs up.
        public var positive: Int
        /// Thumbs down.
        public var negative: Int
        /// All ratings.
        public var total: Int { positive + negative }
        /// The share of positive ratings; zero without ratings.
        public var satisfaction: Double { total == 0 ? 0 : Double(positive) / Double(total) }
    }

    /// A two-proportion z-test of the best version against another.
    public struct Comparison: Sendable, Hashable {
        /// The version compared against the leader.
        public var version: Int
        /// The z statistic (leader minus this version, over the pooled standard error).
        public var z: Double
        /// The two-sided p-value.
        public var pValue: Double
    }

    /// The registry entry.
    public var name: String
    /// Every rated version, best satisfaction first.
    public var arms: [Arm]
    /// The leader compared with every other version.
    public var comparisons: [Comparison]
    /// The significance level the winner must beat every other version at.
    public var alpha: Double

    /// The leading version if its satisfaction is significantly higher than every other version's
    /// (two-sided p below ``alpha`` against each), otherwise `nil`.
    public var winner: Int? {
        guard let leader = arms.first, !comparisons.isEmpty, comparisons.allSatisfy({ $0.pValue < alpha && $0.z > 0 }) else {
            return nil
        }
        return leader.version
    }
}

extension PromptRegistry {
    /// Records a user's rating of an answer made with `version` of `name`, appending to `feedback.jsonl`.
    public func recordFeedback(_ name: String, version: Int, user: String? = nil, isPositive: Bool) throws {
        _ = try self.version(version, of: name)
        let feedback = Feedback(name: name, version: version, user: user, isPositive: isPositive, at: now())
        var line = try RegistryIndex.lineEncoder.encode(feedback)
        line.append(UInt8(ascii: "\n"))
        try withLock {
            if !FileManager.default.fileExists(atPath: feedbackURL.path) {
                _ = FileManager.default.createFile(atPath: feedbackURL.path, contents: nil)  // opening reports a failure
            }
            let handle = try FileHandle(forWritingTo: feedbackURL)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.synchronize()
        }
    }

    /// Every rating of `name`, oldest first. Lines that are not feedback are skipped.
    public func feedback(for name: String) throws -> [Feedback] {
        guard let data = FileManager.default.contents(atPath: feedbackURL.path) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? RegistryIndex.decoder.decode(Feedback.self, from: Data($0))
        }.filter { $0.name == name }
    }

    /// Satisfaction per version of `name`, with the leader tested against each other version.
    ///
    /// - Parameter alpha: The significance level; 0.05 by default.
    public func experiment(_ name: String, alpha: Double = 0.05) throws -> ExperimentReport {
        var arms: [Int: ExperimentReport.Arm] = [:]
        for rating in try feedback(for: name) {
            var arm = arms[rating.version] ?? ExperimentReport.Arm(version: rating.version, positive: 0, negative: 0)
            if rating.isPositive { arm.positive += 1 } else { arm.negative += 1 }
            arms[rating.version] = arm
        }
        let ranked = arms.values.sorted { ($0.satisfaction, -$0.version) > ($1.satisfaction, -$1.version) }
        guard let leader = ranked.first else {
            return ExperimentReport(name: name, arms: [], comparisons: [], alpha: alpha)
        }
        let comparisons = ranked.dropFirst().map { other in
            let (z, p) = TwoProportionTest.zTest(leader.positive, leader.total, other.positive, other.total)
            return ExperimentReport.Comparison(version: other.version, z: z, pValue: p)
        }
        return ExperimentReport(name: name, arms: ranked, comparisons: comparisons, alpha: alpha)
    }
}

/// The two-proportion z-test with a pooled proportion.
enum TwoProportionTest {
    /// z and the two-sided p-value for successes `x1` of `n1` against `x2` of `n2`.
    static func zTest(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> (z: Double, p: Double) {
        guard n1 > 0, n2 > 0 else { return (0, 1) }
        let p1 = Double(x1) / Double(n1)
        let p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let standardError = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard standardError > 0 else { return (0, 1) }
        let z = (p1 - p2) / standardError
        return (z, erfc(abs(z) / 2.0.squareRoot()))
    }
}

extension RegistryIndex {
    /// The index's encoding on one line, for JSON Lines files.
    static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
