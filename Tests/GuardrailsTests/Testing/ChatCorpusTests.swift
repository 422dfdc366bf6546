// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import GuardrailsTesting
import Testing

struct ChatCorpusTests {
    @Test func theSameSeedGivesTheSameRecords() {
        #expect(ChatCorpus(seed: 5).records(50) == ChatCorpus(seed: 5).records(50))
        #expect(ChatCorpus(seed: 5).records(50) != ChatCorpus(seed: 6).records(50))
    }

    @Test func recordsAreRealisticallySizedAndCarrySensitiveItems() {
        let records = ChatCorpus().records(2_000)
        let sizes = records.map(\.text.utf8.count).sorted()
        #expect(sizes.first! >= 200 && sizes.last! <= 8_192 + 400)
        #expect((800...1_400).contains(sizes[sizes.count / 2]), "median \(sizes[sizes.count / 2])")
        let withEmail = records.filter { $0.text.contains("@") }.count
        #expect(withEmail > 20 && withEmail < 1_000)
        #expect(Set(records.map(\.direction)) == [.input, .output])
    }

    @Test func fixedSizeTextsNeverExceedTheirSize() {
        for size in [256, 4_096, 65_536, 1_048_576] {
            let text = ChatCorpus(seed: 7).text(bytes: size)
            #expect(text.utf8.count <= size && text.utf8.count > size - 200)
        }
    }

    @Test func theAllowedPromptIsAllowedAndAboutTheSizeAsked() throws {
        let prompt = ChatCorpus.allowedPrompt(bytes: 4_096)
        #expect((4_000...4_096).contains(prompt.utf8.count))
        let verdict = try Policy.bundledDefault().evaluate(prompt)
        #expect(verdict.decision == .allow && verdict.findings.isEmpty)
    }
}
