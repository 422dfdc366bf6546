// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A suite result as JUnit XML, which CI systems (GitHub Actions, GitLab, Jenkins) display.
public enum JUnitReport {
    /// The XML document for `result`.
    public static func xml(for result: SuiteResult) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="\#(escape(result.name))" tests="\#(result.cases.count)" failures="\#(result.failedCount)" time="\#(seconds(result.duration))">"#,
            #"  <testsuite name="\#(escape(result.name))" tests="\#(result.cases.count)" failures="\#(result.failedCount)" errors="0" skipped="0" time="\#(seconds(result.duration))">"#,
        ]
        for outcome in result.cases {
            let name = escape(outcome.testCase.name)
            let open = #"    <testcase name="\#(name)" classname="\#(escape(result.name))" time="\#(seconds(outcome.duration))""#
            let summary = "\(outcome.passes)/\(outcome.runs.count) runs passed (required \(Int(outcome.testCase.requiredPassRate * 100))%)"
            if outcome.passed {
                lines.append(open + ">")
                lines.append("      <system-out>\(escape(summary))</system-out>")
                lines.append("    </testcase>")
            } else {
                lines.append(open + ">")
                lines.append(#"      <failure message="\#(escape(summary))">\#(escape(outcome.failureMessages.joined(separator: "\n")))</failure>"#)
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = Int(whole) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        return "\(milliseconds / 1000).\(String(milliseconds % 1000).leftPadded(to: 3))"
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
            // XML 1.0 forbids other control characters, even escaped.
            case _ where scalar.value < 0x20: escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
