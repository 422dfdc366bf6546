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
        // Most strings need no escaping: append them in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: text.utf8)
            out.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
