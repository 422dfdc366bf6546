// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import CPCRE2

/// A compiled PCRE2 regular expression. Immutable; share it freely across tasks.
///
/// A pattern is compiled once, in UTF mode, and JIT-compiled when the platform supports it. Matching
/// reads the UTF-8 bytes of the subject in place (no copy for native Swift strings) and reports
/// half-open ranges of UTF-8 byte offsets.
///
/// Every match runs under the ``MatchLimits`` given at compilation. A subject that would make the
/// pattern backtrack past those limits stops the scan with a ``MatchFault`` instead of hanging.
///
/// ```swift
/// let pattern = try Pattern(#"\bproject\s+falcon\b"#, options: [.caseless])
/// try pattern.forEachMatch(in: "Project  Falcon ships") { span in print(span) }  // 0..<15
/// ```
public struct Pattern: Sendable {
    /// Everything a pattern holds, in one object: copying a pattern (checks keep them in arrays of
    /// structs that the hot path iterates) then costs one reference count, not one per field.
    private final class Storage: Sendable {
        let source: String
        let options: Options
        let limits: MatchLimits
        let anchors: LiteralAnchors
        let anchorIDs: [Int32]
        let windowIDs: [Int32]
        let windowLengths: [Int]
        let windowFollowers: ByteSet?
        let prefixFollowers: ByteSet?
        let anchorSet: LiteralIDSet
        let filter: BranchFilter
        let minimumDigits: Int
        let foldsBeyondASCII: Bool
        let windowReach: Int
        let code: CompiledCode

        init(source: String, options: Options, limits: MatchLimits) throws(PatternError) {
            self.source = source
            self.options = options
            self.limits = limits
            self.code = try CompiledCode(
                source: source, options: options.rawValue | UInt32(PCRE2_UTF | PCRE2_USE_OFFSET_LIMIT), limits: limits)
            let anchors = LiteralAnchors(
                source: source, caseless: options.contains(.caseless), unicodeClasses: options.contains(.ucp))
            self.anchors = anchors
            self.anchorIDs = anchors.literals.map(LiteralID.id(for:))
            self.windowIDs = anchors.windowLiterals.map(LiteralID.id(for:))
            self.windowLengths = anchors.windowLiterals.map(\.count)
            self.windowFollowers = anchors.windowFollowerSet
            self.prefixFollowers = anchors.prefixFollowerSet
            self.anchorSet = LiteralIDSet(anchorIDs)
            self.filter = BranchFilter(anchors.branches, openPrefixes: anchors.openPrefixes)
            self.minimumDigits = anchors.minimumDigits
            self.foldsBeyondASCII = anchors.foldsBeyondASCII
            self.windowReach = anchors.windowReach
        }
    }

    private let storage: Storage

    /// The pattern as written.
    public var source: String { storage.source }

    /// The options the pattern was compiled with.
    public var options: Options { storage.options }

    /// The limits every match of this pattern runs under.
    public var limits: MatchLimits { storage.limits }

    /// What every match contains, so a policy's one-pass prefilter can skip texts that cannot match.
    public var anchors: LiteralAnchors { storage.anchors }

    /// Process-wide ids of ``LiteralAnchors/literals``.
    var anchorIDs: [Int32] { storage.anchorIDs }
    /// Process-wide ids of ``LiteralAnchors/windowLiterals``.
    var windowIDs: [Int32] { storage.windowIDs }
    /// The lengths of ``LiteralAnchors/windowLiterals``, in bytes.
    var windowLengths: [Int] { storage.windowLengths }
    /// ``LiteralAnchors/windowFollowers``, kept beside the anchors as a set.
    var windowFollowers: ByteSet? { storage.windowFollowers }
    /// ``LiteralAnchors/prefixFollowers``, kept beside the anchors as a set.
    var prefixFollowers: ByteSet? { storage.prefixFollowers }
    /// ``anchorIDs`` as a mask, for the prefilter's test.
    var anchorSet: LiteralIDSet { storage.anchorSet }
    /// ``LiteralAnchors/branches`` as literal ids, for the prefilter's test and its candidates.
    var filter: BranchFilter { storage.filter }
    /// ``LiteralAnchors/minimumDigits``, kept beside the anchors, as are the next two: read through
    /// ``anchors``, each copied the anchors, a reference count per array, for each pattern and text.
    var minimumDigits: Int { storage.minimumDigits }
    /// ``LiteralAnchors/foldsBeyondASCII``, kept beside the anchors.
    var foldsBeyondASCII: Bool { storage.foldsBeyondASCII }
    /// ``LiteralAnchors/windowReach``, kept beside the anchors.
    var windowReach: Int { storage.windowReach }

