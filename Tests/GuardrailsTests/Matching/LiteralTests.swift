// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Testing

@testable import Guardrails

struct LiteralTests {
    @Test func literalsAreEqualOnlyWhenTheirBytesAre() {
        let long = Literal(Array("ignore all previous".utf8))
        #expect(long == Literal(Array("ignore all previous".utf8)))
        // Differences past the first eight bytes, which hashing mixes in, and in length alone.
        #expect(long != Literal(Array("ignore all previouz".utf8)))
        #expect(Literal([0x61]) != Literal([0x61, 0x00]))
        #expect(
            Set([
                long, Literal(Array("ignore all previous".utf8)),
                Literal(Array("ignore all previouz".utf8)),
            ]).count == 2)
    }

    @Test func appendingStopsAtTheLimit() {
        let head = Literal(Array("wipe".utf8))
        #expect(head.appending(Literal(Array("out".utf8))).bytes == Array("wipeout".utf8))
        #expect(head.appending(Literal(Array("out".utf8)), upTo: 5).bytes == Array("wipeo".utf8))
        #expect(Literal(Array("xyz".utf8)).droppingFirst().bytes == Array("yz".utf8))
        #expect(Literal().droppingFirst().isEmpty)
    }

    @Test func aLiteralHoldsTheLongestAnalysedStringWithItsMarker() {
        let longest =
            [LiteralAnchors.Node.wordStartMarker]
            + Array(repeating: UInt8(ascii: "a"), count: LiteralAnchors.Node.maximumLiteralLength)
        #expect(longest.count <= Literal.capacity)
        #expect(Literal(longest).bytes == longest)
    }
}
