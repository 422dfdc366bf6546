// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import ArgumentParser
import Foundation
import Guardrails
import GuardrailsOps

/// Loads the policy a command names, printing diagnostics the way a compiler does.
enum PolicyResolution {
    /// Replica `replica` of the policy at `path` (the bundled default when `nil`), whose built-in checks
    /// share no compiled patterns with other replicas' (see `PolicyLoader.replica`); `nil` when it does not
    /// load, which only a file changed since the first load can cause.
    static func loadReplica(_ replica: Int, path: String?) -> Policy? {
        try? policy(at: path, replica: replica)
    }

    static func load(path: String?) throws -> Policy {
        do {
            return try policy(at: path, replica: 0)
        } catch {
            let errors = OutputBuffer(fileDescriptor: STDERR_FILENO)
            errors.write(DiagnosticRenderer.render(error.diagnostics))
            let count = error.errors.count
            errors.write("error: the policy did not load (\(count) error\(count == 1 ? "" : "s"))\n")
            errors.flush()
            throw ExitCode(ExitStatus.error.rawValue)
        }
    }

    /// The policy at `path`, or the bundled default when `nil`, with the given replica of the built-in patterns.
    private static func policy(at path: String?, replica: Int) throws(PolicyLoadError) -> Policy {
        guard let path else { return try Policy.bundledDefault(replica: replica) }
        var loader = PolicyLoader(registry: .operations)
        loader.replica = replica
        return try loader.load(contentsOf: URL(filePath: path))
    }
}
