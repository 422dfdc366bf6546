// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Sebastiano Vigna's SplitMix64: a small, fast generator whose output is the same on every platform
/// for a seed. For corpora, sampling and tests; not for anything secret.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`.
    package mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A uniform double in `0..<1`.
    package mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    package mutating func pick<Element>(_ elements: [Element]) -> Element { elements[below(elements.count)] }

    package mutating func token(_ length: Int, alphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")) -> String {
        String((0..<length).map { _ in alphabet[below(alphabet.count)] })
    }
}
