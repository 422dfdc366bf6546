// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// How a redacting rule replaces what it found: the rule's `redact:` key.
///
/// Given the finding `jane@corp.com` with category `pii.email`:
///
/// | style | output |
/// |---|---|
/// | `tag` (default) | `[EMAIL]`: the last component of the category, upper-cased |
/// | `mask` | `*************`: one `*` per character |
/// | `partial` | `*********.com`: all but the last 4 characters masked |
/// | `hash` | `<EMAIL:3f2a1c9e>`: the first 8 hex digits of HMAC-SHA256 of the text, under the policy's hash key |
/// | `remove` | nothing: the span is deleted (the default for `invisible_text`) |
///
/// `hash` is stable for one key, so the same value redacts to the same token across requests and the
/// tokens can be joined in logs, but not reversed without the key.
public enum RedactionStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// `[EMAIL]`.
    case tag
    /// One `*` per character.
    case mask
    /// All but the last four characters masked.
    case partial
    /// `<EMAIL:3f2a1c9e>`, a short keyed hash.
    case hash
    /// The span is deleted.
    case remove
}
