// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What one run of the built `guardrails` binary produced.
struct CLIResult {
    var status: Int32
    var stdout: Data
    var stderr: String
    /// Peak resident memory of the child process, in KiB (sampled from `/proc/<pid>/status` while it runs).
    var maxResidentKiB: Int

    var output: String { String(decoding: stdout, as: UTF8.self) }
    var outputLines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

/// Runs the `guardrails` executable built next to the test bundle, end to end through real files.
enum CLIRunner {
    /// Calls `body` with a fresh temporary folder, removed after.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// Calls `body` with the URL of `yaml` written to a file `name` in a fresh temporary folder, removed after.
    static func withPolicyFile<T>(_ yaml: String, named name: String = "policy.yaml", _ body: (URL) throws -> T) throws -> T {
        try withTemporaryDirectory { directory in
            let policy = directory.appending(path: name)
            try yaml.write(to: policy, atomically: true, encoding: .utf8)
            return try body(policy)
        }
    }

    static let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `guardrails` binary in the same build folder as the running tests.
    static let binary = built("guardrails")

    /// The executable `name` in the same build folder as the running tests.
    static func built(_ name: String) -> URL {
        let executable = URL(filePath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // The test runner sits inside `…/debug/` (or in a `.xctest` bundle below it).
        for _ in 0..<4 {
            let candidate = directory.appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path(percentEncoded: false)) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appending(path: ".build/debug/\(name)")
    }

    /// Runs `executable arguments…` (default `guardrails`) with `stdin` as standard input.
    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:], executable: String = "guardrails"
    ) throws -> CLIResult {
        try withTemporaryDirectory { directory in
            let input = directory.appending(path: "stdin")
            try stdin.write(to: input)
            return try run(arguments, stdinFile: input, environment: environment, executable: executable)
        }
    }

    /// Runs `executable arguments…` reading standard input from a file, writing output to files.
    static func run(
        _ arguments: [String], stdinFile: URL, environment: [String: String] = [:], executable: String = "guardrails"
    ) throws -> CLIResult {
        let directory = FileManager.default.temporaryDirectory.appending(path: "guardrails-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stdout = directory.appending(path: "stdout")
        let stderr = directory.appending(path: "stderr")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinFile.path(percentEncoded: false), O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path(percentEncoded: false), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path(percentEncoded: false), O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let path = built(executable).path(percentEncoded: false)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw CLIError(message: "cannot start \(path): errno \(spawned)") }
        // Peak memory is sampled from /proc while the child runs: wait4's ru_maxrss would include the test
        // process's own footprint, which the spawned child shares until it execs.
        var status: Int32 = 0
        var peak = 0
        while true {
            peak = max(peak, Self.highWaterMarkKiB(of: pid))
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw CLIError(message: "waitpid failed: errno \(errno)") }
            usleep(10_000)
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return CLIResult(
            status: exitStatus, stdout: try Data(contentsOf: stdout),
            stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self), maxResidentKiB: peak)
    }
}

extension CLIRunner {
    /// `VmHWM` of a running process, in KiB: its peak resident memory so far (0 once it is gone).
    static func highWaterMarkKiB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
        }
        return 0
    }
}

struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
