// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Runs asynchronous work over many elements with at most a fixed number in flight, as the adapters
/// that call models in batches need (judging, RAG evaluation, prompt test suites).
enum BoundedConcurrency {
    /// Applies `operation` to every element, at most `limit` at a time, and returns the results in
    /// input order. `completed` is called on the calling task, in completion order, with each element's
    /// index and result.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element],
        limit: Int,
        completed: (Int, Result) -> Void = { _, _ in },
        _ operation: @escaping @Sendable (Element) async -> Result
    ) async -> [Result] {
        var results = [Result?](repeating: nil, count: elements.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                next += 1
                group.addTask { (index, await operation(element)) }
            }
            for _ in 0..<max(1, limit) { startNext() }
            for await (index, result) in group {
                results[index] = result
                completed(index, result)
                startNext()
            }
        }
        return results.map { $0! }
    }
}
