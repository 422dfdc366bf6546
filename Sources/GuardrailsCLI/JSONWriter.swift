// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails

/// Encodes the JSON Lines output records, field order fixed by the documented contract.
enum JSONWriter {
    static func verdict(_ verdict: Verdict, id: FilterRecord.ID, explain: Bool, into out: inout [UInt8]) {
        out.append(contentsOf: "{\"id\":".utf8)
        value(id, into: &out)
        out.append(contentsOf: ",\"decision\":\"\(verdict.decision.rawValue)\",\"text\":".utf8)
        string(verdict.text, into: &out)
        out.append(contentsOf: ",\"findings\":[".utf8)
        for (index, finding) in verdict.findings.enumerated() {
            if index > 0 { out.append(contentsOf: ",".utf8) }
            out.append(contentsOf: "{\"rule\":".utf8)
            string(finding.rule, into: &out)
            out.append(contentsOf: ",\"category\":".utf8)
            string(finding.category, into: &out)
            out.append(contentsOf: ",\"start\":\(finding.span.start),\"end\":\(finding.span.end),\"action\":\"\(finding.action.rawValue)\",\"message\":".utf8)
            string(finding.message, into: &out)
            out.append(contentsOf: "}".utf8)
        }
        out.append(contentsOf: "]".utf8)
        if explain {
            out.append(contentsOf: ",\"policy\":{\"name\":".utf8)
            string(verdict.policy.name, into: &out)
            out.append(contentsOf: ",\"digest\":\"\(verdict.policy.digest)\"},\"rules\":[".utf8)
            for (index, outcome) in verdict.outcomes.enumerated() {
                if index > 0 { out.append(contentsOf: ",".utf8) }
                out.append(contentsOf: "{\"id\":".utf8)
                string(outcome.rule, into: &out)
                switch outcome.status {
                case .triggered(let count): out.append(contentsOf: ",\"status\":\"triggered\",\"findings\":\(count)}".utf8)
                case .passed: out.append(contentsOf: ",\"status\":\"passed\"}".utf8)
                case .notRun: out.append(contentsOf: ",\"status\":\"not_run\"}".utf8)
                case .faulted(let message):
                    out.append(contentsOf: ",\"status\":\"faulted\",\"message\":".utf8)
                    string(message, into: &out)
                    out.append(contentsOf: "}".utf8)
                }
            }
            out.append(contentsOf: "],\"duration_us\":\(verdict.duration.components.seconds * 1_000_000 + verdict.duration.components.attoseconds / 1_000_000_000_000)".utf8)
        }
        out.append(contentsOf: "}\n".utf8)
    }

    static func error(id: FilterRecord.ID, code: String, message: String, into out: inout [UInt8]) {
        out.append(contentsOf: "{\"id\":".utf8)
        value(id, into: &out)
        out.append(contentsOf: ",\"error\":{\"code\":".utf8)
        string(code, into: &out)
        out.append(contentsOf: ",\"message\":".utf8)
        string(message, into: &out)
        out.append(contentsOf: "}}\n".utf8)
    }

    static func value(_ id: FilterRecord.ID, into out: inout [UInt8]) {
        switch id {
        case .string(let text): string(text, into: &out)
        case .integer(let number): out.append(contentsOf: "\(number)".utf8)
        }
    }

    /// A JSON string literal: `"`, `\` and control characters escaped; everything else as UTF-8.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { escaping($0, into: &out) }
        if copied == nil { Array(text.utf8).withUnsafeBufferPointer { escaping($0, into: &out) } }
        out.append(0x22)
    }

    /// Appends `utf8` with JSON's escapes: the runs between bytes to escape go in one copy each (chat text
    /// has a line break or a quote every few dozen bytes, and a byte at a time was an eighth of a filter run),
    /// and they are found eight bytes at a time.
    private static func escaping(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while true {
            index = JSONStringBytes.firstToEscape(in: utf8, from: index)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            out.append(0x5C)  // a backslash, then what it escapes
            switch byte {
            case 0x22, 0x5C: out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
