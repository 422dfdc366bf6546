// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Estimates how many tokens a BPE tokenizer (such as OpenAI's `cl100k_base`) makes of a text, in one
/// pass over its UTF-8 bytes, without a vocabulary.
///
/// The rules, modelled on how byte-pair encoders split text:
/// - a run of ASCII letters is one token per started 6 letters (`the` 1, `tokenizer` 2);
///   two-byte scalars (accented Latin, Greek, Cyrillic) count as letters in the run, 2 letters each;
/// - a run of digits is one token per started 3 digits;
/// - every other ASCII symbol is one token; spaces and tabs are free (they attach to the next word);
///   a run of line breaks is one token;
/// - every scalar of three UTF-8 bytes (CJK, Hangul, most symbols) is one token; four-byte scalars
///   (emoji) are two.
///
/// It is an estimate, good for budgets, not billing: expect English prose within about 15% of
/// `cl100k_base`, with code and non-Latin scripts less exact.
public enum TokenEstimator {
    /// The estimated token count of `text`.
    public static func count(_ text: String) -> Int { estimate(text, limit: .max).tokens }

    /// The estimate, and the UTF-8 offset of the first token past `limit` (`nil` when within it).
    static func estimate(_ text: String, limit: Int) -> (tokens: Int, overflowOffset: Int?) {
        var tokens = 0
        var overflowOffset: Int?
        var letters = 0  // letters in the current word run
        var digits = 0  // digits in the current number run
        var inBreaks = false
        var offset = 0

        func add(_ count: Int, at start: Int) {
            if overflowOffset == nil, tokens + count > limit { overflowOffset = start }
            tokens += count
        }
        for byte in text.utf8 {
            defer { offset += 1 }
            if UTF8Scalars.isContinuation(byte) { continue }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isTwoByteLead = byte & 0xE0 == 0xC0
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isBreak = byte == 0x0A || byte == 0x0D
            if isLetter || isTwoByteLead {
                let weight = isTwoByteLead ? 2 : 1
                if letters % 6 == 0 || (weight == 2 && letters % 6 == 5) { add(1, at: offset) }
                letters += weight
                digits = 0
                inBreaks = false
                continue
            }
            letters = 0
            if isDigit {
                if digits % 3 == 0 { add(1, at: offset) }
                digits += 1
                inBreaks = false
                continue
            }
            digits = 0
            if isBreak {
                if !inBreaks { add(1, at: offset) }
                inBreaks = true
                continue
            }
            inBreaks = false
            switch byte {
            case 0x20, 0x09: break
            case ..<0x80: add(1, at: offset)
            case 0xF0...: add(2, at: offset)
            default: add(1, at: offset)
            }
        }
        return (tokens, overflowOffset)
    }
}