    private var code: CompiledCode { storage.code }

    /// Compiles `source` with PCRE2 in UTF mode and JIT-compiles it.
    ///
    /// - Parameters:
    ///   - source: The regular expression, in PCRE2 (Perl-compatible) syntax.
    ///   - options: Matching options such as ``Options/caseless``.
    ///   - limits: Backtracking and memory limits for every match. Defaults to ``MatchLimits/default``.
    /// - Throws: ``PatternError`` with PCRE2's message and the UTF-8 byte offset of the error inside `source`.
    public init(_ source: String, options: Options = [], limits: MatchLimits = .default) throws(PatternError) {
        storage = try Storage(source: source, options: options, limits: limits)
    }

    /// Whether `other` is this very compilation, not only the same source: replicas of a policy (see
    /// ``PolicyLoader/replica``) compile their own.
    func isSameCompilation(as other: Pattern) -> Bool {
        storage === other.storage
    }

    /// Whether the pattern runs on PCRE2's JIT (true on every platform PCRE2's JIT supports).
    public var isJITCompiled: Bool { code.isJIT }

    /// Calls `body` with the span of each non-overlapping match in `subject`, from left to right.
    ///
    /// Uses the subject's per-evaluation match data, so no memory is allocated per match or per call.
    ///
    /// - Throws: ``MatchFault`` when a match limit is hit; the matches reported before that stand.
    public func forEachMatch(in subject: Subject, _ body: (Span) -> Void) throws(MatchFault) {
        try forEachMatch(in: subject.text, scratch: subject.scratch, body)
    }

    /// Calls `body` with the span of each non-overlapping match in `text`, from left to right.
    ///
    /// - Throws: ``MatchFault`` when a match limit is hit; the matches reported before that stand.
    public func forEachMatch(in text: String, _ body: (Span) -> Void) throws(MatchFault) {
        try forEachMatch(in: text, scratch: MatchScratch(), body)
    }

    /// The span of the first match in `text`, or `nil` when there is none.
    ///
    /// - Throws: ``MatchFault`` when a match limit is hit.
    public func firstMatch(in text: String) throws(MatchFault) -> Span? {
        var first: Span?
        try forEachMatch(in: text, scratch: MatchScratch(), stopAfterFirst: true) { first = $0 }
        return first
    }

    /// The first match in `text`, reusing an evaluation's match data.
    func firstMatch(in text: String, scratch: MatchScratch) throws(MatchFault) -> Span? {
        var first: Span?
        try forEachMatch(in: text, scratch: scratch, stopAfterFirst: true) { first = $0 }
        return first
    }

