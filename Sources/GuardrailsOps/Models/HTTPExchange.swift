// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Synchronization
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request and its answer, with a hard deadline and cancellation.
///
/// URLSession's own timeouts count idle time, so a server that trickles bytes never times out. This
/// enforces a deadline for the whole exchange and cancels the transfer when it passes or when the
/// calling task is cancelled.
enum HTTPExchange {
    typealias Answer = (Data, HTTPURLResponse)

    /// Fires deadlines. A queue of its own gets a thread even when CPU-bound work fills every
    /// worker: a sleeping task, or a timer on a global queue, then wakes seconds late (measured:
    /// 3.0 s instead of 0.3 s with both cores busy) and the answer it should have cut off wins.
    private static let deadlines = DispatchQueue(label: "guardrails.http-exchange.deadlines")

    static func send(_ request: URLRequest, on session: URLSession, timeout: Duration) async throws -> Answer {
        let exchange = Exchange()
        let timedOut = LanguageModelError(.timedOut, "no complete answer within \(timeout.seconds) s")
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let response = response as? HTTPURLResponse, error == nil {
                        exchange.finish(with: .success((data ?? Data(), response)))
                    } else if let error = error as? URLError, error.code == .timedOut {
                        exchange.finish(with: .failure(timedOut))
                    } else {
                        let reason = error.map { "the request failed: \($0.localizedDescription)" } ?? "no HTTP answer"
                        exchange.finish(with: .failure(LanguageModelError(.transport, reason)))
                    }
                }
                let deadline = DispatchWorkItem { exchange.finish(with: .failure(timedOut)) }
                deadlines.asyncAfter(deadline: .now() + timeout.seconds, execute: deadline)
                exchange.begin(task, deadline: deadline, continuation: continuation)
            }
        } onCancel: {
            exchange.finish(with: .failure(CancellationError()))
        }
    }

    /// Resumes the continuation exactly once, with whichever of answer, deadline and cancellation
    /// comes first, then stops the other two.
    private final class Exchange: Sendable {
        private struct State {
            var task: URLSessionDataTask?
            var deadline: DispatchWorkItem?
            var continuation: CheckedContinuation<Answer, any Error>?
            /// Set once: the result that won, kept when it arrives before `begin` (a cancelled task).
            var result: Result<Answer, any Error>?
        }

        // Safety: `State` is only read and written inside `lock`; `URLSessionDataTask.cancel()` and
        // `resume()` are thread-safe, and the task is never touched after the exchange finishes.
        private struct Locked: @unchecked Sendable { var state = State() }
        private let lock = Mutex(Locked())

        func begin(_ task: URLSessionDataTask, deadline: DispatchWorkItem, continuation: CheckedContinuation<Answer, any Error>) {
            let early: Result<Answer, any Error>? = lock.withLock { locked in
                locked.state.task = task
                locked.state.deadline = deadline
                locked.state.continuation = continuation
                return locked.state.result
            }
            if let early {
                deadline.cancel()
                continuation.resume(with: early)
            } else {
                task.resume()
            }
        }

        func finish(with result: Result<Answer, any Error>) {
            let won: Locked? = lock.withLock { locked in
                guard locked.state.result == nil else { return nil }
                locked.state.result = result
                return locked.state.continuation == nil ? nil : locked
            }
            guard let won else { return }
            won.state.deadline?.cancel()
            if case .failure = result { won.state.task?.cancel() }
            won.state.continuation?.resume(with: result)
        }
    }
}
