// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A lower-cased "skeleton" of a text that obfuscation cannot hide in, with a map back to the original.
///
/// Built in one pass over the scalars, then optional passes over the bytes:
/// 1. **Invisible characters removed**: zero-width characters, soft hyphens, bidi controls, Unicode tag
///    characters (U+E0000 block), variation selectors and combining marks (so `ı̇gnore` → `ignore`).
/// 2. **Compatibility forms folded** (the part of NFKC that matters here): fullwidth ASCII, mathematical
///    alphanumerics (`𝐢𝐠𝐧𝐨𝐫𝐞`), circled and parenthesised letters, common ligatures; Latin letters with
///    diacritics lose them (`ïgnörë` → `ignore`).
/// 3. **Homoglyphs mapped**: Cyrillic and Greek letters that look Latin (`іgnоrе` with Cyrillic і, о, е).
/// 4. **Lower-cased**.
/// 5. `leet`: in a word that mixes letters with digits or symbols, `0 1 3 4 5 7 @ $ !` read as
///    `o i e a s t a s i` (`1gn0r3` → `ignore`; a lone `3` stays `3`).
/// 6. `collapsingSpacedLetters`: three or more single letters separated by single spaces, dots, dashes or
///    underscores join up (`i g n o r e` → `ignore`).
///
/// Every byte of ``text`` knows the original scalar it came from, so a match maps back to a ``Span`` of
/// the original text with ``originalSpan(of:)``.
struct NormalizedText {
    /// Passes beyond the base skeleton.
    struct Options: OptionSet, Sendable {
        let rawValue: Int
        static let leet = Options(rawValue: 1)
        static let collapsingSpacedLetters = Options(rawValue: 2)
    }

    /// The normalized text.
    let text: String
    /// Whether ``text`` is the original with ASCII letters lower-cased and nothing else changed (ASCII text
    /// without leetspeak or spaced letters): byte offsets then agree, and so do anchor scans, which fold
    /// ASCII case.
    let isASCIICaseFold: Bool
    /// For each byte of ``text``: the original UTF-8 offsets of the scalar it came from. Empty when every
    /// byte came from the byte at the same offset (ASCII text, spaced letters not joined).
    private let starts: [Int32]
    private let ends: [Int32]
    private let keepsOffsets: Bool

    init(_ original: String, options: Options = []) {
        let isASCII = UTF8Scalars.isASCII(original)
        keepsOffsets = isASCII && !options.contains(.collapsingSpacedLetters)
        if keepsOffsets {
            // The common case, in one buffer: the string's own storage, folded and read for leet in place.
            var readLeet = false
            let count = original.utf8.count
            text = String(unsafeUninitializedCapacity: count) { buffer in
                UTF8Scalars.withBytes(of: original) { Self.foldASCII($0, into: buffer) }
                readLeet = options.contains(.leet) && Self.applyLeet(buffer)
                return count
            }
            isASCIICaseFold = !readLeet
            starts = []
            ends = []
            return
        }
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        if isASCII {  // spaced letters will be joined: each byte keeps its own offset until then
            Self.foldASCII(original, &bytes)
            starts = (0..<bytes.count).map { Int32(truncatingIfNeeded: $0) }
            ends = (0..<bytes.count).map { Int32(truncatingIfNeeded: $0 &+ 1) }
        } else {
            Self.fold(original, &bytes, &starts, &ends)
        }
        if options.contains(.leet) { _ = bytes.withUnsafeMutableBufferPointer { Self.applyLeet($0) } }
        if options.contains(.collapsingSpacedLetters) { Self.collapseSpacedLetters(&bytes, &starts, &ends) }
        self.isASCIICaseFold = false
        self.text = String(decoding: bytes, as: UTF8.self)
        self.starts = starts
        self.ends = ends
    }

