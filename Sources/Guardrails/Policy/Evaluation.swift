// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// One run of one chain over one subject. Holds the evaluation's mutable state.
struct Evaluation {
    let policy: Policy
    let chain: Chain
    let audit: Bool
    /// Called after each rule with its index in the chain, its time and its findings; profiles use it.
    var observeRule: ((_ index: Int, _ duration: Duration, _ findings: Int) -> Void)?

    func run(_ subject: Subject) -> Verdict {
        var subject = subject
        let clock = ContinuousClock()
        let started = clock.now
        var decision = Decision.allow
        var findings: [RuleFinding] = []
        var outcomes: [RuleOutcome] = []
        var redactions: [Redaction] = []
        var reported: [Finding] = []
        outcomes.reserveCapacity(chain.rules.count)
        var isStopped = false

        let rules = chain.rules
        for index in rules.indices {
            guard !isStopped else {
                outcomes.append(RuleOutcome(rule: rules[index].id, status: .notRun))
                continue
            }
            reported.removeAll(keepingCapacity: true)
            var fault: (any Error)?
            let ruleStarted = observeRule == nil ? nil : clock.now
            do {
                try rules[index].check.evaluate(subject, into: &reported)
            } catch {
                fault = error
            }
            if let observeRule, let ruleStarted { observeRule(index, clock.now - ruleStarted, reported.count) }
            guard !reported.isEmpty || fault != nil else {
                outcomes.append(RuleOutcome(rule: rules[index].id, status: .passed))
                continue
            }
            // Copied only when it found something: a copy of a rule costs seven reference counts, for every
            // rule of every text when each was copied.
            let rule = rules[index]
            // Findings reported before a fault still count.
            for finding in reported {
                findings.append(
                    RuleFinding(
                        rule: rule.id, action: rule.action, category: finding.category, span: finding.span,
                        message: rule.message ?? finding.message ?? "\(finding.category) found",
                        confidence: finding.confidence))
                if rule.action == .redact {
                    redactions.append(Redaction(span: finding.span, category: finding.category, style: rule.redaction))
                }
            }
            if !reported.isEmpty {
                subject.triggeredRules.append(rule.id)
                subject.triggeredCategories.append(contentsOf: reported.map(\.category))
                decision = max(decision, rule.action.decision)
                if rule.action == .block, !audit { isStopped = true }
            }
            if let fault {
                let message = "\(fault)"
                outcomes.append(RuleOutcome(rule: rule.id, status: .faulted(message: message)))
                if policy.settings.onError == .block {
                    findings.append(
                        RuleFinding(
                            rule: rule.id, action: .block, category: "guardrails.fault", span: Span(start: 0, end: 0),
                            message: "check '\(rule.checkName)' failed (on_error: block): \(message)"))
                    decision = .block
                    if !audit { isStopped = true }
                }
            } else {
                outcomes.append(
                    RuleOutcome(rule: rule.id, status: reported.isEmpty ? .passed : .triggered(findings: reported.count)))
            }
        }

        let text: String
        switch decision {
        case .block: text = ""
        case .redact: text = Redactor(hashKey: policy.settings.hashKey).apply(redactions, to: subject.text)
        case .allow, .annotate: text = subject.text
        }
        return Verdict(
            decision: decision, text: text, findings: findings, outcomes: outcomes, policy: policy.identity,
            direction: chain.direction, duration: clock.now - started)
    }
}
