// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Testing

@testable import Guardrails

struct PatternTests {
    private func spans(_ pattern: Pattern, in text: String) throws -> [Span] {
        var spans: [Span] = []
        try pattern.forEachMatch(in: text) { spans.append($0) }
        return spans
    }

    @Test func reportsUTF8ByteRangesOfEachMatch() throws {
        let pattern = try Pattern("b+")
        #expect(try spans(pattern, in: "abba bb") == [Span(start: 1, end: 3), Span(start: 5, end: 7)])
    }

    @Test func offsetsCountBytesNotCharactersAfterMultiByteText() throws {
        let pattern = try Pattern("x")
        // 한 is 3 bytes, 👩‍💻 is 11 bytes, é (e + combining acute) is 3 bytes.
        #expect(try spans(pattern, in: "한👩‍💻e\u{301}x") == [Span(start: 17, end: 18)])
    }

    @Test func emptyMatchesAdvanceByWholeScalars() throws {
        let pattern = try Pattern("")
        // One empty match before each scalar and one at the end: never inside a scalar.
        #expect(try spans(pattern, in: "é한") == [Span(start: 0, end: 0), Span(start: 2, end: 2), Span(start: 5, end: 5)])
    }

    @Test func emptySubjectMatchesOnlyPatternsThatAcceptEmpty() throws {
        #expect(try spans(Pattern("a*"), in: "") == [Span(start: 0, end: 0)])
        #expect(try spans(Pattern("a+"), in: "").isEmpty)
    }

    @Test func subjectStartingWithMultiByteScalarMatchesAtZero() throws {
        #expect(try spans(Pattern("한."), in: "한국어") == [Span(start: 0, end: 6)])
    }

    @Test func compileErrorCarriesMessageAndByteOffsetInPattern() {
        #expect {
            _ = try Pattern("é(abc")
        } throws: { error in
            guard let error = error as? PatternError else { return false }
            // é is 2 bytes, so the end of the pattern is byte 6.
            return error.utf8Offset == 6 && error.message == "missing closing parenthesis"
        }
    }

    @Test func optionsChangeMatching() throws {
        #expect(try spans(Pattern("abc", options: .caseless), in: "ABC").count == 1)
        #expect(try spans(Pattern("abc"), in: "ABC").isEmpty)
        #expect(try spans(Pattern("^b", options: .multiline), in: "a\nb").count == 1)
        #expect(try spans(Pattern("a.b", options: .dotAll), in: "a\nb").count == 1)
        #expect(try spans(Pattern(#"\w+"#, options: .ucp), in: "한국") == [Span(start: 0, end: 6)])
        #expect(try spans(Pattern(#"\w+"#), in: "한국").isEmpty)
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimitInsteadOfHanging() throws {
        let pattern = try Pattern("(a+)+$", limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000, heapLimitKiB: 1_024))
        #expect(throws: MatchFault.self) {
            _ = try spans(pattern, in: String(repeating: "a", count: 5_000) + "b")
        }
        do throws(MatchFault) {
            try pattern.forEachMatch(in: String(repeating: "a", count: 5_000) + "b") { _ in }
        } catch {
            #expect(error.isLimit)
            #expect(error.description.contains("match limit"))
        }
    }

    @Test func usesTheJITWhereAvailable() throws {
        #if arch(x86_64) || arch(arm64)
        #expect(try Pattern("abc").isJITCompiled)
        #endif
    }

    @Test func firstMatchReturnsTheLeftmostMatch() throws {
        #expect(try Pattern("[0-9]+").firstMatch(in: "ab 12 34") == Span(start: 3, end: 5))
        #expect(try Pattern("[0-9]+").firstMatch(in: "none") == nil)
    }

    @Test func onePatternIsSafeToUseFromManyTasksAtOnce() async throws {
        let pattern = try Pattern(#"[a-z]+@[a-z]+\.com"#)
        let text = String(repeating: "mail bob@corp.com and 한국 ", count: 200)
        let expected = try spans(pattern, in: text)
        #expect(expected.count == 200)
        try await withThrowingTaskGroup(of: [Span].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var results: [Span] = []
                    for _ in 0..<20 { results = try self.spans(pattern, in: text) }
                    return results
                }
            }
            for try await result in group { #expect(result == expected) }
        }
    }
}
