// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Scores sampled production traffic with a judge and decides whether people need to look at it.
///
/// ```swift
/// let evaluation = TrafficEvaluation(judge: ResponseJudge(model: judgeModel, criteria: [.accuracy, .relevance, .safety]),
///                                    thresholds: ["safety": 4.0])
/// let report = await evaluation.run(sample)
/// if report.needsReview { page(report.breaches) }
/// ```
public struct TrafficEvaluation: Sendable {
    /// The judge.
    public let judge: ResponseJudge
    /// The lowest acceptable mean score per criterion.
    public let thresholds: [String: Double]
    /// Judge calls at once.
    public let concurrency: Int

    /// Creates an evaluation. Every threshold must name one of the judge's criteria.
    public init(judge: ResponseJudge, thresholds: [String: Double], concurrency: Int = 4) {
        precondition(
            thresholds.keys.allSatisfy { name in judge.criteria.contains { $0.name == name } },
            "every threshold must name a criterion of the judge")
        self.judge = judge
        self.thresholds = thresholds
        self.concurrency = concurrency
    }

    /// Judges every exchange of `sample`; `progress` gets the number judged so far after each one.
    public func run(_ sample: [LoggedExchange], progress: @Sendable (Int) -> Void = { _ in }) async -> TrafficReport {
        let items = sample.map { JudgeItem(question: $0.prompt, reference: $0.reference, response: $0.response) }
        let batch = await judge.judgeAll(items, concurrency: concurrency, progress: progress)
        return TrafficReport(exchanges: sample, batch: batch, thresholds: thresholds)
    }
}

/// The judged sample, the means, and which thresholds were crossed.
public struct TrafficReport: Sendable {
    /// A criterion whose mean fell below its threshold.
    public struct Breach: Sendable, Hashable {
        /// The criterion.
        public var criterion: String
        /// Its mean score.
        public var mean: Double
        /// The threshold.
        public var threshold: Double
    }

    /// The sampled exchanges, in log order.
    public var exchanges: [LoggedExchange]
    /// Their judgements, in the same order.
    public var batch: BatchJudgement
    /// The thresholds checked.
    public var thresholds: [String: Double]

    /// Mean score per criterion over the judged exchanges.
    public var averages: [String: Double] { batch.averages }

    /// Thresholds crossed, in criterion order. With nothing judged, every threshold counts as crossed.
    public var breaches: [Breach] {
        batch.criteria.compactMap { name in
            guard let threshold = thresholds[name] else { return nil }
            let mean = averages[name] ?? 0
            return mean < threshold ? Breach(criterion: name, mean: mean, threshold: threshold) : nil
        }
    }

    /// Whether a threshold was crossed, so people should review the traffic.
    public var needsReview: Bool { !breaches.isEmpty }

    /// Exchanges that scored below a threshold on any criterion, lowest total first.
    public var flagged: [(exchange: LoggedExchange, judgement: Judgement)] {
        zip(exchanges, batch.results).compactMap { exchange, result -> (LoggedExchange, Judgement)? in
            guard let judgement = try? result.get() else { return nil }
            let below = thresholds.contains { name, threshold in Double(judgement.scores[name] ?? 0) < threshold }
            return below ? (exchange, judgement) : nil
        }.sorted { $0.1.scores.values.reduce(0, +) < $1.1.scores.values.reduce(0, +) }
    }

    /// Exchanges the judge could not score, with why.
    public var unjudged: [(exchange: LoggedExchange, error: JudgeError)] {
        zip(exchanges, batch.results).compactMap { exchange, result in
            if case .failure(let error) = result { return (exchange, error) }
            return nil
        }
    }
}
