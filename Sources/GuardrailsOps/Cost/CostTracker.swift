// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
import Synchronization

/// Prices every model call, keeps the spending and enforces budgets, also under concurrency.
///
/// A call **reserves** its estimated cost before it runs and **settles** the real cost after. A
/// reservation counts against every budget it falls under until it is settled or released, so fifty
/// concurrent first requests cannot all see an empty budget and overrun it together:
///
/// ```swift
/// let tracker = try CostTracker(budgets: [Budget(.eachUser, .daily, limit: 0.50)],
///                               store: FileCostStore(url: ledgerURL))
/// let reservation = try tracker.reserve(model: "gpt-4o-mini", user: "u-17", estimatedUsage: estimate)
/// do {
///     let response = try await model.complete(request)
///     try tracker.settle(reservation, usage: response.usage)
/// } catch {
///     tracker.release(reservation)
///     throw error
/// }
/// ```
///
/// Settled spending goes to the ``CostStore`` after every call (by default a JSON file in the user's
/// state directory), so a restarted process keeps today's and this month's spending; reservations live
/// in memory only. Crossing an alert threshold of a budget
/// calls the alert handler once per budget, threshold and period.
public final class CostTracker: Sendable {
    /// A cost set aside for a call that is running.
    public struct Reservation: Sendable, Hashable {
        /// Identifies the reservation within its tracker.
        public let id: UInt64
        /// The model the call uses.
        public let model: String
        /// The user the call is for.
        public let user: String?
        /// The estimated cost set aside.
        public let estimate: Decimal
    }

    /// The prices calls are charged at.
    public let prices: PriceTable
    /// The budgets enforced.
    public let budgets: [Budget]

    private let store: any CostStore
    private let calendar: Calendar
    private let now: @Sendable () -> Date
    private let onAlert: @Sendable (BudgetAlert) -> Void
    private let state: Mutex<State>

    private struct State {
        var ledger: CostLedger
        var reservations: [UInt64: Reservation] = [:]
        var nextID: UInt64 = 1
    }

    /// Creates a tracker and loads the spending saved in `store`.
    ///
    /// - Parameters:
    ///   - prices: What each model costs. Defaults to ``PriceTable/bundledDefault``.
    ///   - budgets: Limits to enforce; none by default.
    ///   - store: Where settled spending is kept. Defaults to a file at
    ///     ``FileCostStore/defaultLocation(environment:)``, so a restarted process keeps today's spend;
    ///     pass ``InMemoryCostStore`` to keep nothing.
    ///   - timeZone: The time zone whose days and months budgets reset in. Defaults to UTC.
    ///   - now: The clock; tests pass a fixed one.
    ///   - onAlert: Called, outside the tracker's lock, when a budget crosses an alert threshold.
    /// - Throws: What `store.load()` throws, such as a ``StorageError`` for a corrupt file.
    public init(
        prices: PriceTable = .bundledDefault,
        budgets: [Budget] = [],
        store: any CostStore = FileCostStore(url: FileCostStore.defaultLocation()),
        timeZone: TimeZone = .gmt,
        now: @escaping @Sendable () -> Date = { Date() },
        onAlert: @escaping @Sendable (BudgetAlert) -> Void = { _ in }
    ) throws {
        self.prices = prices
        self.budgets = budgets
        self.store = store
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.now = now
        self.onAlert = onAlert
        self.state = Mutex(State(ledger: try store.load()))
    }

    /// Sets aside the estimated cost of a call, or refuses it.
    ///
    /// - Throws: ``BudgetExceededError`` when settled plus reserved spending plus this estimate would pass
    ///   the limit of any budget the call falls under (reaching the limit exactly is allowed), or
    ///   ``UnknownModelError`` when the model has no price.
    public func reserve(model: String, user: String?, estimatedUsage: TokenUsage) throws -> Reservation {
        let estimate = try prices.cost(of: estimatedUsage, model: model)
        let periods = currentPeriods()
        return try state.withLock { state in
            for budget in budgets where applies(budget, model: model, user: user) {
                let spent = spending(of: budget, user: user, periods: periods, in: state.ledger)
                let reserved = reservedAmount(of: budget, user: user, in: state.reservations)
                if spent + reserved + estimate > budget.limit {
                    throw BudgetExceededError(
                        budget: budget, user: budget.scope == .eachUser ? user : nil, spent: spent, reserved: reserved,
                        estimate: estimate)
                }
            }
            let reservation = Reservation(id: state.nextID, model: model, user: user, estimate: estimate)
            state.nextID += 1
            state.reservations[reservation.id] = reservation
            return reservation
        }
    }

