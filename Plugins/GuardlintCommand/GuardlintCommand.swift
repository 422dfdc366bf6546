// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import PackagePlugin

/// `swift package guardlint [ARGUMENTS]`: runs `guardlint` on the package (default: its `policies/`).
///
/// Arguments pass through: `swift package guardlint --strict --format github policies/`.
@main
struct GuardlintCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "guardlint")
        let paths = arguments.filter { !$0.hasPrefix("-") }
        let defaultPath = context.package.directoryURL.appending(path: "policies").path(percentEncoded: false)
        let process = Process()
        process.executableURL = tool.url
        process.arguments = paths.isEmpty ? arguments + [defaultPath] : arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("guardlint exited with status \(process.terminationStatus)")
            throw GuardlintFailed(status: process.terminationStatus)
        }
    }
}

struct GuardlintFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "guardlint found problems (exit status \(status))" }
}
