// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

public import Foundation
import Synchronization
import Yams

/// A ``LanguageModel`` that answers from a file of recorded responses, so a prompt test suite is
/// deterministic in CI.
///
/// ```yaml
/// model: gpt-4.1-mini          # reported as the answering model
/// recordings:
///   - input: Where is my order CS-4821?
///     responses:
///       - Your order CS-4821 shipped on Monday.
///   - input: Give me a lasagna recipe.
///     responses:            # several: successive calls cycle through them (for `repeat:`)
///       - I can only help with orders and returns.
///       - Sorry, I can only help with your Acme orders.
/// ```
///
/// A request matches a recording by its last user message, exactly.
public final class RecordedModel: LanguageModel {
    /// Recorded answers by input.
    public let recordings: [String: [String]]
    /// The model name answers report.
    public let modelName: String
    private let calls = Mutex<[String: Int]>([:])

    /// Creates a model from recordings.
    public init(recordings: [String: [String]], modelName: String = "recorded") {
        self.recordings = recordings
        self.modelName = modelName
    }

    /// Loads a recordings file.
    ///
    /// - Throws: ``StorageError`` naming the file and what is wrong with it.
    public convenience init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw StorageError("cannot read recordings '\(url.path)'")
        }
        let document: Node?
        do {
            document = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw StorageError("'\(url.path)': YAML syntax: \(error)")
        }
        guard let entries = document?.mapping?["recordings"]?.sequence else {
            throw StorageError("'\(url.path)' needs 'recordings:', a list of {input, responses}")
        }
        var recordings: [String: [String]] = [:]
        for entry in entries {
            let line = entry.mark?.line ?? 0
            guard let input = entry.mapping?["input"]?.string else {
                throw StorageError("\(url.path):\(line): a recording needs 'input:' text")
            }
            let responses = entry.mapping?["responses"]?.sequence?.compactMap(\.string) ?? entry.mapping?["response"]?.string.map { [$0] }
            guard let responses, !responses.isEmpty else {
                throw StorageError("\(url.path):\(line): the recording for \(input.debugDescription) needs 'responses:'")
            }
            recordings[input, default: []] += responses
        }
        self.init(recordings: recordings, modelName: document?.mapping?["model"]?.string ?? "recorded")
    }

    /// The next recorded answer for the request's last user message.
    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let input = request.lastUserText
        guard let responses = recordings[input] else {
            throw LanguageModelError(
                .noRecording,
                "no recorded response for \(input.debugDescription); record one (guardrails test --record) or add it to the file")
        }
        let call = calls.withLock { calls in
            defer { calls[input, default: 0] += 1 }
            return calls[input, default: 0]
        }
        return ChatResponse(text: responses[call % responses.count], model: modelName, finishReason: "stop")
    }
}
