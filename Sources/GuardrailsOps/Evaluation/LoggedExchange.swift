// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails

/// A prompt and its answer from a traffic log, one JSON object per line:
/// `{"prompt": "...", "response": "..."}`. `question` or `input` may stand for `prompt`, `answer` or
/// `output` for `response`; `reference` is optional; other fields (ids, timestamps) are ignored.
public struct LoggedExchange: Sendable, Hashable {
    /// The line number in the log, from 1.
    public var line: Int
    /// What the user asked.
    public var prompt: String
    /// What the model answered.
    public var response: String
    /// A known-good answer, if the log has one.
    public var reference: String?

    /// Creates an exchange.
    public init(line: Int, prompt: String, response: String, reference: String? = nil) {
        self.line = line
        self.prompt = prompt
        self.response = response
        self.reference = reference
    }

    /// Parses one log line.
    ///
    /// - Returns: The exchange, or why the line is not one.
    public static func parse(_ text: String, line: Int) -> Result<LoggedExchange, LogLineError> {
        guard let value = try? JSONValue.parse(text), let object = value.object else {
            return .failure(LogLineError(line: line, reason: "not a JSON object"))
        }
        func field(_ names: [String]) -> String? { names.lazy.compactMap { object[$0]?.string }.first }
        guard let prompt = field(["prompt", "question", "input"]) else {
            return .failure(LogLineError(line: line, reason: "no \"prompt\" (or \"question\", \"input\") string"))
        }
        guard let response = field(["response", "answer", "output"]) else {
            return .failure(LogLineError(line: line, reason: "no \"response\" (or \"answer\", \"output\") string"))
        }
        return .success(LoggedExchange(line: line, prompt: prompt, response: response, reference: field(["reference"])))
    }
}

/// A log line that is not an exchange.
public struct LogLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line number, from 1.
    public let line: Int
    /// What is wrong with it.
    public let reason: String

    /// Creates an error for line `line`.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// "line 17: not a JSON object".
    public var description: String { "line \(line): \(reason)" }
}

/// A uniform random sample of a stream of unknown length in bounded memory (reservoir sampling), with a
/// seeded generator so a run can be repeated.
public struct ReservoirSample<Element> {
    /// The sample so far, in stream order.
    public var elements: [Element] { kept.sorted { $0.index < $1.index }.map(\.element) }
    /// Elements offered so far.
    public private(set) var seen = 0
    /// The sample size.
    public let capacity: Int

    private var kept: [(index: Int, element: Element)] = []
    private var generator: SplitMix64

    /// Creates an empty sample of at most `capacity` elements.
    public init(capacity: Int, seed: UInt64) {
        self.capacity = max(0, capacity)
        self.generator = SplitMix64(seed: seed)
    }

    /// Offers the next element of the stream.
    public mutating func offer(_ element: Element) {
        defer { seen += 1 }
        if kept.count < capacity {
            kept.append((seen, element))
        } else if capacity > 0 {
            let slot = Int(generator.next() % UInt64(seen + 1))
            if slot < capacity { kept[slot] = (seen, element) }
        }
    }
}
