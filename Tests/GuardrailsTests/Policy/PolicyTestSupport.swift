// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails

/// Loads a policy from YAML text, failing the test with the diagnostics when it does not load.
func policy(_ yaml: String, environment: [String: String] = [:]) throws -> Policy {
    try PolicyLoader(environment: environment).load(yaml: yaml, fileName: "test.yaml")
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "guardrails-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
