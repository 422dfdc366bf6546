// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Testing

@testable import GuardrailsCLI

struct JSONStringBytesTests {
    /// Bytes a JSON string holds as they are, next to each byte it escapes, and UTF-8's high bytes.
    private static let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xFF, 0x61]
    private static let escaped: [UInt8] = [0x00, 0x0A, 0x1F, 0x22, 0x5C]

    private func firstToEscape(_ bytes: [UInt8], from start: Int = 0) -> Int {
        bytes.withUnsafeBufferPointer { JSONStringBytes.firstToEscape(in: $0, from: start) }
    }

    @Test func textWithoutBytesToEscapeIsReadToTheEnd() {
        for length in 0...40 {
            let bytes = (0..<length).map { Self.plain[$0 % Self.plain.count] }
            #expect(firstToEscape(bytes) == length, "length \(length)")
        }
    }

    @Test(arguments: escaped)
    func everyByteToEscapeIsFoundAtEveryOffset(_ byte: UInt8) {
        for length in 1...40 {
            for position in 0..<length {
                var bytes = (0..<length).map { Self.plain[($0 + position) % Self.plain.count] }
                bytes[position] = byte
                #expect(firstToEscape(bytes) == position, "byte \(byte) at \(position) of \(length)")
                #expect(firstToEscape(bytes, from: position + 1) == length, "past it, byte \(byte)")
            }
        }
    }

    @Test func theFirstOfSeveralIsFoundFromWhereTheSearchStarts() {
        var bytes = [UInt8](repeating: 0x61, count: 30)
        bytes[3] = 0x22
        bytes[11] = 0x5C
        bytes[12] = 0x0A
        #expect(firstToEscape(bytes) == 3)
        #expect(firstToEscape(bytes, from: 4) == 11)
        #expect(firstToEscape(bytes, from: 12) == 12)
        #expect(firstToEscape(bytes, from: 13) == 30)
    }
}