    /// Replaces a reservation with the real cost of the call and saves the spending.
    ///
    /// The real cost is recorded even when it is above the estimate: it was spent.
    ///
    /// - Parameters:
    ///   - model: The model that answered, when it differs from the reserved one (a dated snapshot). A
    ///     name the price table cannot price is recorded under the reserved model.
    /// - Returns: The cost of the call.
    /// - Throws: ``UnknownModelError``, or what the store throws when saving; the spending is recorded in
    ///   memory either way.
    @discardableResult
    public func settle(_ reservation: Reservation, usage: TokenUsage, model: String? = nil) throws -> Decimal {
        let model = prices.price(for: model ?? "") == nil ? reservation.model : model ?? reservation.model
        defer { release(reservation) }
        return try record(usage: usage, model: model, user: reservation.user, releasing: reservation)
    }

    /// Frees a reservation whose call failed and cost nothing.
    public func release(_ reservation: Reservation) {
        _ = state.withLock { $0.reservations.removeValue(forKey: reservation.id) }
    }

    /// Records a call that was not reserved, such as one made before the tracker existed.
    @discardableResult
    public func record(usage: TokenUsage, model: String, user: String?) throws -> Decimal {
        try record(usage: usage, model: model, user: user, releasing: nil)
    }

    private func record(usage: TokenUsage, model: String, user: String?, releasing reservation: Reservation?) throws -> Decimal {
        let cost = try prices.cost(of: usage, model: model)
        let periods = currentPeriods()
        var alerts: [BudgetAlert] = []
        let saveError: (any Error)? = state.withLock { state in
            if let reservation { state.reservations[reservation.id] = nil }
            var day = state.ledger.days[periods.day] ?? CostLedger.Day()
            day.total += cost
            day.requests += 1
            day.tokens = day.tokens + usage
            day.byModel[model, default: 0] += cost
            if let user { day.byUser[user, default: 0] += cost }
            state.ledger.days[periods.day] = day
            for budget in budgets where applies(budget, model: model, user: user) {
                let spent = spending(of: budget, user: user, periods: periods, in: state.ledger)
                let period = budget.period == .daily ? periods.day : periods.month
                for threshold in budget.alertThresholds where spent >= budget.limit * Decimal(threshold) {
                    let subject = budget.scope == .eachUser ? user : nil
                    let key = "\(budget.name)|\(subject ?? "")|\(period)|\(threshold)"
                    guard state.ledger.sentAlerts.insert(key).inserted else { continue }
                    alerts.append(BudgetAlert(budget: budget, user: subject, threshold: threshold, spent: spent, period: period))
                }
            }
            do {
                try store.save(state.ledger)
                return nil
            } catch {
                return error
            }
        }
        alerts.forEach(onAlert)
        if let saveError { throw saveError }
        return cost
    }

    /// Settled spending of `budget` in the current period; for ``Budget/Scope/eachUser``, of `user`.
    public func spent(for budget: Budget, user: String? = nil) -> Decimal {
        let periods = currentPeriods()
        return state.withLock { spending(of: budget, user: user, periods: periods, in: $0.ledger) }
    }

    /// The most-used budget a call for `user` on `model` falls under, as evaluation context for the
    /// `budget` check: `budget_used` is settled plus reserved spending over the limit (`"0.9312"`), and
    /// `budget_name` names the budget. Empty when no budget applies.
    public func budgetContext(user: String?, model: String) -> [String: String] {
        let periods = currentPeriods()
        let mostUsed: (budget: Budget, used: Decimal)? = state.withLock { state in
            budgets.filter { applies($0, model: model, user: user) }.map { budget in
                let spent = spending(of: budget, user: user, periods: periods, in: state.ledger)
                let reserved = reservedAmount(of: budget, user: user, in: state.reservations)
                let used = budget.limit > 0 ? (spent + reserved) / budget.limit : 1
                return (budget, used)
            }.max { $0.used < $1.used }
        }
        guard let mostUsed else { return [:] }
        return [
            BudgetCheck.usedKey: mostUsed.used.rounded(scale: 4).description,
            BudgetCheck.nameKey: mostUsed.budget.name + (mostUsed.budget.scope == .eachUser ? " (user \(user ?? "-"))" : ""),
        ]
    }

