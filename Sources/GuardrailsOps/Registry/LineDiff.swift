// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A line diff in unified format, from the longest common subsequence of lines.
enum LineDiff {
    static func unified(_ old: String, _ new: String, oldLabel: String, newLabel: String) -> String {
        let a = lines(of: old)
        let b = lines(of: new)
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines = ["--- \(oldLabel)", "+++ \(newLabel)"]
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(" \(a[i])")
                (i, j) = (i + 1, j + 1)
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                lines.append("-\(a[i])")
                i += 1
            } else {
                lines.append("+\(b[j])")
                j += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of `text`; a final newline ends the last line rather than starting an empty one.
    private static func lines(of text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
