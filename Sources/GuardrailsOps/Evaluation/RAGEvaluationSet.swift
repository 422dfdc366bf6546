// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
public import Guardrails
import Yams

/// Labelled RAG results for one or more configurations, from YAML, to evaluate and compare:
///
/// ```yaml
/// criteria: {recall: 0.8, faithfulness: 0.9}      # pass/fail, each 0 to 1
/// configurations:
///   - name: chunk-256
///     cases:
///       - question: How long do I have to return a blender?
///         retrieved:                                # what the retriever returned, in rank order
///           - {id: returns-1, text: Items can be returned within 30 days of delivery.}
///         relevant: [returns-1]                     # the labelled chunk ids
///         answer: You can return it within 30 days of delivery.
///         reference: Within 30 days of delivery.    # optional, for accuracy
///   - name: chunk-512
///     cases: [...]
/// ```
public struct RAGEvaluationSet: Sendable {
    /// The thresholds from the file.
    public var criteria: RAGCriteria
    /// Each configuration's name and cases, in file order.
    public var configurations: [(name: String, cases: [RAGCase])]

    /// Loads a set.
    ///
    /// - Throws: ``PolicyLoadError`` with every problem, located.
    public static func load(contentsOf url: URL) throws(PolicyLoadError) -> RAGEvaluationSet {
        var problems: [Diagnostic] = []
        func problem(_ id: DiagnosticID, _ message: String, _ node: Node?) {
            problems.append(Diagnostic(id, message, at: PolicyLocation(of: node, in: url.path)))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PolicyLoadError(diagnostics: [Diagnostic(.unreadableFile, "cannot read '\(url.path)'", at: nil)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw PolicyLoadError(diagnostics: [Diagnostic(.yamlSyntax, "YAML syntax: \(error)", at: nil)])
        }
        let criteria = RAGCriteria(node: root?.mapping?["criteria"], report: { problem(.wrongType, $0, $1) })
        var configurations: [(name: String, cases: [RAGCase])] = []
        guard let list = root?.mapping?["configurations"]?.sequence, !list.isEmpty else {
            problem(.missingRequired, "needs 'configurations:', a list of {name, cases}", root)
            throw PolicyLoadError(diagnostics: problems)
        }
        for configuration in list {
            guard let name = configuration.mapping?["name"]?.string, let caseNodes = configuration.mapping?["cases"]?.sequence else {
                problem(.missingRequired, "a configuration needs 'name:' and 'cases:'", configuration)
                continue
            }
            var cases: [RAGCase] = []
            for node in caseNodes {
                let fields = node.mapping
                guard let question = fields?["question"]?.string, let answer = fields?["answer"]?.string else {
                    problem(.missingRequired, "a case needs 'question:' and 'answer:'", node)
                    continue
                }
                var retrieved: [RAGCase.Chunk] = []
                for chunk in fields?["retrieved"]?.sequence ?? [] {
                    guard let id = chunk.mapping?["id"]?.string, let text = chunk.mapping?["text"]?.string else {
                        problem(.missingRequired, "a retrieved chunk needs 'id:' and 'text:'", chunk)
                        continue
                    }
                    retrieved.append(RAGCase.Chunk(id: id, text: text))
                }
                let relevant = Set(fields?["relevant"]?.sequence?.compactMap(\.string) ?? [])
                if fields?["relevant"] == nil { problem(.missingRequired, "a case needs 'relevant:', the labelled chunk ids", node) }
                cases.append(RAGCase(
                    question: question, retrieved: retrieved, relevantChunkIDs: relevant, answer: answer,
                    reference: fields?["reference"]?.string))
            }
            configurations.append((name, cases))
        }
        guard problems.isEmpty else { throw PolicyLoadError(diagnostics: problems) }
        return RAGEvaluationSet(criteria: criteria, configurations: configurations)
    }
}

extension RAGCriteria {
    /// Reads `criteria:` of a RAG configuration registered in a ``PromptRegistry``
    /// (``RegistryItemKind/ragConfiguration``); no criteria when it has none.
    public init(ragConfigurationYAML yaml: String) {
        self.init(node: (try? Yams.compose(yaml: yaml))?.mapping?["criteria"], report: { _, _ in })
    }

    init(node: Node?, report: (String, Node?) -> Void) {
        var values: [String: Double] = [:]
        for (key, value) in node?.mapping ?? [:] {
            let name = key.string ?? ""
            guard ["precision", "recall", "faithfulness", "accuracy"].contains(name) else {
                report("unknown criterion '\(name)'; use precision, recall, faithfulness, accuracy", key)
                continue
            }
            guard let number = value.float, (0...1).contains(number) else {
                report("'\(name)' must be a number from 0 to 1", value)
                continue
            }
            values[name] = number
        }
        self.init(values)
    }
}
