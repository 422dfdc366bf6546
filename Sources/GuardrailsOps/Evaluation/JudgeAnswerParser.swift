// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Reads a judge's answer strictly: one JSON object with a score from 1 to 5 for every criterion.
enum JudgeAnswerParser {
    static func parse(_ answer: String, criteria: [String]) throws(JudgeError) -> Judgement {
        guard let object = extractObject(from: answer) else {
            throw JudgeError("no JSON object in the answer")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(object)
        } catch {
            throw JudgeError("the JSON object does not parse")
        }
        guard let scores = value.object?["scores"]?.object else {
            throw JudgeError("missing \"scores\" object")
        }
        var result: [String: Int] = [:]
        for name in criteria {
            guard let score = scores[name] else { throw JudgeError("missing score for \"\(name)\"") }
            guard case .number(let number) = score, number.rounded() == number, (1...5).contains(number) else {
                throw JudgeError("score for \"\(name)\" is \(score), not a whole number from 1 to 5")
            }
            result[name] = Int(number)
        }
        return Judgement(scores: result, explanation: value.object?["explanation"]?.string ?? "")
    }

    /// The first balanced `{…}` in `text`, skipping braces inside JSON strings; code fences and prose
    /// around it are ignored.
    static func extractObject(from text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(of: "{") else { return nil }
        var depth = 0
        var inString = false
        var escaped = false
        for index in start..<scalars.count {
            let scalar = scalars[index]
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 {
                    var object = String.UnicodeScalarView()
                    object.append(contentsOf: scalars[start...index])
                    return String(object)
                }
            default: break
            }
        }
        return nil
    }
}
