// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails
import GuardrailsOps

/// `guardrails prompts`: the prompt registry from the shell.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts",
        abstract: "Version prompt templates and configurations; promote, roll back, export, diff, run experiments.",
        discussion: """
            The registry is a directory (default ./prompts) of plain files you can review in git: \
            index.json (versions, hashes, active version per environment, audit log), one file per \
            version (templates/NAME/vN.txt, configs/NAME/vN.yaml) and feedback.jsonl. Every change takes a \
            file lock and replaces index.json atomically, so several processes can share a registry.

            Promotion checks a template against the policy of the target environment: POLICY-DIR/ENV.yaml \
            when it exists (default policy dir ./policies), otherwise the bundled default policy. A \
            template the policy blocks is not promoted (exit 1).

            Examples:
              guardrails prompts register reply reply.txt --meta owner=support
              guardrails prompts promote reply 2 --to prod --reason "ticket 412"
              guardrails prompts rollback reply --env prod --reason "tone"
              guardrails prompts diff reply 1 2
              guardrails prompts experiment reply --promote-winner --to prod

            Exit status: 0 done, 1 refused (blocked by policy, no significant winner), 2 an error.
            """,
        subcommands: [
            List.self, Show.self, Register.self, Promote.self, Rollback.self, Export.self, Diff.self, Feedback.self,
            Experiment.self,
        ]
    )

    /// Options every subcommand shares.
    struct RegistryOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("The registry directory.", valueName: "dir"))
        var registry = "prompts"

        @Option(name: .long, help: ArgumentHelp("Environments, comma-separated, in promotion order.", valueName: "list"))
        var environments = "dev,staging,prod"

        @Option(name: .long, help: ArgumentHelp("Who the change is attributed to. Default: $USER.", valueName: "name"))
        var by: String?

        @Option(name: .long, help: ArgumentHelp("Why, for the audit log.", valueName: "text"))
        var reason: String?

        func open(policies: [String: Policy] = [:]) -> PromptRegistry {
            PromptRegistry(
                directory: URL(filePath: registry), environments: environmentList, policies: policies, actor: by)
        }

        var environmentList: [String] { environments.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List entries with their versions and active version per environment.")
        @OptionGroup var options: RegistryOptions

        func run() throws {
            let registry = options.open()
            let names = try registry.names()
            guard !names.isEmpty else { return print("no entries in \(options.registry)") }
            for name in names {
                let versions = try registry.versions(of: name)
                let active = try registry.activeVersions(of: name)
                let environments = options.environmentList.map { "\($0)=\(active[$0].map { "v\($0)" } ?? "-")" }
                print("\(name)  \(versions.first?.kind.rawValue ?? "")  v1…v\(versions.count)  " + environments.joined(separator: " "))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a version's metadata and content (default: the latest).")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Option(name: .long, help: "The version.") var version: Int?
        @Option(name: .long, help: "Show the version active in this environment.") var env: String?

        func run() throws {
            let registry = options.open()
            let shown: PromptVersion
            if let env {
                guard let active = try registry.active(name, in: env) else {
                    throw ValidationError("\(name) has no active version in \(env)")
                }
                shown = active
            } else if let version {
                shown = try registry.version(version, of: name)
            } else {
                shown = try registry.versions(of: name).last!
            }
            print("\(shown.name) v\(shown.version) \(shown.kind.rawValue) \(shown.hash)")
            print("created \(ISO8601DateFormatter().string(from: shown.createdAt)) by \(shown.createdBy)")
            for (key, value) in shown.metadata.sorted(by: { $0.key < $1.key }) { print("\(key): \(value)") }
            if shown.kind == .template, !shown.template.placeholders.isEmpty {
                print("placeholders: " + shown.template.placeholders.map { "{\($0)}" }.joined(separator: ", "))
            }
            print("---")
            print(shown.content, terminator: shown.content.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Register a new version from a file (or - for stdin); identical content creates no version.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry: lower-case letters, digits, '-', '_', '.'.") var name: String
        @Argument(help: ArgumentHelp("The template or configuration file, or - for stdin.", valueName: "file")) var file: String
        @Option(name: .long, help: "template, rag_config, model_config or config.") var kind: KindArgument = .template
        @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Metadata, repeatable.", valueName: "key=value"))
        var meta: [String] = []

        func run() throws {
            let content = try readContent(file)
            let metadata = try keyValues(meta, option: "--meta")
            let registry = options.open()
            let registration =
                kind.kind == .template
                ? try registry.register(name, template: content, metadata: metadata, by: options.by, reason: options.reason)
                : try registry.registerConfiguration(
                    name, yaml: content, kind: kind.kind, metadata: metadata, by: options.by, reason: options.reason)
            print(registration)
        }
    }

    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "promote",
            abstract: "Make a version active in an environment, after checking it against that environment's policy.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Argument(help: "The version.") var version: Int
        @Option(name: .long, help: "The environment.") var to: String
        @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A sample value for a placeholder, repeatable.", valueName: "key=value"))
        var sample: [String] = []
        @Option(name: .long, help: ArgumentHelp("Where ENV.yaml policies are.", valueName: "dir")) var policyDir = "policies"

        func run() throws {
            let policy = try PromptsCommand.policy(for: to, in: policyDir)
            try promote(options.open(policies: [to: policy]), name: name, version: version, to: to, samples: keyValues(sample, option: "--sample"), options: options)
            print("\(name) v\(version) is active in \(to) (checked against policy '\(policy.name)')")
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollback",
            abstract: "Make the previously active version active again (or --to-version N).")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Option(name: .long, help: "The environment.") var env: String
        @Option(name: .customLong("to-version"), help: "The version to make active.") var version: Int?

        func run() throws {
            let active = try options.open().rollback(name, in: env, to: version, by: options.by, reason: options.reason)
            print("\(name) v\(active) is active in \(env)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every version as YAML: version, created_at, created_by, hash, metadata, template.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Option(name: .long, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?

        func run() throws {
            let yaml = try options.open().export(name)
            if let output {
                try Data(yaml.utf8).write(to: URL(filePath: output), options: .atomic)
            } else {
                print(yaml, terminator: "")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show a unified line diff between two versions.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Argument(help: "The old version.") var from: Int
        @Argument(help: "The new version.") var to: Int

        func run() throws { print(try options.open().diff(name, from: from, to: to), terminator: "") }
    }

    struct Feedback: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback",
            abstract: "Record a user's thumbs up or down for a version.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Argument(help: "The version the user was assigned.") var version: Int
        @Flag(exclusivity: .exclusive, help: "The rating.") var rating: Rating
        @Option(name: .long, help: "The user who rated.") var user: String?

        enum Rating: String, EnumerableFlag { case up, down }

        func run() throws {
            try options.open().recordFeedback(name, version: version, user: user, isPositive: rating == .up)
        }
    }

    struct Experiment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "experiment",
            abstract: "Report satisfaction per version with a two-proportion z-test; optionally promote a significant winner.")
        @OptionGroup var options: RegistryOptions
        @Argument(help: "The entry.") var name: String
        @Option(name: .long, help: "The significance level.") var alpha = 0.05
        @Flag(name: .long, help: "Promote the winner, only if it is significantly better than every other version.")
        var promoteWinner = false
        @Option(name: .long, help: "The environment to promote the winner to.") var to = "prod"
        @Option(name: .long, help: ArgumentHelp("Where ENV.yaml policies are.", valueName: "dir")) var policyDir = "policies"

        func run() throws {
            let report = try options.open().experiment(name, alpha: alpha)
            guard !report.arms.isEmpty else { throw ValidationError("no feedback recorded for \(name)") }
            print("version  ratings  up  down  satisfaction")
            for arm in report.arms {
                print(
                    "v\(arm.version)".padding(toLength: 9, withPad: " ", startingAt: 0)
                        + String(arm.total).padding(toLength: 9, withPad: " ", startingAt: 0)
                        + String(arm.positive).padding(toLength: 4, withPad: " ", startingAt: 0)
                        + String(arm.negative).padding(toLength: 6, withPad: " ", startingAt: 0)
                        + String(format: "%.1f%%", arm.satisfaction * 100))
            }
            let leader = report.arms[0].version
            for comparison in report.comparisons {
                print(String(format: "v%d vs v%d: z = %.2f, p = %.4f", leader, comparison.version, comparison.z, comparison.pValue))
            }
            guard let winner = report.winner else {
                print("no significant winner at alpha \(alpha)" + (promoteWinner ? "; nothing promoted" : ""))
                if promoteWinner { throw ExitCode(ExitStatus.blocked.rawValue) }
                return
            }
            print("winner: v\(winner)")
            if promoteWinner {
                let policy = try PromptsCommand.policy(for: to, in: policyDir)
                try promote(options.open(policies: [to: policy]), name: name, version: winner, to: to, samples: [:], options: options)
                print("\(name) v\(winner) is active in \(to)")
            }
        }
    }

    enum KindArgument: String, ExpressibleByArgument, CaseIterable {
        case template, ragConfig = "rag_config", modelConfig = "model_config", config

        var kind: RegistryItemKind { RegistryItemKind(rawValue: rawValue)! }
    }

    /// POLICY-DIR/ENV.yaml when it exists, otherwise the bundled default policy.
    static func policy(for environment: String, in directory: String) throws -> Policy {
        let file = URL(filePath: directory).appending(path: "\(environment).yaml")
        return try PolicyResolution.load(path: FileManager.default.fileExists(atPath: file.path) ? file.path : nil)
    }
}

/// Promotes, turning a policy refusal into its report on stderr and exit status 1.
private func promote(
    _ registry: PromptRegistry, name: String, version: Int, to environment: String, samples: [String: String],
    options: PromptsCommand.RegistryOptions
) throws {
    do {
        try registry.promote(name, version: version, to: environment, samples: samples, by: options.by, reason: options.reason)
    } catch let error as PromptRegistryError where error.kind == .blockedByPolicy {
        FileHandle.standardError.write(Data("refused: \(error)\n".utf8))
        throw ExitCode(ExitStatus.blocked.rawValue)
    }
}

/// The content of `file`, or of stdin for `-`.
private func readContent(_ file: String) throws -> String {
    let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
    guard let data else { throw ValidationError("cannot read '\(file)'") }
    guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("'\(file)' is not UTF-8 text") }
    return text
}

/// `key=value` arguments as a dictionary.
private func keyValues(_ pairs: [String], option: String) throws -> [String: String] {
    var values: [String: String] = [:]
    for pair in pairs {
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw ValidationError("\(option) takes key=value, found '\(pair)'")
        }
        values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    return values
}
