// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Encoders and decoders for hex and base64 text.
enum EncodedText {
    /// Lower-case hex digits of `bytes`: `[0x3f, 0x2a]` → `3f2a`.
    static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where in `text` each kind of blob can be: the runs of 16 or more base64 characters (`A–Z a–z 0–9 + / _
    /// -`) with both an upper-case and a lower-case letter in them, the only runs a base64 blob is kept
    /// from; and the runs of 24 or more of the characters a hex dump is written with (`0–9 A–F a–f`, space,
    /// `:`, `\`, `x`). Every blob lies inside a run of its kind, so the blob patterns run only there: most
    /// texts have none, and a text that has one is not scanned from end to end.
    static func blobRuns(in text: String) -> (base64: [Range<Int>], hex: [Range<Int>]) {
        UTF8Scalars.withBytes(of: text) { utf8 in
            runKinds.withUnsafeBufferPointer { kinds in
                let base64 = runs(of: 1, atLeast: 16, in: utf8, kinds) { mixesCases($0) }
                return (base64, runs(of: 2, atLeast: 24, in: utf8, kinds) { _ in true })
            }
        }
    }

    /// Whether `bytes` hold both an upper-case and a lower-case ASCII letter: what tells a base64 payload
    /// from a long word or a run of hex digits, which fit its alphabet too.
    static func mixesCases(_ bytes: some Sequence<UInt8>) -> Bool {
        var hasUpper = false
        var hasLower = false
        for byte in bytes {
            hasUpper = hasUpper || byte &- 0x41 < 26
            hasLower = hasLower || byte &- 0x61 < 26
            if hasUpper, hasLower { return true }
        }
        return false
    }

    /// The maximal runs of at least `length` bytes of `utf8` whose ``runKinds`` have bit `kind`, for which
    /// `accepts` holds, in order. Every such run covers one of the bytes `length` apart that the loop probes,
    /// so it reads a byte in `length` outside runs, and the runs around the probes.
    private static func runs(
        of kind: UInt8, atLeast length: Int, in utf8: UnsafeBufferPointer<UInt8>, _ kinds: UnsafeBufferPointer<UInt8>,
        where accepts: (UnsafeBufferPointer<UInt8>.SubSequence) -> Bool
    ) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var probe = length - 1
        while probe < utf8.count {
            guard kinds[Int(utf8[probe])] & kind != 0 else {
                probe += length
                continue
            }
            var start = probe
            while start > 0, kinds[Int(utf8[start - 1])] & kind != 0 { start -= 1 }
            var end = probe + 1
            while end < utf8.count, kinds[Int(utf8[end])] & kind != 0 { end += 1 }
            if end - start >= length, accepts(utf8[start..<end]) { found.append(start..<end) }
            // The next long run starts after `end`, a byte of another kind, and so covers `end + length`.
            probe = end + length
        }
        return found
    }

    /// Per byte: 1 when it is a base64 character, 2 when it can be part of a hex dump.
    private static let runKinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        let isBase64 = isAlphanumeric || byte == 0x2B || byte == 0x2F || byte == 0x5F || byte == 0x2D
        let lower = byte | 0x20
        let isHex = (0x30...0x39).contains(byte) || (0x61...0x66).contains(lower) || byte == 0x20 || byte == 0x3A
            || byte == 0x5C || lower == 0x78
        return (isBase64 ? 1 : 0) | (isHex ? 2 : 0)
    }

    /// Decodes standard or URL-safe base64 (padding optional); `nil` on any other character.
    static func base64(_ text: Substring) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case 0x41...0x5A: value = byte - 0x41
            case 0x61...0x7A: value = byte - 0x61 + 26
            case 0x30...0x39: value = byte - 0x30 + 52
            case 0x2B, 0x2D: value = 62  // + or -
            case 0x2F, 0x5F: value = 63  // / or _
            case 0x3D: continue  // padding
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }

    /// Decodes hex digits, ignoring `\x`, spaces, colons and `0x` prefixes; `nil` on an odd digit count.
    static func hex(_ text: Substring) -> [UInt8]? {
        var digits: [UInt8] = []
        var bytes = Array(text.utf8)
        if bytes.count >= 2, bytes[0] == 0x30, bytes[1] | 0x20 == 0x78 { bytes.removeFirst(2) }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5C, index + 1 < bytes.count, bytes[index + 1] | 0x20 == 0x78 {
                index += 2
                continue
            }
            switch byte {
            case 0x30...0x39: digits.append(byte - 0x30)
            case 0x41...0x46: digits.append(byte - 0x41 + 10)
            case 0x61...0x66: digits.append(byte - 0x61 + 10)
            case 0x20, 0x3A: break
            default: return nil
            }
            index += 1
        }
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    /// Decoded bytes as text when they are valid UTF-8 and mostly printable (not binary noise).
    static func readableText(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 8, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let scalars = text.unicodeScalars
        let printable = scalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }.count
        let letters = scalars.filter { $0.properties.isAlphabetic }.count
        guard printable * 100 >= scalars.count * 95, letters * 2 >= scalars.count else { return nil }
        return text
    }
}
