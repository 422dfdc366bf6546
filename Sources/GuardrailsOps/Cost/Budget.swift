// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation

/// A spending limit for a day or a month, for everything, one model, one user or each user.
///
/// ```swift
/// let budgets = [
///     Budget(.total, .monthly, limit: 500),
///     Budget(.model("gpt-4o"), .daily, limit: 20),
///     Budget(.eachUser, .daily, limit: 0.50, alertAt: [0.8, 1.0]),
/// ]
/// ```
public struct Budget: Sendable, Hashable {
    /// Which spending a budget counts.
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
        /// Every call.
        case total
        /// Calls to one model and its dated snapshots (matched as ``PriceTable/entryName(for:)`` does).
        case model(String)
        /// Calls for one user.
        case user(String)
        /// Every user separately, each with the full limit.
        case eachUser

        /// "total", "model gpt-4o", "user u-17", "each user".
        public var description: String {
            switch self {
            case .total: "total"
            case .model(let name): "model \(name)"
            case .user(let id): "user \(id)"
            case .eachUser: "each user"
            }
        }
    }

    /// The period a budget resets after.
    public enum Period: String, Sendable, Hashable {
        /// A calendar day in the tracker's time zone.
        case daily
        /// A calendar month in the tracker's time zone.
        case monthly
    }

    /// Which spending counts.
    public var scope: Scope
    /// When it resets.
    public var period: Period
    /// The most that may be spent in one period, in the price table's currency.
    public var limit: Decimal
    /// Fractions of the limit at which an alert is sent, once per period each.
    public var alertThresholds: [Double]

    /// Creates a budget that alerts at 80% and 100% unless told otherwise.
    public init(_ scope: Scope, _ period: Period, limit: Decimal, alertAt alertThresholds: [Double] = [0.8, 1.0]) {
        self.scope = scope
        self.period = period
        self.limit = limit
        self.alertThresholds = alertThresholds.sorted()
    }

    /// "daily budget for user u-17".
    public var name: String { "\(period.rawValue) budget for \(scope)" }
}

/// A threshold of a budget was crossed by settled spending.
public struct BudgetAlert: Sendable, Hashable {
    /// The budget.
    public let budget: Budget
    /// The user, for ``Budget/Scope/eachUser`` budgets.
    public let user: String?
    /// The fraction of the limit that was crossed, such as `0.8`.
    public let threshold: Double
    /// What the period has spent so far.
    public let spent: Decimal
    /// The period it happened in: `2026-11-25` or `2026-11`.
    public let period: String
}

/// A call was refused because it could take a budget over its limit.
public struct BudgetExceededError: Error, Sendable, CustomStringConvertible {
    /// The budget that refused.
    public let budget: Budget
    /// The user, for ``Budget/Scope/eachUser`` budgets.
    public let user: String?
    /// Settled spending in the current period.
    public let spent: Decimal
    /// Spending reserved by calls still running.
    public let reserved: Decimal
    /// The estimated cost of the refused call.
    public let estimate: Decimal

    /// "daily budget for each user (user u-1): 0.48 spent + 0.01 reserved + 0.02 estimated exceeds the limit 0.5".
    public var description: String {
        "\(budget.name)\(user.map { " (user \($0))" } ?? ""): \(spent) spent + \(reserved) reserved + \(estimate) "
            + "estimated exceeds the limit \(budget.limit)"
    }
}
