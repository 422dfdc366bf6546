// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Crypto

/// One span to replace, with what decides its replacement.
struct Redaction: Sendable, Hashable {
    var span: Span
    var category: String
    var style: RedactionStyle
}

/// Merges redaction spans and applies them in one pass over the original text.
///
/// Overlapping spans merge into one; the merged span keeps the category and style of the span that
/// starts first (on a tie, the longer one, then the earlier rule). Spans are widened to Unicode
/// scalar boundaries, so a redaction never splits a scalar.
struct Redactor {
    /// The HMAC key for ``RedactionStyle/hash``. The loader guarantees one when a rule uses `hash`.
    let hashKey: [UInt8]?

    func apply(_ redactions: [Redaction], to text: String) -> String {
        guard !redactions.isEmpty else { return text }
        let utf8 = Array(text.utf8)
        let merged = Self.merge(redactions, in: utf8)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var cursor = 0
        for redaction in merged {
            output.append(contentsOf: utf8[cursor..<redaction.span.start])
            let original = String(decoding: utf8[redaction.span.range], as: UTF8.self)
            output.append(contentsOf: replacement(for: original, redaction: redaction).utf8)
            cursor = redaction.span.end
        }
        output.append(contentsOf: utf8[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    static func merge(_ redactions: [Redaction], in utf8: [UInt8]) -> [Redaction] {
        let aligned = redactions.enumerated().map { order, redaction in
            var redaction = redaction
            redaction.span = Span(
                start: UTF8Scalars.scalarStart(in: utf8, atOrBefore: redaction.span.start),
                end: UTF8Scalars.scalarEnd(in: utf8, atOrAfter: min(redaction.span.end, utf8.count)))
            return (order, redaction)
        }
        .sorted { lhs, rhs in
            let (l, r) = (lhs.1.span, rhs.1.span)
            if l.start != r.start { return l.start < r.start }
            if l.end != r.end { return l.end > r.end }
            return lhs.0 < rhs.0
        }
        var merged: [Redaction] = []
        for (_, redaction) in aligned where !redaction.span.isEmpty {
            if let last = merged.last, redaction.span.start < last.span.end {
                merged[merged.count - 1].span.end = max(last.span.end, redaction.span.end)
            } else {
                merged.append(redaction)
            }
        }
        return merged
    }

    func replacement(for original: String, redaction: Redaction) -> String {
        let label = Self.label(for: redaction.category)
        switch redaction.style {
        case .remove:
            return ""
        case .tag:
            return "[\(label)]"
        case .mask:
            return String(repeating: "*", count: original.count)
        case .partial:
            let kept = original.suffix(original.count > 4 ? 4 : 0)
            return String(repeating: "*", count: original.count - kept.count) + kept
        case .hash:
            let key = SymmetricKey(data: hashKey ?? [])
            let mac = HMAC<SHA256>.authenticationCode(for: Array(original.utf8), using: key)
            return "<\(label):\(EncodedText.hexString(mac.prefix(4)))>"
        }
    }

    /// `pii.email` → `EMAIL`; `secret.aws_access_key` → `AWS_ACCESS_KEY`.
    static func label(for category: String) -> String {
        let last = category.split(separator: ".").last ?? category[...]
        guard !last.isEmpty else { return "REDACTED" }
        // Byte by byte for ASCII, the usual case: `Character`'s case mapping and properties cost a Unicode
        // lookup each, and were most of what redacting a text cost.
        if last.hasOneCharacterPerByte {
            return String(
                decoding: last.utf8.map { byte in
                    if byte &- 0x61 < 26 { return byte - 0x20 }
                    return byte &- 0x41 < 26 || byte &- 0x30 < 10 ? byte : UInt8(ascii: "_")
                }, as: UTF8.self)
        }
        return String(last.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
