// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CPCRE2

/// A regular expression that PCRE2 could not compile.
public struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PCRE2's error code (a positive compile error number).
    public let code: Int32
    /// PCRE2's own explanation, e.g. "missing closing parenthesis".
    public let message: String
    /// The pattern that failed.
    public let pattern: String
    /// UTF-8 byte offset inside ``pattern`` where PCRE2 detected the error (0-based).
    public let utf8Offset: Int

    init(code: Int32, pattern: String, utf8Offset: Int) {
        self.code = code
        self.message = PCRE2Message.text(for: code)
        self.pattern = pattern
        self.utf8Offset = utf8Offset
    }

    /// "invalid regex at offset 3: missing closing parenthesis".
    public var description: String { "invalid regex at offset \(utf8Offset): \(message)" }
}

/// A match that stopped before it finished: a limit was hit or PCRE2 reported an internal error.
public struct MatchFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// PCRE2's (negative) error code.
    public let code: Int32
    /// PCRE2's own explanation, e.g. "match limit exceeded".
    public let message: String
    /// The pattern that was running.
    public let pattern: String
    /// UTF-8 byte offset in the subject where the failing match attempt started.
    public let utf8Offset: Int

    init(code: Int32, pattern: String, utf8Offset: Int) {
        self.code = code
        self.message = PCRE2Message.text(for: code)
        self.pattern = pattern
        self.utf8Offset = utf8Offset
    }

    /// Whether a configured ``MatchLimits`` value (or the JIT stack) stopped the match.
    public var isLimit: Bool {
        [PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT]
            .contains(code)
    }

    /// "match limit exceeded in /(a+)+$/ at byte 0".
    public var description: String { "\(message) in /\(pattern)/ at byte \(utf8Offset)" }
}

enum PCRE2Message {
    static func text(for code: Int32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            let length = pcre2_get_error_message_8(code, buffer.baseAddress, buffer.count)
            guard length > 0 else { return "PCRE2 error \(code)" }
            return String(decoding: buffer[..<Int(length)], as: UTF8.self)
        }
    }
}
