// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Reads the records filter input nearly always holds: one JSON object whose values are strings,
/// integers, `true`, `false` or `null`. It gives up (`nil`) on everything else — nested values, fractions
/// and exponents, surrogate escapes, a key given twice, malformed JSON — and ``FilterRecord/parse(_:)`` then
/// reads the line with `JSONSerialization`, which also explains what is wrong with it. Decoding a record
/// this way costs a pass over its bytes, where `JSONSerialization` was about a tenth of a filter run.
enum FlatRecordReader {
    /// The object's fields, or `nil` when the line is not such an object. `line` must be valid UTF-8.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> [String: FilterRecord.FieldValue]? {
        var reader = Cursor(bytes: line)
        var fields: [String: FilterRecord.FieldValue] = [:]
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipWhitespace()
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                reader.skipWhitespace()
                guard let key = reader.string() else { return nil }
                reader.skipWhitespace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipWhitespace()
                guard let value = reader.value(), fields.updateValue(value, forKey: key) == nil else { return nil }
                reader.skipWhitespace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        reader.skipWhitespace()
        return reader.isAtEnd ? fields : nil
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        mutating func take(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard offset + length <= bytes.count else { return false }
            for index in 0..<length where bytes[offset + index] != word.utf8Start[index] { return false }
            offset += length
            return true
        }

        mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0A, 0x0D: offset += 1
                default: return
                }
            }
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        mutating func value() -> FilterRecord.FieldValue? {
            guard offset < bytes.count else { return nil }
            switch bytes[offset] {
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map { .integer($0) }
            case UInt8(ascii: "n"): return take("null") ? .null : nil
            case UInt8(ascii: "t"): return take("true") ? .other : nil
            case UInt8(ascii: "f"): return take("false") ? .other : nil
            default: return nil
            }
        }

        /// An integer of at most 15 digits in JSON's syntax (no leading zero), not followed by a fraction or
        /// an exponent.
        mutating func integer() -> Int? {
            let start = offset
            _ = take(UInt8(ascii: "-"))
            let digitsStart = offset
            while offset < bytes.count, bytes[offset] &- 0x30 < 10 { offset += 1 }
            let digits = offset - digitsStart
            guard digits >= 1, digits <= 15, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else { return nil }
            if offset < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
                return nil
            }
            return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
        }

        /// A string with JSON's escapes; `nil` for a control character, a surrogate escape or no closing quote.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var decoded: [UInt8] = []
            var runStart = offset
            while true {
                offset = JSONStringBytes.firstToEscape(in: bytes, from: offset)
                guard offset < bytes.count else { return nil }
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<offset])
                    offset += 1
                    // Without escapes the string is the run itself, decoded without a copy in between.
                    guard !decoded.isEmpty else { return String(decoding: run, as: UTF8.self) }
                    decoded.append(contentsOf: run)
                    return String(decoding: decoded, as: UTF8.self)
                }
                guard byte >= 0x20 else { return nil }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                offset += 1
                guard offset < bytes.count else { return nil }
                let escaped = bytes[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count else { return nil }
                    var value: UInt32 = 0
                    for byte in bytes[offset..<(offset + 4)] {
                        guard let digit = Self.hexValue(byte) else { return nil }
                        value = value << 4 | digit
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }  // a surrogate: needs a pair
                    decoded.append(contentsOf: String(scalar).utf8)
                    offset += 4
                default: return nil
                }
                runStart = offset
            }
        }
    }
}
