// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A prompt with `{placeholder}` variables.
///
/// A placeholder is a name of letters, digits and underscores in braces: `{customer_name}`. Write `{{`
/// and `}}` for literal braces. Anything else in braces (`{ "json": 1 }`) is left as it is, so JSON
/// examples inside a prompt need no escaping.
public struct PromptTemplate: Sendable, Hashable {
    /// The template text.
    public let text: String

    /// Creates a template.
    public init(_ text: String) { self.text = text }

    /// The placeholders, in order of first appearance, each once.
    public var placeholders: [String] {
        var names: [String] = []
        for part in parts() {
            if case .placeholder(let name) = part, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The text with every placeholder replaced.
    ///
    /// - Throws: ``MissingVariablesError`` naming every placeholder without a value.
    public func render(_ variables: [String: String]) throws(MissingVariablesError) -> String {
        let missing = placeholders.filter { variables[$0] == nil }
        guard missing.isEmpty else { throw MissingVariablesError(names: missing) }
        return render { variables[$0]! }
    }

    /// The text with every placeholder replaced by `value(name)`.
    public func render(_ value: (String) -> String) -> String {
        var output = ""
        for part in parts() {
            switch part {
            case .literal(let text): output += text
            case .placeholder(let name): output += value(name)
            }
        }
        return output
    }

    private enum Part {
        case literal(Substring)
        case placeholder(String)
    }

    private func parts() -> [Part] {
        var parts: [Part] = []
        var index = text.startIndex
        var literalStart = index
        func flush(upTo end: String.Index) {
            if literalStart < end { parts.append(.literal(text[literalStart..<end])) }
        }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if (character == "{" || character == "}"), next < text.endIndex, text[next] == character {
                flush(upTo: index)
                parts.append(.literal(text[index..<next]))
                index = text.index(after: next)
                literalStart = index
                continue
            }
            if character == "{", let close = text[next...].firstIndex(of: "}") {
                let name = text[next..<close]
                if !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                    flush(upTo: index)
                    parts.append(.placeholder(String(name)))
                    index = text.index(after: close)
                    literalStart = index
                    continue
                }
            }
            index = next
        }
        flush(upTo: text.endIndex)
        return parts
    }
}

/// A template was rendered without values for some of its placeholders.
public struct MissingVariablesError: Error, Sendable, CustomStringConvertible {
    /// The placeholders without a value, in template order.
    public let names: [String]

    /// "no value for placeholders {order_id}, {customer}".
    public var description: String {
        "no value for placeholder\(names.count == 1 ? "" : "s") " + names.map { "{\($0)}" }.joined(separator: ", ")
    }
}