    func forEachMatch(
        in text: String,
        scratch: MatchScratch,
        stopAfterFirst: Bool = false,
        _ body: (Span) -> Void
    ) throws(MatchFault) {
        var fault: MatchFault?
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            if let candidates = scratch.matchStarts(of: self, in: text, utf8) {
                switch candidates {
                case .none:
                    scratch.statistics.skipped += 1
                    return
                case .anywhere: break
                case .from(var offset):
                    while offset > 0, offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset -= 1 }  // whole scalars
                    fault = scan(utf8, from: offset, scratch: scratch, stopAfterFirst: stopAfterFirst, body)
                    return
                case .offsets, .windows:
                    guard !scratch.candidates.isEmpty else {
                        scratch.statistics.skipped += 1
                        return
                    }
                    let reach = candidates == .windows ? windowReach : 0
                    fault = scanCandidates(utf8, reach: reach, scratch: scratch, stopAfterFirst: stopAfterFirst, body)
                    return
                }
            }
            fault = scan(utf8, from: 0, scratch: scratch, stopAfterFirst: stopAfterFirst, body)
        }
        if scanned == nil {
            fault = Array(text.utf8).withUnsafeBufferPointer { utf8 in
                scan(utf8, from: 0, scratch: scratch, stopAfterFirst: stopAfterFirst, body)
            }
        }
        if let fault { throw fault }
    }

    /// Calls `body` for each match that starts in `starts` (UTF-8 offsets, on scalar boundaries), without
    /// the policy's prefilter: for a check that knows better where its pattern can match, such as inside
    /// runs of the characters it is made of. Lookarounds still see the whole text.
    func forEachMatch(
        in text: String, startingIn starts: Range<Int>, scratch: MatchScratch, _ body: (Span) -> Void
    ) throws(MatchFault) {
        guard !starts.isEmpty else { return }
        let fault = UTF8Scalars.withBytes(of: text) { utf8 -> MatchFault? in
            scratch.statistics.runs += 1
            var next = starts.lowerBound
            return matches(
                in: utf8, startingIn: starts.lowerBound..., through: min(starts.upperBound, utf8.count) - 1,
                context: windowContext(of: scratch), scratch: scratch, stopAfterFirst: false, next: &next, body
            ).fault
        }
        if let fault { throw fault }
    }

    /// Scans bytes that are valid UTF-8 (they come from a `String`), so PCRE2 skips its own UTF check.
    private func scan(
        _ utf8: UnsafeBufferPointer<UInt8>,
        from offset: Int,
        scratch: MatchScratch,
        stopAfterFirst: Bool,
        _ body: (Span) -> Void
    ) -> MatchFault? {
        scratch.statistics.runs += 1
        var start = offset
        return matches(
            in: utf8, startingIn: offset..., context: code.matchContext, scratch: scratch, stopAfterFirst: stopAfterFirst,
            next: &start, body
        ).fault
    }

    /// Looks for matches that start in a window `[candidate − reach, candidate]` of one of
    /// `scratch.candidates` (increasing offsets), the only places a match can start, and reports the same
    /// matches as ``scan(_:from:scratch:stopAfterFirst:_:)`` from 0 would. With `reach` 0 each window is
    /// one offset: the candidate is where a prefix occurs.
    private func scanCandidates(
        _ utf8: UnsafeBufferPointer<UInt8>,
        reach: Int,
        scratch: MatchScratch,
        stopAfterFirst: Bool,
        _ body: (Span) -> Void
    ) -> MatchFault? {
        let context = windowContext(of: scratch)
        scratch.statistics.runs += 1
        let candidates = scratch.candidates
        var next = 0  // where the next match may begin: after the last one
        var index = 0
        while index < candidates.count {
            // Merge overlapping windows into [low, high].
            var low = max(candidates[index] - reach, 0)
            var high = candidates[index]
            index += 1
            while index < candidates.count, candidates[index] - reach <= high + 1 {
                high = candidates[index]
                index += 1
            }
            while low > 0, utf8[low] & 0xC0 == 0x80 { low -= 1 }  // a window starts on a whole scalar
            switch matches(
                in: utf8, startingIn: max(low, next)..., through: high, context: context, scratch: scratch,
                stopAfterFirst: stopAfterFirst, next: &next, body)
            {
            case .exhausted: continue
            case .stopped: return nil
            case .fault(let fault): return fault
            }
        }
        return nil
    }

    /// The scratch's match context, for matches whose offset limit changes per try, with this pattern's limits.
    private func windowContext(of scratch: MatchScratch) -> OpaquePointer {
        let context = scratch.matchContext
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        return context
    }

    /// How a run of ``matches(in:startingIn:through:context:scratch:stopAfterFirst:next:_:)`` ended.
    private enum Outcome {
        case exhausted, stopped, fault(MatchFault)

        var fault: MatchFault? {
            if case .fault(let fault) = self { return fault }
            return nil
        }
    }

    /// Reports, left to right, each non-overlapping match that starts at or after `offsets.lowerBound` and
    /// at or before `limit` (anywhere up to the end when `nil`, else enforced by PCRE2's offset limit, so
    /// lookarounds still see the whole text). `next` becomes where a following match may start.
    private func matches(
        in utf8: UnsafeBufferPointer<UInt8>,
        startingIn offsets: PartialRangeFrom<Int>,
        through limit: Int? = nil,
        context: OpaquePointer,
        scratch: MatchScratch,
        stopAfterFirst: Bool,
        next: inout Int,
        _ body: (Span) -> Void
    ) -> Outcome {
        var offset = offsets.lowerBound
        while offset <= (limit ?? utf8.count) {
            if let limit { pcre2_set_offset_limit_8(context, limit) }
            // The JIT's own entry point skips `pcre2_match`'s checks of its arguments, which these are known to
            // pass (valid UTF-8, an offset inside the text, no options the JIT lacks): a seventh of a try's
            // cost where candidates are many and each fails at once. An empty text may have no address, which
            // only `pcre2_match` accepts.
            let rc =
                code.isJIT && utf8.baseAddress != nil
                ? pcre2_jit_match_8(code.pointer, utf8.baseAddress, utf8.count, offset, 0, scratch.matchData, context)
                : pcre2_match_8(
                    code.pointer, utf8.baseAddress, utf8.count, offset, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData,
                    context)
            if rc == PCRE2_ERROR_NOMATCH { return .exhausted }
            // rc == 0 means the ovector was too small for the capture groups; group 0 is still set.
            guard rc >= 0, let ovector = pcre2_get_ovector_pointer_8(scratch.matchData) else {
                return .fault(MatchFault(code: rc, pattern: source, utf8Offset: offset))
            }
            let span = Span(start: ovector[0], end: ovector[1])
            scratch.statistics.matches += 1
            body(span)
            if stopAfterFirst { return .stopped }
            next = span.isEmpty ? UTF8Scalars.nextScalarStart(in: utf8, after: span.end) : span.end
            offset = next
        }
        return .exhausted
    }
}