    /// Spending so far: totals, by model, user and day, cost per request and this month's projection.
    public func report() -> CostReport {
        let date = now()
        let periods = currentPeriods(at: date)
        let ledger = state.withLock { $0.ledger }
        var report = CostReport(currency: prices.currency)
        for (key, day) in ledger.days {
            report.total += day.total
            report.requests += day.requests
            report.tokens = report.tokens + day.tokens
            report.byDay[key] = day.total
            for (model, cost) in day.byModel { report.byModel[model, default: 0] += cost }
            for (user, cost) in day.byUser { report.byUser[user, default: 0] += cost }
            if key.hasPrefix(periods.month) { report.monthToDate += day.total }
        }
        if let month = calendar.dateInterval(of: .month, for: date) {
            // At least an hour of history, so a few calls just after midnight on the 1st do not
            // project an absurd month.
            let elapsed = max(date.timeIntervalSince(month.start), 3600)
            report.monthlyProjection = (report.monthToDate * Decimal(month.duration) / Decimal(elapsed)).rounded(scale: 6)
        }
        return report
    }

    // MARK: - Periods and matching

    private func currentPeriods(at date: Date? = nil) -> (day: String, month: String) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date ?? now())
        let month = String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        return (String(format: "%@-%02d", month, parts.day ?? 0), month)
    }

    private func applies(_ budget: Budget, model: String, user: String?) -> Bool {
        switch budget.scope {
        case .total: true
        case .model(let name): isModel(model, under: name)
        case .user(let id): user == id
        case .eachUser: user != nil
        }
    }

    /// Whether `model` is `name` or a snapshot the price table prices as `name`.
    private func isModel(_ model: String, under name: String) -> Bool {
        model == name || prices.entryName(for: model) == name
    }

    /// What running calls have reserved against `budget`; for each-user budgets, `user`'s calls only.
    private func reservedAmount(of budget: Budget, user: String?, in reservations: [UInt64: Reservation]) -> Decimal {
        reservations.values
            .filter { applies(budget, model: $0.model, user: $0.user) && (budget.scope != .eachUser || $0.user == user) }
            .reduce(Decimal(0)) { $0 + $1.estimate }
    }

    private func spending(of budget: Budget, user: String?, periods: (day: String, month: String), in ledger: CostLedger) -> Decimal {
        let days = budget.period == .daily
            ? [ledger.days[periods.day]].compactMap { $0 }
            : ledger.days.filter { $0.key.hasPrefix(periods.month) }.map(\.value)
        return days.reduce(Decimal(0)) { sum, day in
            switch budget.scope {
            case .total: sum + day.total
            case .model(let name): sum + day.byModel.filter { isModel($0.key, under: name) }.values.reduce(0, +)
            case .user(let id): sum + (day.byUser[id] ?? 0)
            case .eachUser: sum + (user.flatMap { day.byUser[$0] } ?? 0)
            }
        }
    }
}

/// Spending so far, from ``CostTracker/report()``.
public struct CostReport: Sendable, Hashable {
    /// The currency of every amount.
    public var currency: String
    /// Everything spent.
    public var total: Decimal = 0
    /// Calls settled.
    public var requests = 0
    /// Tokens used.
    public var tokens = TokenUsage()
    /// Spending by model.
    public var byModel: [String: Decimal] = [:]
    /// Spending by user.
    public var byUser: [String: Decimal] = [:]
    /// Spending by day (`yyyy-MM-dd`).
    public var byDay: [String: Decimal] = [:]
    /// Spending in the current month.
    public var monthToDate: Decimal = 0
    /// The month's spending if it goes on at the rate so far.
    public var monthlyProjection: Decimal = 0

    init(currency: String) { self.currency = currency }

    /// The average cost of a call, or zero before the first.
    public var costPerRequest: Decimal {
        requests == 0 ? 0 : (total / Decimal(requests)).rounded(scale: 6)
    }
}

extension Decimal {
    /// Rounded half-up to `scale` decimal places.
    func rounded(scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
