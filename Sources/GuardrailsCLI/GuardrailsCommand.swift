// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation

/// `guardrails`: run guardrail policies from the shell.
@main
struct GuardrailsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guardrails",
        abstract: "Check and redact LLM prompts and answers with guardrail policies.",
        discussion: """
            Exit status, like grep: 0 success (nothing was blocked), 1 something was blocked, refused or \
            failed (a blocked record, a refused promotion, a failing test case, a crossed threshold), 2 an \
            error (bad arguments, an invalid policy or suite, unreadable or malformed input). Each \
            command's --help gives its details.
            """,
        subcommands: [FilterCommand.self, ProfileCommand.self, PromptsCommand.self, TestCommand.self, EvalCommand.self, RAGEvalCommand.self]
    )

    /// Parses and runs, mapping every failure to exit status 2 (argument-parser's usage errors would be 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)  // --help and --version
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.error.rawValue)
        }
    }
}

/// The process exit statuses, as documented in `--help`.
enum ExitStatus: Int32 {
    /// Nothing was blocked.
    case clean = 0
    /// At least one text was blocked.
    case blocked = 1
    /// Something went wrong: arguments, policy or input.
    case error = 2
}
