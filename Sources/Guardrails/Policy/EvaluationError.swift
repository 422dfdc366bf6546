// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Input that a policy refuses to evaluate at all.
public enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input is larger than the policy's `max_input_bytes`.
    case inputTooLarge(utf8Count: Int, limit: Int)
    /// The input bytes are not valid UTF-8; `byteOffset` is where the first invalid sequence starts.
    case invalidUTF8(byteOffset: Int)

    /// A stable snake_case code for machine-readable output: `input_too_large`, `invalid_utf8`.
    public var code: String {
        switch self {
        case .inputTooLarge: "input_too_large"
        case .invalidUTF8: "invalid_utf8"
        }
    }

    /// A plain-English message that says how to fix it.
    public var description: String {
        switch self {
        case .inputTooLarge(let count, let limit):
            "input is \(count) bytes, over max_input_bytes (\(limit)); split it, or raise settings.max_input_bytes"
        case .invalidUTF8(let offset):
            "input is not valid UTF-8 (first invalid byte at offset \(offset)); convert it to UTF-8 first"
        }
    }
}
