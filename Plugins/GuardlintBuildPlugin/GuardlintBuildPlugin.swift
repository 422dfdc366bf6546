// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import PackagePlugin

/// Validates a target's policy files with `guardlint` on every build.
///
/// Policy files are the `.yaml`/`.yml` files in the package's `policies/` folder and in the target's own
/// folder. Problems appear as `file:line:column: error: …` diagnostics and fail the build; the command
/// reruns only when a policy file changes (its output is a generated list of the validated files).
@main
struct GuardlintBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let folders = [context.package.directoryURL.appending(path: "policies"), target.directoryURL]
        let policies = folders.flatMap(Self.policyFiles(in:))
        guard !policies.isEmpty else { return [] }
        let manifest = context.pluginWorkDirectoryURL.appending(path: "ValidatedPolicies.swift")
        return [
            .buildCommand(
                displayName: "Validating \(policies.count) policy file(s) with guardlint",
                executable: try context.tool(named: "guardlint").url,
                arguments: ["--emit-manifest", manifest.path(percentEncoded: false)]
                    + policies.map { $0.path(percentEncoded: false) },
                inputFiles: policies,
                outputFiles: [manifest])
        ]
    }

    /// The `.yaml` and `.yml` files under `folder`, recursively, sorted.
    static func policyFiles(in folder: URL) -> [URL] {
        let path = folder.path(percentEncoded: false)
        guard let names = FileManager.default.enumerator(atPath: path)?.compactMap({ $0 as? String }) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appending(path: $0) }
    }
}
