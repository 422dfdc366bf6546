// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A model call that failed.
public struct LanguageModelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// No answer within the configured timeout.
        case timedOut
        /// The provider answered with an HTTP error status.
        case httpStatus(Int)
        /// The answer was not the JSON the protocol defines.
        case malformedResponse
        /// The connection failed (refused, reset, DNS).
        case transport
        /// The client is configured wrongly, such as a missing API key.
        case configuration
        /// No recorded response matches the request.
        case noRecording
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence for people: what happened and, where it helps, what to do.
    public let message: String
    /// How many attempts were made, retries included.
    public let attempts: Int
    /// How long the provider asked the client to wait (its `Retry-After` header), if it said.
    public internal(set) var retryAfter: Duration?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, attempts: Int = 1) {
        self.kind = kind
        self.message = message
        self.attempts = attempts
    }

    /// Whether another attempt may succeed: timeouts, transport errors, 429 and 5xx.
    public var isRetryable: Bool {
        switch kind {
        case .timedOut, .transport: true
        case .httpStatus(let status): status == 429 || (500...599).contains(status)
        case .malformedResponse, .configuration, .noRecording: false
        }
    }

    /// The message, with the attempt count when there were retries.
    public var description: String {
        attempts > 1 ? "\(message) (after \(attempts) attempts)" : message
    }
}
