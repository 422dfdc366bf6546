// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A loaded set of guardrails: an input chain, an output chain and their settings.
///
/// A policy is immutable once loaded and `Sendable`: load it once at start-up and evaluate it from
/// as many tasks as you like.
///
/// ```swift
/// let policy = try Policy.load(contentsOf: URL(filePath: "policies/default.yaml"))
/// let verdict = try policy.evaluate("My email is jane@corp.com", direction: .input)
/// if verdict.isBlocked { return refuse(verdict.blockingFinding?.message) }
/// send(verdict.text)   // "My email is [EMAIL]"
/// ```
public struct Policy: Sendable {
    /// The `policy:` name.
    public let name: String
    /// The `description:`, if any.
    public let summary: String?
    /// Policy-wide settings.
    public let settings: PolicySettings
    /// Rules for text going to the model.
    public let input: Chain
    /// Rules for text coming from the model.
    public let output: Chain
    /// The `examples:` of the rule files, in file order.
    public let examples: [PolicyExample]
    /// Name and content hash of the sources, reported in every verdict.
    public let identity: PolicyIdentity
    /// The rule files the policy was loaded from, included files first, as the loader was given them.
    public let sourceFiles: [String]
    /// One anchor pass per text for the patterns of both chains.
    let prefilter: Prefilter
    /// Scratch memory reused from one evaluation to the next.
    let scratchPool: ScratchPool

    /// Creates a policy from chains built in code.
    ///
    /// Most policies come from rule files through ``load(contentsOf:registry:environment:)``.
    public init(
        name: String,
        summary: String? = nil,
        settings: PolicySettings = PolicySettings(),
        input: [Rule] = [],
        output: [Rule] = [],
        examples: [PolicyExample] = [],
        digest: String = "",
        sourceFiles: [String] = []
    ) {
        self.sourceFiles = sourceFiles
        self.name = name
        self.summary = summary
        self.settings = settings
        self.input = Chain(direction: .input, rules: input)
        self.output = Chain(direction: .output, rules: output)
        self.examples = examples
        self.identity = PolicyIdentity(name: name, digest: digest)
        self.prefilter = Prefilter(patterns: (input + output).flatMap(\.check.patterns))
        self.scratchPool = ScratchPool(prefilter: prefilter)
    }

    /// The chain for `direction`.
    public func chain(for direction: Direction) -> Chain {
        switch direction {
        case .input: input
        case .output: output
        }
    }
}

// MARK: - Evaluation

extension Policy {
    /// Evaluates `text` against the chain for `direction`.
    ///
    /// Rules run in chain order, each against the original text. The first rule whose action is
    /// ``Action/block`` ends the evaluation unless auditing. Redaction spans of all rules merge and are
    /// applied once at the end, so every span in the verdict refers to `text`. Annotations change nothing.
    ///
    /// - Parameters:
    ///   - text: The text to check.
    ///   - direction: Which chain to run. Defaults to ``Direction/input``.
    ///   - context: Values checks may read, such as a canary token. Empty by default.
    ///   - audit: Run every rule even after a block; `nil` (the default) uses the policy's `audit` setting.
    /// - Returns: The decision, the text to pass on and every finding.
    /// - Throws: ``EvaluationError/inputTooLarge(utf8Count:limit:)`` over `max_input_bytes`.
    public func evaluate(
        _ text: String,
        direction: Direction = .input,
        context: [String: String] = [:],
        audit: Bool? = nil
    ) throws(EvaluationError) -> Verdict {
        let count = text.utf8.count
        guard count <= settings.maxInputBytes else {
            throw .inputTooLarge(utf8Count: count, limit: settings.maxInputBytes)
        }
        let scratch = scratchPool.take()
        defer { scratchPool.give(scratch) }
        return evaluate(text, direction: direction, context: context, audit: audit, scratch: scratch)
    }

    /// Evaluates with the given scratch: tests pass one without a prefilter to compare the two.
    func evaluate(
        _ text: String, direction: Direction, context: [String: String], audit: Bool?, scratch: MatchScratch
    ) -> Verdict {
        var text = text
        text.makeContiguousUTF8()  // every check then reads the bytes in place
        return Evaluation(policy: self, chain: chain(for: direction), audit: audit ?? settings.audit)
            .run(Subject(text: text, direction: direction, context: context, scratch: scratch))
    }

    /// Evaluates UTF-8 bytes, rejecting invalid UTF-8 instead of guessing.
    ///
    /// - Throws: ``EvaluationError/invalidUTF8(byteOffset:)`` with the offset of the first invalid
    ///   sequence, or ``EvaluationError/inputTooLarge(utf8Count:limit:)``.
    public func evaluate(
        utf8 bytes: some Collection<UInt8>,
        direction: Direction = .input,
        context: [String: String] = [:],
        audit: Bool? = nil
    ) throws(EvaluationError) -> Verdict {
        guard bytes.count <= settings.maxInputBytes else {
            throw .inputTooLarge(utf8Count: bytes.count, limit: settings.maxInputBytes)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidUTF8(byteOffset: UTF8Validation.firstInvalidOffset(in: bytes) ?? 0)
        }
        return try evaluate(text, direction: direction, context: context, audit: audit)
    }
}

/// Finds where UTF-8 validation fails, for error messages. Only called on the failure path.
enum UTF8Validation {
    static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