    /// Pure ASCII (most text): invisible characters, look-alikes and compatibility forms are all outside
    /// ASCII, so the skeleton is the lower-cased bytes, one for one.
    private static func foldASCII(_ original: String, _ bytes: inout [UInt8]) {
        let count = original.utf8.count
        bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            UTF8Scalars.withBytes(of: original) { foldASCII($0, into: buffer) }
            initialized = count
        }
    }

    /// Writes the bytes of `utf8` (ASCII) to `buffer`, as long, with ASCII letters lower-cased.
    private static func foldASCII(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        for index in 0..<utf8.count { buffer[index] = UTF8Scalars.lowercased(utf8[index]) }
    }

    /// Any text: scalar by scalar.
    private static func fold(_ original: String, _ bytes: inout [UInt8], _ starts: inout [Int32], _ ends: inout [Int32]) {
        bytes.reserveCapacity(original.utf8.count)
        starts.reserveCapacity(original.utf8.count)
        ends.reserveCapacity(original.utf8.count)
        var offset = 0
        for scalar in original.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            if Self.isInvisible(scalar) { continue }
            let start = Int32(offset)
            let end = Int32(offset + width)
            if let ascii = Self.fold(scalar) {
                bytes.append(ascii)
                starts.append(start)
                ends.append(end)
                continue
            }
            for lowered in scalar.properties.lowercaseMapping.utf8 {
                bytes.append(lowered)
                starts.append(start)
                ends.append(end)
            }
        }
    }

    /// The span of the original text that produced `span` of ``text``.
    func originalSpan(of span: Span) -> Span {
        if keepsOffsets {
            let count = text.utf8.count
            return Span(start: min(span.start, count), end: min(span.end, count))
        }
        guard !starts.isEmpty else { return Span(start: 0, end: 0) }
        if span.isEmpty {
            let position = span.start < starts.count ? Int(starts[span.start]) : Int(ends[ends.count - 1])
            return Span(start: position, end: position)
        }
        return Span(start: Int(starts[span.start]), end: Int(ends[min(span.end, ends.count) - 1]))
    }

    // MARK: - Scalar classes

    /// Characters that render as nothing and are used to break up or hide words.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F: true  // zero-width, bidi, invisible operators
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: true  // variation selectors
        case 0xE0000...0xE007F: true  // tag characters
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true  // combining marks
        default: false
        }
    }

    /// The lower-case ASCII letter or digit a scalar stands for, when it is a compatibility form,
    /// an accented Latin letter or a Latin look-alike.
    static func fold(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return UInt8(value + 0x20)
        case 0x00...0x7F: return UInt8(value)
        case 0xFF01...0xFF5E:  // fullwidth ASCII
            return fold(Unicode.Scalar(value - 0xFEE0)!)
        case 0x1D400...0x1D6A3:  // mathematical alphanumeric letters: blocks of 52 (A–Z, a–z)
            return UInt8(0x61 + (value - 0x1D400) % 52 % 26)
        case 0x1D7CE...0x1D7FF:  // mathematical digits: blocks of 10
            return UInt8(0x30 + (value - 0x1D7CE) % 10)
        case 0x24B6...0x24CF: return UInt8(0x61 + value - 0x24B6)  // Ⓐ–Ⓩ
        case 0x24D0...0x24E9: return UInt8(0x61 + value - 0x24D0)  // ⓐ–ⓩ
        case 0x249C...0x24B5: return UInt8(0x61 + value - 0x249C)  // ⒜–⒵
        case 0x1F130...0x1F149: return UInt8(0x61 + value - 0x1F130)  // 🄰–🅉
        case 0x1F150...0x1F169: return UInt8(0x61 + value - 0x1F150)  // 🅐–🅩
        case 0x1F170...0x1F189: return UInt8(0x61 + value - 0x1F170)  // 🅰–🆉
        case 0x1F1E6...0x1F1FF: return UInt8(0x61 + value - 0x1F1E6)  // regional indicators 🇦–🇿
        default: return lookAlikes[value]
        }
    }

    /// Accented Latin letters, and Cyrillic, Greek and other letters that look like Latin ones.
    private static let lookAlikes: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåāăąǎȁȃȧạảấầẩẫậắằẳẵặаɑαάᴀ", "a"), ("ÀÁÂÃÄÅĀĂĄǍȀȂȦẠẢẤẦẨẪẬẮẰẲẴẶАΑΆ", "a"),
            ("ƀḃḅḇьвʙβ", "b"), ("ḂḄḆВΒ", "b"),
            ("çćĉċčсϲᴄ", "c"), ("ÇĆĈĊČСϹ", "c"),
            ("ďđḋḍḏḑḓԁ", "d"), ("ĎĐḊḌḎḐḒ", "d"),
            ("èéêëēĕėęěȅȇȩẹẻẽếềểễệеєεέᴇ", "e"), ("ÈÉÊËĒĔĖĘĚȄȆȨẸẺẼẾỀỂỄỆЕЄΕΈ", "e"),
            ("ḟƒ", "f"), ("Ḟ", "f"),
            ("ĝğġģǧǵḡɡ", "g"), ("ĜĞĠĢǦǴḠ", "g"),
            ("ĥħȟḣḥḧḩḫһ", "h"), ("ĤĦȞḢḤḦḨḪНΗ", "h"),
            ("ìíîïĩīĭįıǐȉȋḭḯỉịіїιίϊɪ", "i"), ("ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊІЇΙΊΪӀ", "i"),
            ("ĵǰјϳ", "j"), ("ĴЈ", "j"),
            ("ķǩḱḳḵκк", "k"), ("ĶǨḰḲḴΚК", "k"),
            ("ĺļľŀłḷḹḻḽ", "l"), ("ĹĻĽĿŁḶḸḺḼ", "l"),
            ("ḿṁṃм", "m"), ("ḾṀṂМΜ", "m"),
            ("ñńņňŉǹṅṇṉṋ", "n"), ("ÑŃŅŇǸṄṆṈṊΝ", "n"),
            ("òóôõöøōŏőơǒǫȍȏȯọỏốồổỗộớờởỡợоοόσᴏ", "o"), ("ÒÓÔÕÖØŌŎŐƠǑǪȌȎȮỌỎỐỒỔỖỘỚỜỞỠỢОΟΌ", "o"),
            ("ṕṗрρ", "p"), ("ṔṖРΡ", "p"),
            ("ԛ", "q"),
            ("ŕŗřȑȓṙṛṝṟг", "r"), ("ŔŖŘȐȒṘṚṜṞ", "r"),
            ("śŝşšșṡṣṥṧṩѕ", "s"), ("ŚŜŞŠȘṠṢṤṦṨЅ", "s"),
            ("ţťŧțṫṭṯṱтτ", "t"), ("ŢŤŦȚṪṬṮṰТΤ", "t"),
            ("ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựυύϋц", "u"), ("ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖỤỦỨỪỬỮỰ", "u"),
            ("ṽṿνѵ", "v"), ("ṼṾѴ", "v"),
            ("ŵẁẃẅẇẉѡԝ", "w"), ("ŴẀẂẄẆẈԜ", "w"),
            ("ẋẍхχ", "x"), ("ẊẌХΧ", "x"),
            ("ýÿŷȳẏỳỵỷỹуүγ", "y"), ("ÝŶŸȲẎỲỴỶỸУҮΥ", "y"),
            ("źżžẑẓẕ", "z"), ("ŹŻŽẐẒẔΖ", "z"),
            ("ß", "s"), ("æ", "a"), ("œ", "o"), ("ĳ", "i"), ("ﬀﬁﬂﬃﬄ", "f"),
        ]
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = ascii.asciiValue! }
        }
        return table
    }()

    // MARK: - Byte passes

    private static func isLetter(_ byte: UInt8) -> Bool { letterBit(byte) != 0 }

    /// The letter each leet character reads as, by byte; 0 for bytes that are not leet.
    private static let leetMap: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (leet, letter) in zip(Array("013457@$!".utf8), Array("oieastasi".utf8)) { table[Int(leet)] = letter }
        return table
    }()

    /// By byte: 1 for `a–z`, 2 for a leet character, 0 for anything else.
    private static let wordClasses: [UInt8] = (0...255).map { byte in
        isLetter(UInt8(byte)) ? 1 : leetMap[byte] != 0 ? 2 : 0
    }

    /// Maps leet characters inside words that also contain letters; returns whether any was.
    ///
    /// A word is a run of letters and leet characters. Only a word with a leet character can change, and
    /// most text has few: blocks of bytes without one are passed over by a vectorised test.
    private static func applyLeet(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let leetMap = Self.leetMap  // read once: each access to a static goes through swift_once
        let classes = Self.wordClasses
        var changed = false
        classes.withUnsafeBufferPointer { classes in
            let count = bytes.count
            var read = 0  // the bytes before this are read: they belong to words already looked at
            var block = 0
            while block < count {
                let blockEnd = min(block &+ leetBlockLength, count)
                defer { block = blockEnd }
                guard mayHoldLeet(base + block, count: blockEnd &- block) else { continue }
                var position = max(block, read)
                while position < blockEnd {
                    defer { position = max(position &+ 1, read) }
                    guard classes[Int(bytes[position])] == 2 else { continue }
                    var start = position
                    while start > read, classes[Int(bytes[start &- 1])] != 0 { start &-= 1 }
                    read = readLeet(in: bytes, wordAt: start, classes, leetMap, changed: &changed)
                }
            }
        }
        return changed
    }

    /// Bytes that ``mayHoldLeet(_:count:)`` tests at once.
    private static let leetBlockLength = 32

    /// Whether any of the `count` bytes at `bytes` may be a leet character: a test without branches that
    /// the compiler vectorises, true for every leet character (and for the digits 2 and 6).
    @inline(__always)
    private static func mayHoldLeet(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var found: UInt8 = 0
        for index in 0..<count {
            let byte = bytes[index]
            found |= (byte &- 0x30 < 8 ? 1 : 0) | (byte == 0x21 ? 1 : 0) | (byte == 0x24 ? 1 : 0)
                | (byte == 0x40 ? 1 : 0)
        }
        return found != 0
    }

    /// Reads the word that starts at `start` for leet, maps it when it holds letters too, and returns where
    /// the next word starts: after it, or at the `!`s that end it, which are punctuation, not i's.
    private static func readLeet(
        in bytes: UnsafeMutableBufferPointer<UInt8>, wordAt start: Int, _ classes: UnsafeBufferPointer<UInt8>,
        _ leetMap: [UInt8], changed: inout Bool
    ) -> Int {
        var end = start
        var letters = 0
        var leet = 0
        while end < bytes.count {
            let kind = classes[Int(bytes[end])]
            guard kind != 0 else { break }
            if kind == 1 { letters &+= 1 } else { leet &+= 1 }
            end &+= 1
        }
        while end > start + 1, bytes[end - 1] == 0x21 {
            end -= 1
            leet -= 1
        }
        // "h3ll0", "1gn0r3" and "d0" read as words; "4" and "2024" (no letter) do not.
        if letters >= 1, leet >= 1 {
            for position in start..<end where classes[Int(bytes[position])] == 2 {
                bytes[position] = leetMap[Int(bytes[position])]
            }
            changed = true
        }
        return end
    }

    /// Whether the normalized text has a run that ``Options/collapsingSpacedLetters`` would join:
    /// three single letters with the same separator between them.
    var hasSpacedLetters: Bool {
        UTF8Scalars.withBytes(of: text, Self.hasSpacedLetters)
    }

    private static func hasSpacedLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 5, let base = bytes.baseAddress else { return false }
        // `l s l s l` with single letters l and one separator s. The first and the last start have no byte
        // before or after them and get a test of their own; the ones between are tested a block at a time.
        if startsSpacedLetters(base, at: 0, count: count) || startsSpacedLetters(base, at: count &- 5, count: count) {
            return true
        }
        var block = 1
        while block < count &- 5 {
            let blockEnd = min(block &+ spacedBlockLength, count &- 5)
            if anyStartsSpacedLetters(base, from: block, to: blockEnd) { return true }
            block = blockEnd
        }
        return false
    }

    /// Starts that ``anyStartsSpacedLetters(_:from:to:)`` tests at once.
    private static let spacedBlockLength = 32

    /// Whether a run of spaced letters starts at `index` (`0 ≤ index ≤ count − 5`).
    private static func startsSpacedLetters(_ bytes: UnsafePointer<UInt8>, at index: Int, count: Int) -> Bool {
        let separator = bytes[index &+ 1]
        return isSeparator(separator) && isLetter(bytes[index]) && (index == 0 || !isLetter(bytes[index &- 1]))
            && bytes[index &+ 3] == separator && isLetter(bytes[index &+ 2]) && isLetter(bytes[index &+ 4])
            && (index &+ 5 == count || !isLetter(bytes[index &+ 5]))
    }

    /// Whether a run of spaced letters starts anywhere in `start..<end` (`start ≥ 1`, `end + 5 ≤ count`): the
    /// test of ``startsSpacedLetters(_:at:count:)``, without branches so that the compiler vectorises it.
    @inline(__always)
    private static func anyStartsSpacedLetters(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var found: UInt8 = 0
        for index in start..<end {
            let separator = bytes[index &+ 1]
            found |= letterBit(bytes[index]) & ~letterBit(bytes[index &- 1]) & separatorBit(separator)
                & (bytes[index &+ 3] == separator ? 1 : 0) & letterBit(bytes[index &+ 2]) & letterBit(bytes[index &+ 4])
                & ~letterBit(bytes[index &+ 5])
        }
        return found & 1 != 0
    }

    /// 1 for `a–z`, 0 for any other byte.
    @inline(__always)
    private static func letterBit(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? 1 : 0 }

    /// 1 for a byte that separates spaced-out letters (space, dot, dash, underscore), 0 for any other.
    @inline(__always)
    private static func separatorBit(_ byte: UInt8) -> UInt8 {
        (byte == 0x20 ? 1 : 0) | (byte == 0x2E ? 1 : 0) | (byte == 0x2D ? 1 : 0) | (byte == 0x5F ? 1 : 0)
    }

    private static func isSeparator(_ byte: UInt8) -> Bool { separatorBit(byte) != 0 }

    /// Joins runs of three or more single letters separated by one space, dot, dash or underscore.
    private static func collapseSpacedLetters(_ bytes: inout [UInt8], _ starts: inout [Int32], _ ends: inout [Int32]) {
        var keep = [Bool](repeating: true, count: bytes.count)
        var index = 0
        while index + 1 < bytes.count {
            // A run starts at a single letter (no letter before or after it) followed by a separator.
            let separator = bytes[index + 1]
            guard isLetter(bytes[index]), index == 0 || !isLetter(bytes[index - 1]), isSeparator(separator) else {
                index += 1
                continue
            }
            var last = index  // the last letter of the run
            var count = 1
            while last + 2 < bytes.count, bytes[last + 1] == separator, isLetter(bytes[last + 2]),
                last + 3 == bytes.count || !isLetter(bytes[last + 3])
            {
                last += 2
                count += 1
            }
            if count >= 3 {
                for position in stride(from: index + 1, to: last, by: 2) { keep[position] = false }
            }
            index = last + 1
        }
        guard keep.contains(false) else { return }
        var kept = 0
        for position in 0..<bytes.count where keep[position] {
            bytes[kept] = bytes[position]
            starts[kept] = starts[position]
            ends[kept] = ends[position]
            kept += 1
        }
        bytes.removeLast(bytes.count - kept)
        starts.removeLast(starts.count - kept)
        ends.removeLast(ends.count - kept)
    }
}
