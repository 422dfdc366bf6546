// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
public import Guardrails

extension DocumentLinter {
    /// Price tables (a top-level `models:` key): negative, absurd and suspicious prices, unknown models.
    public static let priceTable = DocumentLinter(kind: "price table", claims: { $0.contains("models") && !$0.contains("policy") }) { path in
        guard let data = FileManager.default.contents(atPath: path) else {
            return [Diagnostic(.unreadableFile, "cannot read '\(path)'", at: nil)]
        }
        return PriceTable.diagnose(yaml: String(decoding: data, as: UTF8.self), fileName: path).diagnostics
    }

    /// Prompt test suites (top-level `suite:` and `cases:`): keys, assertions, regexes, the policies and
    /// rules they name.
    public static let promptSuite = DocumentLinter(kind: "prompt test suite", claims: { $0.isSuperset(of: ["suite", "cases"]) }) { path in
        do throws(PolicyLoadError) {
            _ = try PromptTestSuite.load(contentsOf: URL(filePath: path))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Recordings of model answers that prompt test suites replay (a top-level `recordings:` key).
    public static let recordings = DocumentLinter(kind: "recordings", claims: { $0.contains("recordings") && !$0.contains("suite") }) { path in
        do {
            _ = try RecordedModel(contentsOf: URL(filePath: path))
            return []
        } catch {
            return [Diagnostic(.wrongType, "\(error)", at: PolicyLocation(file: path, line: 1, column: 1, utf8Offset: 0))]
        }
    }

    /// The document linters of GuardrailsOps: price tables, prompt test suites and their recordings.
    public static let operations: [DocumentLinter] = [.priceTable, .promptSuite, .recordings]
}
