// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Finds characters that render as nothing and can hide instructions from a human reviewer.
///
/// ```yaml
/// - id: hidden-text
///   check: invisible_text
///   action: redact          # removes them (redact: remove is this check's default)
/// ```
///
/// Reports runs of zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), Unicode tag characters (U+E0000–U+E007F, which can spell
/// out a whole hidden ASCII message) and other invisible formatting characters. Legitimate uses pass:
/// a zero-width joiner inside an emoji sequence (👩‍💻), tag characters in a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿), a
/// byte-order mark at the very start. A run that spells text in tag characters says what it hides.
public struct InvisibleTextCheck: Check {
    public static let description = CheckDescription(
        id: "invisible_text",
        summary: "Finds zero-width, bidi-control and Unicode tag characters that hide text",
        options: [],
        passingExamples: [
            CheckExample("a developer 👩‍💻 and a flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿"),
            CheckExample("plain text"),
        ],
        failingExamples: [
            CheckExample("pass⟦\u{200B}⟧word"),
            CheckExample("amount ⟦\u{202E}⟧0001⟦\u{202C}⟧ due"),
            CheckExample("hello⟦\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}⟧"),
        ],
        defaultRedaction: .remove
    )

    public init(options: CheckOptions) throws(CheckOptionsError) {}

    public func evaluate(_ subject: Subject, into findings: inout [Finding]) throws {
        guard !UTF8Scalars.isASCII(subject.text) else { return }  // every hiding character is beyond ASCII
        var offset = 0
        var previous: Unicode.Scalar?
        var run: (start: Int, end: Int, hidden: String)?
        var inFlagTags = false
        let scalars = Array(subject.text.unicodeScalars)
        func flush() {
            guard let current = run else { return }
            let message = current.hidden.isEmpty ? "invisible characters" : "hidden text: '\(current.hidden)'"
            findings.append(Finding(category: "invisible_text", span: Span(start: current.start, end: current.end), message: message))
            run = nil
        }
        for (index, scalar) in scalars.enumerated() {
            let width = UTF8.width(scalar)
            defer {
                offset += width
                previous = scalar
            }
            let value = scalar.value
            if value == 0x1F3F4 { inFlagTags = true }
            let isTag = (0xE0000...0xE007F).contains(value)
            if !isTag, value != 0x1F3F4 { inFlagTags = false }
            guard Self.isHiding(scalar) else {
                flush()
                continue
            }
            if isTag, inFlagTags { continue }  // 🏴 + tag letters + U+E007F: a subdivision flag
            if value == 0x200D, let before = previous, index + 1 < scalars.count,
                before.properties.isEmojiPresentation || before.properties.isEmoji && before.value > 0xFF,
                scalars[index + 1].properties.isEmoji
            {
                continue  // a zero-width joiner inside an emoji sequence
            }
            if value == 0xFEFF, offset == 0 { continue }  // a byte-order mark at the start
            if run == nil { run = (offset, offset, "") }
            run!.end = offset + width
            if isTag, (0xE0020...0xE007E).contains(value), let ascii = Unicode.Scalar(value - 0xE0000) {
                run!.hidden.unicodeScalars.append(ascii)
            }
        }
        flush()
    }

    /// Invisible characters that have no business in ordinary prose.
    static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: true
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFFA0: true
        case 0xE0000...0xE007F: true
        default: false
        }
    }
}
