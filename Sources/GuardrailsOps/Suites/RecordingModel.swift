// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
import Synchronization
import Yams

/// Passes requests to a live model and keeps every answer, to write a recordings file that
/// ``RecordedModel`` replays.
public final class RecordingModel: LanguageModel {
    /// The live model.
    public let model: any LanguageModel
    private let recorded = Mutex<[(input: String, response: String)]>([])

    /// Records what `model` answers.
    public init(model: any LanguageModel) { self.model = model }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let response = try await model.complete(request)
        recorded.withLock { $0.append((request.lastUserText, response.text)) }
        return response
    }

    /// Writes the answers so far as a recordings file, grouped by input in first-seen order.
    public func write(to url: URL, modelName: String) throws {
        let answers = recorded.withLock { $0 }
        var order: [String] = []
        var responses: [String: [String]] = [:]
        for (input, response) in answers {
            if responses[input] == nil { order.append(input) }
            responses[input, default: []].append(response)
        }
        func text(_ value: String) -> Node { Node(value, Tag(.str), value.contains("\n") ? .literal : .doubleQuoted) }
        let document = Node([
            (Node("model"), text(modelName)),
            (Node("recordings"), Node(order.map { input in
                Node([(Node("input"), text(input)), (Node("responses"), Node(responses[input]!.map(text)))])
            })),
        ])
        try AtomicFile.write(Data(try Yams.serialize(node: document).utf8), to: url)
    }
}
