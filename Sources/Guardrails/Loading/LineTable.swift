// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// The byte offset of every line start of one file, for turning offsets and YAML marks into locations.
struct LineTable: Sendable {
    let file: String
    let bytes: [UInt8]
    private let lineStarts: [Int]

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// Number of lines (a final line without a line break counts).
    var lineCount: Int { lineStarts.count }

    /// The location of a 0-based UTF-8 byte offset.
    func location(utf8Offset: Int) -> PolicyLocation {
        let offset = min(max(utf8Offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return PolicyLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1, utf8Offset: offset)
    }

    /// The location of a YAML mark: 1-based line, 1-based column counted in Unicode scalars.
    func location(line: Int, scalarColumn: Int) -> PolicyLocation {
        guard line >= 1, line <= lineStarts.count else { return location(utf8Offset: bytes.count) }
        var offset = lineStarts[line - 1]
        var scalars = 1
        while scalars < scalarColumn, offset < bytes.count, bytes[offset] != 0x0A {
            offset += 1
            while offset < bytes.count, UTF8Scalars.isContinuation(bytes[offset]) { offset += 1 }
            scalars += 1
        }
        return PolicyLocation(file: file, line: line, column: offset - lineStarts[line - 1] + 1, utf8Offset: offset)
    }

    /// The text of a 1-based line, without its line break.
    func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > lineStarts[line - 1], bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[lineStarts[line - 1]..<max(end, lineStarts[line - 1])], as: UTF8.self)
    }
}
