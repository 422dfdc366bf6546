// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails

/// Classifies a request by what can be seen in its last user message: length, code, multi-step
/// instructions, analysis words, and whether it is one short question.
///
/// Each signal adds points; 0–1 points is ``Complexity/simple``, 2–3 ``Complexity/medium``, 4 or more
/// ``Complexity/complex``:
///
/// | signal | points |
/// |---|---|
/// | over 400 estimated tokens (over 120) | 3 (1) |
/// | code: a fenced block, or lines that look like code | 2 |
/// | several steps: two or more numbered or bulleted lines, or "step by step", "then", "after that" | 2 |
/// | analysis words: compare, analyse, design, explain why, prove, trade-off, debug, optimise, refactor | 1 |
/// | one short question (under 30 tokens, ends with `?`) | −1 |
public struct HeuristicClassifier: ComplexityClassifier {
    /// Creates the classifier.
    public init() {}

    static let analysisWords = [
        "compare", "analyze", "analyse", "design", "explain why", "prove", "trade-off", "tradeoff", "debug",
        "optimize", "optimise", "refactor", "architecture", "evaluate",
    ]
    static let stepPhrases = ["step by step", "step-by-step", "after that", " and then ", "first,", "finally,"]
    static let codeMarkers = ["func ", "def ", "class ", "import ", "return ", "=> ", "->", "#include", "SELECT ", "const ", "let "]

    public func classify(_ request: ChatRequest) -> Classification {
        let text = request.lastUserText
        let lowered = text.lowercased()
        let tokens = TokenEstimator.count(text)
        var points = 0
        var evidence: [String] = []

        if tokens > 400 {
            points += 3
            evidence.append("\(tokens) tokens")
        } else if tokens > 120 {
            points += 1
            evidence.append("\(tokens) tokens")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
        let codeLines = lines.filter { line in
            Self.codeMarkers.contains { line.hasPrefix($0) } || line.hasSuffix(";") || line.hasSuffix("{") || line.hasSuffix("}")
        }
        if text.contains("```") || codeLines.count >= 2 {
            points += 2
            evidence.append("code")
        }
        let steps = lines.filter { line in
            guard let first = line.first else { return false }
            if first == "-" || first == "*" || first == "•" { return line.dropFirst().first == " " }
            let digits = line.prefix(while: \.isNumber)
            return !digits.isEmpty && [".", ")"].contains(line.dropFirst(digits.count).first.map(String.init) ?? "")
        }.count
        if steps >= 2 {
            points += 2
            evidence.append("\(steps) listed steps")
        } else if let phrase = Self.stepPhrases.first(where: { lowered.contains($0) }) {
            points += 2
            evidence.append("steps (\"\(phrase.trimmingCharacters(in: " ,"))\")")
        }
        if let word = Self.analysisWords.first(where: { lowered.contains($0) }) {
            points += 1
            evidence.append("analysis (\"\(word)\")")
        }
        if tokens < 30, text.trimmingCharacters(in: " \n\t").hasSuffix("?"), steps == 0 {
            points -= 1
            evidence.append("one short question")
        }
        let complexity: Complexity = points >= 4 ? .complex : points >= 2 ? .medium : .simple
        let reason = evidence.isEmpty ? "\(tokens) tokens, no other signal" : evidence.joined(separator: ", ")
        return Classification(complexity, reason: "\(complexity.rawValue): \(reason)")
    }
}

extension StringProtocol {
    /// The string without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