extension Pattern {
    /// Options that change how a ``Pattern`` matches.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32

        /// Creates options from PCRE2 compile flags.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Letters match regardless of case (`(?i)`).
        public static let caseless = Options(rawValue: UInt32(PCRE2_CASELESS))
        /// `^` and `$` match at line starts and ends too (`(?m)`).
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        /// `.` matches newlines too (`(?s)`).
        public static let dotAll = Options(rawValue: UInt32(PCRE2_DOTALL))
        /// `\d`, `\w`, `\b` and POSIX classes use Unicode properties instead of ASCII only.
        public static let ucp = Options(rawValue: UInt32(PCRE2_UCP))
    }
}

extension Pattern: CustomStringConvertible {
    /// The pattern source between slashes, as in `/abc/`.
    public var description: String { "/\(source)/" }
}

/// Owns one compiled PCRE2 code block and its match context.
///
/// `@unchecked Sendable` is sound: both handles are written only inside `init`, before the instance
/// escapes (JIT compilation included), and PCRE2 documents compiled code and match contexts as safe to
/// use from many threads at once when nobody modifies them. Per-match state lives in ``MatchScratch``,
/// which is never shared.
private final class CompiledCode: @unchecked Sendable {
    let pointer: OpaquePointer
    let matchContext: OpaquePointer
    let isJIT: Bool

    init(source: String, options: UInt32, limits: MatchLimits) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = source.utf8.withContiguousStorageIfAvailable { utf8 in
            pcre2_compile_8(utf8.baseAddress, utf8.count, options, &errorCode, &errorOffset, nil)
        } ?? Array(source.utf8).withUnsafeBufferPointer { utf8 in
            pcre2_compile_8(utf8.baseAddress, utf8.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(code: errorCode, pattern: source, utf8Offset: errorOffset)
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw PatternError(code: PCRE2_ERROR_NOMEMORY, pattern: source, utf8Offset: 0)
        }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        // Without JIT support PCRE2 falls back to its interpreter, which honours the same limits.
        self.isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        self.pointer = compiled
        self.matchContext = context
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
        pcre2_code_free_8(pointer)
    }
}
