// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// Settled spending, by day: what a ``CostStore`` keeps so that a restarted process knows today's spend.
public struct CostLedger: Sendable, Hashable, Codable {
    /// One day's spending.
    public struct Day: Sendable, Hashable, Codable {
        /// Everything spent.
        public var total: Decimal = 0
        /// Calls settled.
        public var requests = 0
        /// Tokens used.
        public var tokens = TokenUsage()
        /// Spending by model, as the calls named it.
        public var byModel: [String: Decimal] = [:]
        /// Spending by user; calls without a user are not listed.
        public var byUser: [String: Decimal] = [:]

        /// An empty day.
        public init() {}
    }

    /// Days by their date, `yyyy-MM-dd` in the tracker's time zone.
    public var days: [String: Day]
    /// Alerts already sent, so that a restart does not send them again.
    public var sentAlerts: Set<String>

    /// An empty ledger.
    public init(days: [String: Day] = [:], sentAlerts: Set<String> = []) {
        self.days = days
        self.sentAlerts = sentAlerts
    }
}

/// Where a ``CostTracker`` keeps its ledger.
///
/// The tracker calls ``save(_:)`` after every settled call, under its lock, so a store sees saves in
/// order. Processes that share budgets need a store they share, such as a database.
public protocol CostStore: Sendable {
    /// The ledger saved last, or an empty one.
    func load() throws -> CostLedger
    /// Replaces the saved ledger.
    func save(_ ledger: CostLedger) throws
}

/// Keeps the ledger in memory only: spending is forgotten when the process ends.
public struct InMemoryCostStore: CostStore {
    /// Creates a store.
    public init() {}
    /// An empty ledger.
    public func load() throws -> CostLedger { CostLedger() }
    /// Does nothing.
    public func save(_ ledger: CostLedger) throws {}
}

/// Keeps the ledger in a JSON file, replaced atomically on every save.
public struct FileCostStore: CostStore {
    /// The file.
    public let url: URL

    /// Creates a store at `url`; the file is created on the first save.
    public init(url: URL) { self.url = url }

    /// Where a ``CostTracker`` keeps its ledger unless told otherwise: `$GUARDRAILS_COST_LEDGER` when set,
    /// else `guardrails/costs.json` in `$XDG_STATE_HOME` (by default `~/.local/state`), the place for
    /// state that must outlive a restart.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["GUARDRAILS_COST_LEDGER"], !path.isEmpty { return URL(filePath: path) }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(filePath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appending(path: ".local/state")
        return state.appending(path: "guardrails/costs.json")
    }

    /// Reads the file; a missing file is an empty ledger.
    ///
    /// - Throws: ``StorageError`` naming the file when it exists but is not a ledger. The file is left
    ///   as it is, so nothing already recorded is lost by a later save.
    public func load() throws -> CostLedger {
        guard FileManager.default.fileExists(atPath: url.path) else { return CostLedger() }
        do {
            return try JSONDecoder().decode(CostLedger.self, from: Data(contentsOf: url))
        } catch {
            throw StorageError(
                "'\(url.path)' is not a cost ledger (\(DecodingProblem(error))); fix or move it, then start again")
        }
    }

    /// Writes the file atomically.
    public func save(_ ledger: CostLedger) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(ledger), to: url)
    }
}
