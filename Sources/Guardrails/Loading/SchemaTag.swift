// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Yams

extension Node {
    /// The node's tag as Yams' default resolver names it, read without its regular expressions.
    ///
    /// Rule files are composed with `Resolver.basic`, which leaves every plain scalar a string. This reads
    /// a plain scalar's type the way `Resolver.default` does (YAML 1.1: `yes` and `off` are booleans,
    /// `0x1F` and `1_000` integers, `~` is null), for the four types rule files use: null, bool, int and
    /// float; anything else is a string. The default resolver compiles seven ICU regular expressions on
    /// its first use, about a tenth of what a process' first policy load costs.
    var schemaTag: Tag.Name {
        guard case .scalar(let scalar) = self else { return Tag.Name(rawValue: tag.rawValue) }
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .implicit: return PlainScalar(scalar.string).tag
        case .nonSpecific: return .str  // `! text`
        case let explicit: return explicit  // quoted (`str`), or tagged: `!!int 7`
        }
    }
}

/// The text of a plain scalar, matched against the default resolver's rules in their order.
private struct PlainScalar {
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var tag: Tag.Name {
        if isBool { return .bool }
        if isInt { return .int }
        if isFloat { return .float }
        if isNull { return .null }
        return .str
    }

    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private var isBool: Bool { bytes.count <= 5 && Self.boolWords.contains(String(decoding: bytes, as: UTF8.self)) }

    private var isNull: Bool {
        bytes.isEmpty || bytes == [UInt8(ascii: "~")]
            || ["null", "Null", "NULL"].contains { bytes.elementsEqual($0.utf8) }
    }

    /// `[-+]?0b[0-1_]+`, `[-+]?0o?[0-7_]+`, `[-+]?(?:0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+` or
    /// `[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`.
    private var isInt: Bool {
        let start = signed(0)
        return whole(start) { reader in
            reader.take("0") && reader.take("b") && reader.some(Self.isBinary)
        } || whole(start) { reader in
            reader.take("0") && (reader.take("o") || true) && reader.some(Self.isOctal)
        } || whole(start) { reader in
            reader.take("0") || (reader.one(Self.isNonZero) && reader.any(Self.isDecimal))
        } || whole(start) { reader in
            reader.take("0") && reader.take("x") && reader.some(Self.isHex)
        } || whole(start) { reader in
            reader.one(Self.isNonZero) && reader.any(Self.isDecimal) && reader.sexagesimal()
        }
    }

    /// `[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?`, `\.[0-9_]+(?:[eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(?:inf|Inf|INF)` or `\.(?:nan|NaN|NAN)`.
    private var isFloat: Bool {
        let start = signed(0)
        return whole(start) { reader in
            guard reader.one(Self.isDigit) else { return false }
            _ = reader.any(Self.isDecimal)
            if reader.take(".") { _ = reader.any(Self.isDecimal) }
            return reader.exponent(signRequired: false)
        } || whole(0) { reader in
            reader.take(".") && reader.some(Self.isDecimal) && reader.exponent(signRequired: true)
        } || whole(start) { reader in
            reader.one(Self.isDigit) && reader.any(Self.isDecimal) && reader.sexagesimal() && reader.take(".")
                && reader.any(Self.isDecimal)
        } || whole(start) { reader in
            reader.take(".") && reader.word(["inf", "Inf", "INF"])
        } || whole(0) { reader in
            reader.take(".") && reader.word(["nan", "NaN", "NAN"])
        }
    }

    /// Where the text starts after an optional `+` or `-` at `index`.
    private func signed(_ index: Int) -> Int {
        guard index < bytes.count else { return index }
        return bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") ? index + 1 : index
    }

    /// Whether `match`, reading from `start`, succeeds and stops at the end of the text.
    private func whole(_ start: Int, _ match: (inout Reader) -> Bool) -> Bool {
        var reader = Reader(bytes: bytes, index: start)
        return match(&reader) && reader.index == bytes.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    private static func isDecimal(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }
    private static func isNonZero(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "1") < 9 }
    private static func isBinary(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 2 || byte == UInt8(ascii: "_") }
    private static func isOctal(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 8 || byte == UInt8(ascii: "_") }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDecimal(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// A greedy reader over the text. The rules need no backtracking: each repetition is followed by
    /// something its class cannot match.
    private struct Reader {
        let bytes: [UInt8]
        var index: Int

        /// Reads `character` when it is next.
        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        /// Reads one byte of `member`.
        mutating func one(_ member: (UInt8) -> Bool) -> Bool {
            guard index < bytes.count, member(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// Reads bytes of `member` for as long as there are; always succeeds.
        mutating func any(_ member: (UInt8) -> Bool) -> Bool {
            while index < bytes.count, member(bytes[index]) { index += 1 }
            return true
        }

        /// Reads one byte of `member` or more.
        mutating func some(_ member: (UInt8) -> Bool) -> Bool {
            one(member) && any(member)
        }

        /// Reads one of `words`.
        mutating func word(_ words: [String]) -> Bool {
            for word in words where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return true
            }
            return false
        }

        /// `(?::[0-5]?[0-9])+`: one group or more.
        mutating func sexagesimal() -> Bool {
            var groups = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                let saved = index
                index += 1
                // `[0-5]?[0-9]`: one digit, or two with the first 0–5.
                guard one(PlainScalar.isDigit) else {
                    index = saved
                    break
                }
                if index < bytes.count, PlainScalar.isDigit(bytes[index]), bytes[index - 1] <= UInt8(ascii: "5") {
                    index += 1
                }
                groups += 1
            }
            return groups > 0
        }

        /// `(?:[eE][-+]?[0-9]+)?`, or with the sign required; succeeds when there is no exponent.
        mutating func exponent(signRequired: Bool) -> Bool {
            guard index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") else { return true }
            let saved = index
            index += 1
            let hasSign = take("+") || take("-")
            guard hasSign || !signRequired, some(PlainScalar.isDigit) else {
                index = saved
                return true
            }
            return true
        }
    }
}
