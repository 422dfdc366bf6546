// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Testing
import Yams

@testable import Guardrails

struct SchemaTagTests {
    /// What the default resolver names `text` as a plain scalar, with the tags rule files do not use
    /// (timestamp, merge, value) read as strings, as ``Yams/Node/schemaTag`` reads them.
    private func defaultTag(_ text: String) -> Yams.Tag.Name {
        asRuleFilesUseIt(Resolver.default.resolveTag(of: Node(text)))
    }

    private func asRuleFilesUseIt(_ name: Yams.Tag.Name) -> Yams.Tag.Name {
        [.null, .bool, .int, .float].contains(name) ? name : .str
    }

    private func schemaTag(_ text: String) -> Yams.Tag.Name {
        Node.scalar(.init(text, Yams.Tag(.implicit, .basic), .plain)).schemaTag
    }

    @Test func plainScalarsReadAsTheDefaultResolverReadsThem() {
        let known = [
            "yes", "No", "TRUE", "off", "On", "oN", "y", "~", "", "null", "NULL", "nULL", "0", "-0", "+7", "007",
            "0o17", "0o", "0b101", "0b", "0x1F", "0xg", "1_000", "1:20", "1:60", "190:20:30", "1:2:", "1.5", "1.",
            ".5", "-.5", ".5e-3", ".5e3", "1e5", "1E+5", "1e", "6.8523015e+5", "190:20:30.15", "1:20.", ".inf",
            "-.Inf", "+.INF", ".iNf", ".nan", "-.nan", ".NaN", "2001-12-14", "<<", "=", "1 000", "12ab", "Infinity",
            "_1", "1__",
        ]
        for text in known {
            #expect(schemaTag(text) == defaultTag(text), "\(text.debugDescription)")
        }
    }

    /// Every string of up to three characters over the characters the resolver's rules use, and longer
    /// strings drawn from them: wherever a hand-written rule strayed from the expression, some would differ.
    @Test func everyShortStringOfTheRulesCharactersReadsAlike() {
        let alphabet = Array("0159_+-.:eExbonfNa~yT ")
        var texts = [""]
        var previous = [""]
        for _ in 1...3 {
            previous = previous.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += previous
        }
        var generator = SplitMix64(seed: 5)
        let numeric = Array("0123456789_+-.:eE")
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 9) + 4
            texts.append(String((0..<length).map { _ in numeric[Int(generator.next() % UInt64(numeric.count))] }))
        }
        let differing = texts.filter { schemaTag($0) != defaultTag($0) }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(Set(texts.map(schemaTag)).count == 5, "the strings cover every tag")
    }

    @Test func quotedAndTaggedScalarsKeepTheirTags() throws {
        let yaml = #"[yes, 'yes', "7", !!str yes, !!int '7', ! 7, !!float 1, ~, 0x1F, .inf, 2001-12-14, <<, text]"#
        let composed = try #require(try Yams.compose(yaml: yaml, .basic)?.sequence)
        let resolved = try #require(try Yams.compose(yaml: yaml)?.sequence)
        #expect(composed.map(\.schemaTag) == resolved.map { asRuleFilesUseIt(.init(rawValue: $0.tag.rawValue)) })
        #expect(composed.map(\.schemaTag).prefix(7) == [.bool, .str, .str, .str, .int, .str, .float])
    }
}
