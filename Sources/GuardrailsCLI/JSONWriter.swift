// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails

/// Writes the JSON Lines output records, field order fixed by the documented contract.
enum JSONWriter {
    static func verdict(_ verdict: Verdict, id: FilterRecord.ID, explain: Bool, into out: OutputBuffer) {
        out.append("{\"id\":")
        value(id, into: out)
        out.append(",\"decision\":\"\(verdict.decision.rawValue)\",\"text\":")
        string(verdict.text, into: out)
        out.append(",\"findings\":[")
        for (index, finding) in verdict.findings.enumerated() {
            if index > 0 { out.append(",") }
            out.append("{\"rule\":")
            string(finding.rule, into: out)
            out.append(",\"category\":")
            string(finding.category, into: out)
            out.append(",\"start\":\(finding.span.start),\"end\":\(finding.span.end),\"action\":\"\(finding.action.rawValue)\",\"message\":")
            string(finding.message, into: out)
            out.append("}")
        }
        out.append("]")
        if explain {
            out.append(",\"policy\":{\"name\":")
            string(verdict.policy.name, into: out)
            out.append(",\"digest\":\"\(verdict.policy.digest)\"},\"rules\":[")
            for (index, outcome) in verdict.outcomes.enumerated() {
                if index > 0 { out.append(",") }
                out.append("{\"id\":")
                string(outcome.rule, into: out)
                switch outcome.status {
                case .triggered(let count): out.append(",\"status\":\"triggered\",\"findings\":\(count)}")
                case .passed: out.append(",\"status\":\"passed\"}")
                case .notRun: out.append(",\"status\":\"not_run\"}")
                case .faulted(let message):
                    out.append(",\"status\":\"faulted\",\"message\":")
                    string(message, into: out)
                    out.append("}")
                }
            }
            out.append("],\"duration_us\":\(verdict.duration.components.seconds * 1_000_000 + verdict.duration.components.attoseconds / 1_000_000_000_000)")
        }
        out.append("}\n")
    }

    static func error(id: FilterRecord.ID, code: String, message: String, into out: OutputBuffer) {
        out.append("{\"id\":")
        value(id, into: out)
        out.append(",\"error\":{\"code\":")
        string(code, into: out)
        out.append(",\"message\":")
        string(message, into: out)
        out.append("}}\n")
    }

    static func value(_ id: FilterRecord.ID, into out: OutputBuffer) {
        switch id {
        case .string(let text): string(text, into: out)
        case .integer(let number): out.append("\(number)")
        }
    }

    /// A JSON string literal: `"`, `\` and control characters escaped; everything else as UTF-8.
    static func string(_ text: String, into out: OutputBuffer) {
        out.append(0x22)
        // Most strings need no escaping: append them in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(text)
            out.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append("\\u00")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
