// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Testing

@testable import GuardrailsCLI

/// Reading input line by line: ``LineReader``.
struct LineReaderTests {
    /// A reader of a file holding `text`.
    private func reading(_ text: String, _ body: (LineReader) throws -> Void) throws {
        try CLIRunner.withTemporaryDirectory { directory in
            let path = directory.appending(path: "input").path(percentEncoded: false)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            try body(LineReader(fileDescriptor: descriptor))
        }
    }

    private func text(_ line: LineReader.Line?) -> String? {
        guard case .text(let bytes) = line else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func bufferedLinesGoOnPastOneReadWhileInputIsWaiting() throws {
        // 200 lines of 1 KB: more than one read of 64 KiB, all of it waiting in the file.
        let lines = (0..<200).map { "\($0) " + String(repeating: "x", count: 1_000) }
        try reading(lines.joined(separator: "\n") + "\n") { reader in
            var read = [text(reader.nextLine(limit: 1 << 20))]
            while let line = reader.nextBufferedLine(limit: 1 << 20) { read.append(text(line)) }
            #expect(read.count == lines.count)
            #expect(read.elementsEqual(lines))
        }
    }

    @Test func bufferedLineIsNilWhenItWouldWaitForInput() throws {
        let pipe = Pipe()
        let reader = LineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
        pipe.fileHandleForWriting.write(Data("first\npart".utf8))
        #expect(text(reader.nextLine(limit: 100)) == "first")
        #expect(reader.nextBufferedLine(limit: 100) == nil)
        pipe.fileHandleForWriting.write(Data(" and rest\nlast".utf8))
        #expect(text(reader.nextBufferedLine(limit: 100)) == "part and rest")
        try pipe.fileHandleForWriting.close()
        // Not `nextBufferedLine`: a process that another test starts meanwhile may hold a copy of the write
        // end for a moment, and until it lets go the pipe has no end, so nothing may be read without waiting.
        #expect(text(reader.nextLine(limit: 100)) == "last")
        #expect(reader.nextBufferedLine(limit: 100) == nil)
    }

    @Test func bufferedLineAtTheEndIsTheUnterminatedLastLine() throws {
        try reading("first\nlast") { reader in
            #expect(text(reader.nextLine(limit: 100)) == "first")
            #expect(text(reader.nextBufferedLine(limit: 100)) == "last")
            #expect(reader.nextBufferedLine(limit: 100) == nil)
        }
    }

    @Test func overLongLinesAreSkippedAndTheLinesAfterThemRead() throws {
        let long = String(repeating: "y", count: 200_000)
        try reading("a\n\(String(repeating: "z", count: 300))\nb\n\(long)\nc\n") { reader in
            #expect(text(reader.nextLine(limit: 100_000)) == "a")
            #expect(reader.nextBufferedLine(limit: 100) == .tooLong(byteCount: 300))
            #expect(text(reader.nextBufferedLine(limit: 100_000)) == "b")
            // Longer than the limit and than a read: left to `nextLine`, which skips it.
            #expect(reader.nextBufferedLine(limit: 100_000) == nil)
            #expect(reader.nextLine(limit: 100_000) == .tooLong(byteCount: 200_000))
            #expect(text(reader.nextBufferedLine(limit: 100_000)) == "c")
            #expect(reader.nextLine(limit: 100_000) == nil)
        }
    }
}
