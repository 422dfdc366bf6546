// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// One entry of a chain: a configured check and what to do when it finds something.
public struct Rule: Sendable {
    /// Unique within the policy; appears in every finding the rule reports.
    public let id: String
    /// The registered name of the check, e.g. `pattern`.
    public let checkName: String
    /// The check, built once from the rule's options.
    public let check: any Check
    /// What the rule does with findings.
    public let action: Action
    /// How findings are replaced when ``action`` is ``Action/redact``. Defaults to ``RedactionStyle/tag``.
    public let redaction: RedactionStyle
    /// Replaces the check's own message in the verdict, when set.
    public let message: String?
    /// Where the rule is defined, when it came from a rule file.
    public let location: PolicyLocation?
    /// The check options as written in the rule file (empty for rules built in code).
    public let options: [String: OptionValue]
    /// Where each option's value is, by key: one location per list item for lists, else the value's.
    let optionLocations: [String: [PolicyLocation]]

    /// Creates a rule around an already-built check.
    public init(
        id: String,
        check: any Check,
        action: Action,
        redaction: RedactionStyle = .tag,
        message: String? = nil,
        location: PolicyLocation? = nil
    ) {
        self.init(
            id: id, check: check, action: action, redaction: redaction, message: message, location: location,
            options: [:], optionLocations: [:])
    }

    init(
        id: String,
        check: any Check,
        action: Action,
        redaction: RedactionStyle,
        message: String?,
        location: PolicyLocation?,
        options: [String: OptionValue],
        optionLocations: [String: [PolicyLocation]]
    ) {
        self.options = options
        self.optionLocations = optionLocations
        self.id = id
        self.checkName = type(of: check).description.id
        self.check = check
        self.action = action
        self.redaction = redaction
        self.message = message
        self.location = location
    }
}

/// The ordered rules that apply to one ``Direction``.
public struct Chain: Sendable {
    /// The direction this chain checks.
    public let direction: Direction
    /// Rules in evaluation order.
    public let rules: [Rule]

    /// Creates a chain.
    public init(direction: Direction, rules: [Rule]) {
        self.direction = direction
        self.rules = rules
    }
}
