// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Testing

@testable import GuardrailsCLI

/// The `guardrails` command tree.
struct GuardrailsCommandTests {
    /// `command` and every command below it.
    private func tree(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap(tree)
    }

    @Test func everyCommandNamesItself() {
        // Parsing any command line builds the whole tree, and a command without a name gets one from
        // `String(describing:)` of its type, a walk of the conformance tables: naming the nine prompts
        // subcommands took a `guardrails filter` run on empty input from 211.3 M to 200.7 M instructions.
        let unnamed = tree(GuardrailsCommand.self).filter { $0.configuration.commandName == nil }
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed.map { "\($0)" })")
        #expect(tree(GuardrailsCommand.self).count == 16)
    }
}
