// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Synchronization

/// What every match of a pattern must contain, read from the pattern's source: its anchors.
///
/// A text that contains none of ``literals`` (or fewer ASCII digits than ``minimumDigits``) cannot
/// match, so the pattern need not run on it. The analysis is conservative: whatever it does not
/// understand (backreferences, conditionals, `(*VERB)`s, extended mode) weakens or drops the anchors and
/// never makes them wrong. Literals are ASCII-lower-cased, because the anchor pass folds ASCII case.
///
/// ```swift
/// LiteralAnchors(source: #"\b(?:ignore|disregard)\s+all\b"#, caseless: false, unicodeClasses: false)
/// // literals: ["ignore", "disregard"], minimumDigits: 0
/// ```
public struct LiteralAnchors: Sendable, Hashable {
    /// Every match contains at least one of these byte strings, compared with ASCII case folded. Empty
    /// when no literal is required.
    public let literals: [[UInt8]]
    /// Every match starts with one of these byte strings (ASCII case folded), so the match can only begin
    /// where the anchor pass saw one. Empty when unknown, or when a prefix is too common to be worth it.
    public let prefixes: [[UInt8]]
    /// The bytes (ASCII-lower-cased) that can come right after a prefix at a match's start, in increasing
    /// order: a prefix followed by none of them starts no match, unless the match can end with it (a word
    /// of a list, say), which any byte or the text's end may follow. `nil` when every prefix can end a
    /// match, or any byte can follow. The `i` of `i will hurt you` is followed by white space or a verb, so
    /// `in` and `if` are not worth a try.
    public var prefixFollowers: [UInt8]? { prefixFollowerSet?.bytes }
    /// ``prefixFollowers`` as a set, for the prefilter's test.
    let prefixFollowerSet: ByteSet?
    /// The ``prefixes`` a match can end with, which ``prefixFollowers`` say nothing about.
    let openPrefixes: Set<[UInt8]>
    /// Every match contains one of these byte strings (ASCII case folded) starting at most ``windowReach``
    /// bytes after the match starts, so matches need only be looked for just before each occurrence.
    /// Empty when unknown or not selective; used when there are no ``prefixes``.
    public let windowLiterals: [[UInt8]]
    /// See ``windowLiterals``.
    public let windowReach: Int
    /// The bytes (ASCII-lower-cased) that come right after the window literal in every match, in
    /// increasing order: a window literal followed by none of them is no candidate. `nil` when any byte
    /// can follow, or the text's end. A MAC address's `-` is followed by a hex digit, so the `-` of
    /// `well-known` is not worth a try.
    public var windowFollowers: [UInt8]? { windowFollowerSet?.bytes }
    /// ``windowFollowers`` as a set, for the prefilter's test.
    let windowFollowerSet: ByteSet?
    /// The pattern's alternatives, each with what its matches need: every match is a match of at least
    /// one branch. A pattern `A|B` has a branch for `A` and one for `B`; a branch whose own alternatives
    /// need different things (`(?:kill|hurt)\s+you|i\s+hate\s+you`) is split further. A text that
    /// satisfies no branch's ``Branch/requirements`` cannot match. Empty when the analysis knows nothing.
    public let branches: [Branch]
    /// Every match contains at least this many ASCII digits.
    public let minimumDigits: Int
    /// A literal read under caseless matching contains `k` or `s`, which PCRE2 also matches against
    /// U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S; texts holding those skip the literal test.
    public let foldsBeyondASCII: Bool

    /// Whether the anchors can rule a text out without running the pattern: it lacks every literal, has too
    /// few digits, or has no window literal (a pattern tried only near digits skips a text without any).
    public var isAnchored: Bool { !literals.isEmpty || minimumDigits > 1 || !windowLiterals.isEmpty }

    /// Reads the anchors of a PCRE2 pattern.
    ///
    /// - Parameters:
    ///   - source: The pattern as written.
    ///   - caseless: Whether the pattern is compiled caseless.
    ///   - unicodeClasses: Whether `\d` matches every Unicode decimal digit (PCRE2's UCP mode).
    public init(source: String, caseless: Bool, unicodeClasses: Bool) {
        let key = AnalysisKey(source: source, caseless: caseless, unicodeClasses: unicodeClasses)
        if let known = Self.analyzed.withLock({ $0[key] }) {
            self = known
            return
        }
        self.init(analyzing: source, caseless: caseless, unicodeClasses: unicodeClasses)
        let result = self
        Self.analyzed.withLock { $0[key] = result }
    }

    private struct AnalysisKey: Hashable {
        var source: String
        var caseless: Bool
        var unicodeClasses: Bool
    }

    /// Every pattern analysed in this process: policies are reloaded, and their patterns rarely change.
    private static let analyzed = Mutex<[AnalysisKey: LiteralAnchors]>([:])

    private init(analyzing source: String, caseless: Bool, unicodeClasses: Bool) {
        var parser = Parser(source: Array(source.unicodeScalars), caseless: caseless, unicodeClasses: unicodeClasses)
        guard let (node, topBranches) = parser.parsePattern() else {
            self.init(literals: [], prefixes: [], minimumDigits: 0, foldsBeyondASCII: false)
            return
        }
        var window: (literals: [Literal], reach: Int, followers: ByteSet?) =
            node.window.map { (Array($0.literals), $0.reach, $0.isOpen ? nil : $0.followers) } ?? ([], 0, nil)
        if !window.literals.allSatisfy(Self.isSelectivePrefix), !Node.isDigits(window.literals) {
            window = ([], 0, nil)
        }
        let literals = node.requirement.map { Self.minimized($0) } ?? []
        let prefixes = Self.selectivePrefixes(node.starts)
        self.init(
            literals: Self.ordered(literals), prefixes: prefixes, prefixFollowers: node.startFollowers,
            openPrefixes: Set(prefixes.filter { node.openStarts.contains(Literal($0)) }),
            windowLiterals: Self.ordered(window.literals), windowReach: window.reach, windowFollowers: window.followers,
            branches: topBranches.flatMap(Self.branches(of:)), minimumDigits: node.digits,
            foldsBeyondASCII: parser.sawCaselessKOrS)
    }

    init(
        literals: [[UInt8]], prefixes: [[UInt8]], prefixFollowers: ByteSet? = nil, openPrefixes: Set<[UInt8]> = [],
        windowLiterals: [[UInt8]] = [], windowReach: Int = 0, windowFollowers: ByteSet? = nil, branches: [Branch] = [],
        minimumDigits: Int, foldsBeyondASCII: Bool
    ) {
        self.literals = literals
        self.prefixes = prefixes
        let isFollowed = prefixes.count > openPrefixes.count && prefixFollowers != .all
        self.prefixFollowerSet = isFollowed ? prefixFollowers : nil
        self.openPrefixes = isFollowed ? openPrefixes : []
        self.windowLiterals = windowLiterals
        self.windowReach = windowReach
        self.windowFollowerSet = windowLiterals.isEmpty || windowFollowers == .all ? nil : windowFollowers
        self.branches = branches
        self.minimumDigits = minimumDigits
        self.foldsBeyondASCII = foldsBeyondASCII
    }

    /// The branches of one top-level alternative: one per alternative of its requirements, all starting
    /// like it does.
    private static func branches(of node: Node) -> [Branch] {
        let prefixes = selectivePrefixes(node.starts)
        return node.conditions.map { clause in
            let selective = clause.filter { $0.quality >= Node.minimumRequirementQuality }.prefix(Node.maximumRequirements)
            return Branch(requirements: selective.map { ordered(minimized($0.literals)) }, prefixes: prefixes)
        }
    }

    /// `starts` in order, or none when one of them is too common to be worth looking up.
    private static func selectivePrefixes(_ starts: LiteralSet?) -> [[UInt8]] {
        guard let starts, starts.allSatisfy(isSelectivePrefix) else { return [] }
        return ordered(Array(starts))
    }

    private static func ordered(_ literals: [Literal]) -> [[UInt8]] {
        literals.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }.map(\.bytes)
    }

    /// A prefix worth looking up: two bytes or more, one letter at a word start, or one byte that is not a
    /// letter, digit or space.
    private static func isSelectivePrefix(_ prefix: Literal) -> Bool {
        if prefix.count >= 2 { return true }
        guard let byte = prefix.first else { return false }
        return byte > 0x20 && byte < 0x80 && !Node.isAlphanumeric(byte)
    }

    /// Drops literals that contain another literal of the set: the shorter one is present whenever the
    /// longer one is.
    private static func minimized(_ set: LiteralSet) -> [Literal] {
        var kept: [Literal] = []
        for literal in set where !kept.contains(where: { literal.contains($0) }) {  // shortest first
            kept.append(literal)
        }
        return kept
    }
}

extension LiteralAnchors {
    /// One alternative of a pattern and what its matches need (see ``LiteralAnchors/branches``).
    public struct Branch: Sendable, Hashable {
        /// Sets of byte strings (ASCII case folded): every match of the branch contains one string of each
        /// set. Empty when the branch needs nothing the analysis can name.
        public let requirements: [[[UInt8]]]
        /// Every match of the branch starts with one of these, as in ``LiteralAnchors/prefixes``; empty
        /// when unknown or too common.
        public let prefixes: [[UInt8]]
    }
}

// MARK: - Analysis

extension LiteralAnchors {
    /// What the analysis knows about one node of the pattern.
    struct Node {
        /// Every string the node can match, when there are few; `nil` when unknown or too many.
        var exact: LiteralSet?
        /// Every match of the node contains one of these; `nil` when nothing is required.
        var required: LiteralSet?
        /// ASCII digits every match contains.
        var digits: Int
        /// Every match starts with one of these; the empty string means "may be empty, so look further".
        /// `nil` when unknown. Equal to `exact` when that is known. A start string that begins with
        /// ``wordStartMarker`` can only occur where the byte before it is not an ASCII letter or digit.
        var starts: LiteralSet?
        /// An assertion that the byte before this point is not `a–z` or `0–9` when an ASCII letter or digit
        /// follows: `\b`, or a negative lookbehind on a class holding `a-z` and `0-9` (or `\w`).
        var assertsWordStart = false
        /// The most UTF-8 bytes one match of the node can span; `nil` when unbounded.
        var maxLength: Int?
        /// Every match contains one of `literals` starting at most `reach` bytes after the match starts.
        var window: Window?
        /// Alternatives every match satisfies one of, each a list of sets every match of it contains a
        /// string of: in a sequence every part's requirement holds at once (`ignore … previous …
        /// instructions`); in an alternation each branch brings its own. `nil`: only ``requirement``.
        var clauses: [[Requirement]]?
        /// The bytes (ASCII-lower-cased) a match that is not empty begins with (``ByteSet/all`` when
        /// unknown). What can follow a prefix or a window literal is read from these (see
        /// ``Window/follow(_:staysOpen:)``).
        var firstBytes: ByteSet
        /// Whether the node can match the empty string.
        var mayBeEmpty: Bool
        /// The bytes (ASCII-lower-cased) that can come right after a string of ``starts`` in a match, so far.
        var startFollowers: ByteSet
        /// The strings of ``starts`` that can end where the node's match ends: what follows the node can
        /// follow them too, so ``startFollowers`` is not complete for them yet. All of them for an exact node.
        var openStarts: OpenStarts

        init(
            exact: LiteralSet?, required: LiteralSet?, digits: Int, starts: LiteralSet?? = .none,
            maxLength: Int?? = .none, window: Window?? = .none, firstBytes: ByteSet? = nil, mayBeEmpty: Bool? = nil,
            startFollowers: ByteSet? = nil, openStarts: OpenStarts = .all
        ) {
            self.exact = exact
            self.required = required
            self.digits = digits
            self.starts = starts ?? exact
            self.maxLength = maxLength ?? (exact.map(Self.longest) ?? 4)
            self.window = window ?? exact.flatMap { Window($0, reach: 0) }
            self.firstBytes = firstBytes ?? exact.map(Self.firstBytes(of:)) ?? .all
            self.mayBeEmpty = mayBeEmpty ?? (exact.map { $0.first?.isEmpty == true } ?? true)  // shortest first
            // The start strings of an exact node are its whole matches: what follows them is what follows it.
            self.startFollowers = startFollowers ?? (starts == nil ? ByteSet() : .all)
            self.openStarts = openStarts
        }

        /// Which strings of a start set can end where their node's match ends.
        enum OpenStarts {
            case none
            /// Every string of the set.
            case all
            /// These.
            case some(LiteralSet)

            func contains(_ literal: Literal) -> Bool {
                switch self {
                case .none: false
                case .all: true
                case .some(let open): open.contains(literal)
                }
            }

            var isEmpty: Bool {
                switch self {
                case .none: true
                case .all: false
                case .some(let open): open.isEmpty
                }
            }

            /// The open strings of an alternation of `branches`, whose start sets are united.
            static func union(_ branches: [Node]) -> OpenStarts {
                if branches.allSatisfy({ if case .all = $0.openStarts { true } else { false } }) { return .all }
                var open = LiteralSet()
                for branch in branches {
                    switch branch.openStarts {
                    case .none: break
                    case .all: open.formUnion(branch.starts ?? [])
                    case .some(let strings): open.formUnion(strings)
                    }
                }
                return open.isEmpty ? .none : .some(open)
            }
        }

        /// Builds a start set and its open strings. It records them only once a string is not open, and
        /// sorts them once at the end: in a list of words they are nearly all of the set.
        struct StartsBuilder {
            private(set) var starts = LiteralSet()
            private var open: [Literal] = []
            private var someClosed = false

            mutating func insert(_ literal: Literal, isOpen: Bool) {
                if someClosed {
                    if isOpen { open.append(literal) }
                } else if !isOpen {
                    open = Array(starts)  // every string so far is open
                    someClosed = true
                }
                starts.insert(literal)
            }

            var openStarts: OpenStarts { someClosed ? (open.isEmpty ? .none : .some(LiteralSet(open))) : .all }
        }

        /// One character of a class, which begins with one of `firstBytes`: one byte when the class is ASCII
        /// only, else up to four.
        static func character(asciiOnly: Bool, firstBytes: ByteSet, digits: Int = 0) -> Node {
            Node(
                exact: nil, required: nil, digits: digits, maxLength: asciiOnly ? 1 : 4, firstBytes: firstBytes,
                mayBeEmpty: false)
        }

        /// The first bytes of the strings of `set`.
        private static func firstBytes(of set: LiteralSet) -> ByteSet {
            var bytes = ByteSet()
            for literal in set where !literal.isEmpty { bytes.insert(literal[0]) }
            return bytes
        }

        /// What `\d` (`0-9`), `\w` (`0-9`, `a-z`, `_`) and `\s` (ASCII white space) begin with; with Unicode
        /// classes, any character beyond ASCII too.
        static func firstBytes(ofEscape escape: Unicode.Scalar, unicodeClasses: Bool) -> ByteSet {
            let ascii = escape == "d" ? digit.firstBytes : escape == "w" ? wordBytes : spaceBytes
            return unicodeClasses ? ascii.union(.beyondASCII) : ascii
        }

        private static let wordBytes = ByteSet(Array(0x30...0x39) + Array(0x61...0x7A) + [0x5F])
        private static let spaceBytes = ByteSet([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])

        /// A backreference: unknown text of unknown length, possibly empty.
        static let unbounded = Node(exact: nil, required: nil, digits: 0, maxLength: .some(nil))

        static let empty = Node(exact: .emptyString, required: nil, digits: 0)
        static var wordStart: Node {
            var node = Node.empty
            node.assertsWordStart = true
            return node
        }
        static let anything = Node(exact: nil, required: nil, digits: 0, mayBeEmpty: false)
        /// An ASCII digit: matches hold one where it is, so the digits are its window (phone numbers, IP
        /// addresses and IBANs have no fixed text, but start at or just before a digit).
        static let digit = Node(
            exact: nil, required: nil, digits: 1, maxLength: 1,
            window: .some(Window(literals: digitLiterals, reach: 0)), firstBytes: ByteSet(0x30...0x39),
            mayBeEmpty: false)
        /// `0` to `9`, each one byte.
        static let digitLiterals = LiteralSet((UInt8(ascii: "0")...UInt8(ascii: "9")).map { Literal([$0]) })

        static func characters(_ set: LiteralSet, digits: Int = 0) -> Node {
            Node(exact: set, required: nil, digits: digits)
        }

        /// The node of each ASCII byte, built once: patterns are mostly literal characters.
        static let asciiCharacters: [Node] = (0..<128).map { byte in
            .characters([[UInt8(byte)]], digits: (0x30...0x39).contains(byte) ? 1 : 0)
        }

        /// What the start set of a sequence needs of each of its parts, and of the rest of the sequence after
        /// a part (see ``starts(of:before:)``).
        struct Beginning {
            let starts: LiteralSet?
            let isExact: Bool
            let assertsWordStart: Bool
            let startFollowers: ByteSet
            let openStarts: OpenStarts
            let firstBytes: ByteSet
            let mayBeEmpty: Bool

            /// The rest of a sequence after its last part: nothing.
            static let end = Beginning(
                starts: .emptyString, isExact: true, assertsWordStart: false, startFollowers: ByteSet(),
                openStarts: .none, firstBytes: ByteSet(), mayBeEmpty: true)
        }

        var beginning: Beginning {
            Beginning(
                starts: starts, isExact: exact != nil, assertsWordStart: assertsWordStart,
                startFollowers: startFollowers, openStarts: openStarts, firstBytes: firstBytes,
                mayBeEmpty: mayBeEmpty)
        }

        /// How a sequence begins from `node` on, `rest` being how it goes on after `node`: the start set, what
        /// follows each start string, what a match begins with.
        static func starts(of node: Beginning, before rest: Beginning) -> Beginning {
            var followers = ByteSet()
            var result = StartsBuilder()
            var isKnown = node.starts != nil
            let headCount = node.starts?.count ?? 0
            for head in node.starts ?? [] {
                if head.isEmpty {
                    guard let tails = rest.starts else {
                        isKnown = false
                        break
                    }
                    for tail in tails {
                        let marks = node.assertsWordStart && tail.first.map(isAlphanumeric) == true
                        let start = marks ? Literal([wordStartMarker]).appending(tail) : tail
                        result.insert(start, isOpen: rest.openStarts.contains(tail))
                    }
                    followers = followers.union(rest.startFollowers)
                } else if node.isExact, let tails = rest.starts, headCount * tails.count <= maximumStarts {
                    // Inside a longer string the word-start condition is not checked: drop its marker.
                    for tail in tails {
                        let unmarked = tail.first == wordStartMarker ? tail.droppingFirst() : tail
                        // Cut short, a string no longer ends where its followers were read; nor does it end
                        // the match, the rest of its string follows.
                        let isCut = head.count + unmarked.count > maximumLiteralLength
                        if isCut { followers = .all }
                        // With the empty tail, the head alone ends where the sequence does.
                        let isOpen = !isCut && (tail.isEmpty || rest.openStarts.contains(tail))
                        result.insert(head.appending(unmarked, upTo: maximumLiteralLength), isOpen: isOpen)
                    }
                    followers = followers.union(rest.startFollowers)
                } else if node.isExact {
                    result.insert(head, isOpen: rest.mayBeEmpty)
                    followers = followers.union(rest.firstBytes)
                } else {
                    let isOpen = node.openStarts.contains(head)
                    result.insert(head, isOpen: isOpen && rest.mayBeEmpty)
                    followers = followers.union(node.startFollowers)
                    if isOpen { followers = followers.union(rest.firstBytes) }
                }
            }
            let starts = isKnown && result.starts.count <= maximumStarts ? result.starts : nil
            return Beginning(
                starts: starts, isExact: false, assertsWordStart: false, startFollowers: followers,
                openStarts: result.openStarts,
                firstBytes: node.mayBeEmpty ? node.firstBytes.union(rest.firstBytes) : node.firstBytes,
                mayBeEmpty: node.mayBeEmpty && rest.mayBeEmpty)
        }

        /// Marks a start string that follows a word-start assertion; 0xFF never occurs in UTF-8.
        static let wordStartMarker: UInt8 = 0xFF

        static func isAlphanumeric(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) }
        static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

        static let maximumExact = 16
        static let maximumRequired = 64
        static let maximumStarts = 256
        static let maximumLiteralLength = 24

        /// ``clauses``, or the one clause ``requirement`` gives; `[[]]` when nothing is known.
        var conditions: [[Requirement]] {
            clauses ?? [requirement.map { [Requirement($0)] } ?? []]
        }

        /// Alternatives beyond this many are merged (see ``either(_:)``): each is a test per text.
        static let maximumClauses = 16
        /// A clause keeps at most this many of its requirements, the most selective.
        static let maximumClauseSets = 6

        /// Both conditions at once: every clause of one with every clause of the other, or the stronger of
        /// the two when that would make too many.
        static func both(_ a: [[Requirement]], _ b: [[Requirement]]) -> [[Requirement]] {
            if a.count == 1, a[0].isEmpty { return b }
            if b.count == 1, b[0].isEmpty { return a }
            guard a.count * b.count <= maximumClauses else { return strength(a) >= strength(b) ? a : b }
            return a.flatMap { left in b.map { right in merged(left, right) } }
        }

        /// The requirements of two clauses, the most selective first, without repeats, at most
        /// ``maximumClauseSets``.
        private static func merged(_ left: [Requirement], _ right: [Requirement]) -> [Requirement] {
            var clause = left
            for requirement in right
            where !clause.contains(where: { $0.quality == requirement.quality && $0.literals == requirement.literals }) {
                clause.append(requirement)
            }
            clause.sort { $0.quality > $1.quality }
            return clause.count > maximumClauseSets ? Array(clause.prefix(maximumClauseSets)) : clause
        }

        /// One of several conditions: all their clauses, or, when there are too many, one clause holding
        /// the best set of each (every match still contains one of its strings).
        static func either(_ conditions: [[[Requirement]]]) -> [[Requirement]] {
            let clauses = conditions.flatMap { $0 }
            guard clauses.count > maximumClauses else { return clauses }
            var union = LiteralSet()
            for clause in clauses {
                guard let best = clause.first else { return [[]] }  // clauses keep their best first
                union.formUnion(best.literals)
            }
            return union.count > maximumRequired ? [[]] : [[Requirement(union)]]
        }

        /// How much a condition rules out: that of its weakest clause, whose own is that of its best set.
        static func strength(_ clauses: [[Requirement]]) -> Double {
            clauses.map { $0.first?.quality ?? 0 }.min() ?? 0
        }

        /// The strings every match contains one of, from the exact set when it has no empty string.
        var requirement: LiteralSet? {
            if let exact, !exact.isEmpty, !exact.contains([]) { return Self.better(exact, required) }
            return required
        }

        /// Which of two requirements rules out more texts: longer literals, then fewer of them.
        static func better(_ a: LiteralSet?, _ b: LiteralSet?) -> LiteralSet? {
            guard let a else { return b }
            guard let b else { return a }
            return quality(a) >= quality(b) ? a : b
        }

        static func quality(_ set: LiteralSet) -> Double {
            // Digits are one class: rarer in prose than common punctuation (a third as frequent as `.` in
            // chat text), and a run of them is one window.
            if isDigits(set) { return digitQuality }
            var weakest = set.isEmpty ? 0 : Double.infinity
            for literal in set { weakest = Swift.min(weakest, selectivity(literal)) }
            let bits = set.count.bitWidth - set.count.leadingZeroBitCount  // about log2(count) + 1
            return weakest - 0.25 * Double(bits)
        }

        /// The quality of a set of digits: a single common byte's (0.5 − 0.25) and a quarter, so that it
        /// rates above `.` or `-` and below a rare symbol such as `@`.
        static let digitQuality = 0.5

        /// Whether `literals` are single ASCII digits, one or more (read without hashing: this runs for every
        /// set the analysis rates).
        static func isDigits(_ literals: some Collection<Literal>) -> Bool {
            !literals.isEmpty && literals.allSatisfy(isDigit)
        }

        /// Whether `literal` is one ASCII digit.
        static func isDigit(_ literal: Literal) -> Bool { literal.count == 1 && isDigit(literal[0]) }

        /// How rarely a literal occurs in ordinary text: its length, except that a single letter, digit,
        /// space or common punctuation mark counts for less than a rare symbol such as `@`.
        private static func selectivity(_ literal: Literal) -> Double {
            guard literal.count == 1 else { return Double(Swift.min(literal.count, 6)) }
            let byte = literal[0]
            return isAlphanumeric(byte) || byte <= 0x20 || isCommonPunctuation(byte) ? 0.5 : 1.5
        }

        private static func isCommonPunctuation(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"),
                UInt8(ascii: ";"), UInt8(ascii: "/"):
                true
            default: false
            }
        }

        /// The length of the longest string of `set`.
        static func longest(_ set: LiteralSet) -> Int {
            set.reduce(0) { Swift.max($0, $1.count) }
        }

        /// Every string of `left` followed by every string of `right`, unless there would be too many or
        /// too long ones.
        static func concatenation(_ left: LiteralSet, _ right: LiteralSet) -> LiteralSet? {
            guard left.count * right.count <= maximumExact, longest(left) + longest(right) <= maximumLiteralLength else {
                return nil
            }
            if left.count == 1, left[0].isEmpty { return right }
            var result = LiteralSet()
            for l in left {
                for r in right { result.insert(l.appending(r)) }
            }
            return result
        }

        /// `a` followed by `b`.
        static func sequence(_ a: Node, _ b: Node) -> Node {
            let exact = a.exact.flatMap { left in b.exact.flatMap { right in concatenation(left, right) } }
            let required = better(a.requirement, b.requirement)
            let length = a.maxLength.flatMap { left in b.maxLength.map { left + $0 } }
            var followed = a.window
            followed?.follow(b)
            var window = Window.better(followed, a.maxLength.flatMap { length in b.window?.shifted(by: length) })
            if let exact, let whole = Window(exact, reach: 0) { window = Window.better(whole, window) }
            var node = Node(
                exact: exact, required: required, digits: a.digits + b.digits, maxLength: .some(length),
                window: .some(window),
                firstBytes: a.mayBeEmpty ? a.firstBytes.union(b.firstBytes) : a.firstBytes,
                mayBeEmpty: a.mayBeEmpty && b.mayBeEmpty)
            if exact == nil { node.clauses = both(a.conditions, b.conditions) }
            return node
        }

        /// One of `branches`.
        static func alternation(_ branches: [Node]) -> Node {
            guard let first = branches.first else { return .empty }
            guard branches.count > 1 else { return first }
            var exact: LiteralSet? = []
            var required: LiteralSet? = []
            var starts: LiteralSet? = []
            for branch in branches {
                unite(&exact, with: branch.exact, upTo: maximumExact)
                unite(&required, with: branch.requirement, upTo: maximumRequired)
                unite(&starts, with: branch.starts, upTo: maximumStarts)
            }
            var length: Int? = 0
            var window: Window? = Window(literals: [], reach: 0, isOpen: false)
            var firstBytes = ByteSet()
            var startFollowers = ByteSet()
            for branch in branches {
                length = length.flatMap { longest in branch.maxLength.map { max(longest, $0) } }
                window = window.flatMap { union in branch.window.flatMap { union.union($0) } }
                firstBytes = firstBytes.union(branch.firstBytes)
                startFollowers = startFollowers.union(branch.startFollowers)
            }
            if let exact, let whole = Window(exact, reach: 0) { window = Window.better(whole, window) }
            var node = Node(
                exact: exact, required: required, digits: branches.lazy.map { $0.digits }.min() ?? 0, starts: .some(starts),
                maxLength: .some(length), window: .some(window), firstBytes: firstBytes,
                mayBeEmpty: branches.contains { $0.mayBeEmpty },
                startFollowers: exact == nil ? startFollowers : ByteSet(),
                openStarts: exact == nil ? .union(branches) : .all)
            if exact == nil { node.clauses = either(branches.map(\.conditions)) }
            return node
        }

        /// Adds `other` to `union`, which becomes `nil` (unknown) when `other` is, or when it would hold more
        /// than `limit` strings. The union is built in place: alternations of hundreds of words are common.
        private static func unite(_ union: inout LiteralSet?, with other: LiteralSet?, upTo limit: Int) {
            guard union != nil else { return }
            guard let other else {
                union = nil
                return
            }
            union!.formUnion(other)
            if union!.count > limit { union = nil }
        }

        /// `node` repeated at least `minimum` and at most `maximum` times (`nil`: unbounded).
        static func repetition(_ node: Node, minimum: Int, maximum: Int?) -> Node {
            let length = maximum.flatMap { count in node.maxLength.map { count * $0 } }
            // A start string that ends one repetition may be followed by the next.
            var startFollowers = node.startFollowers
            if !node.openStarts.isEmpty, maximum != 1 { startFollowers = startFollowers.union(node.firstBytes) }
            if minimum == 0 {
                if maximum == 1, let exact = node.exact { return Node(exact: exact.union(.emptyString), required: nil, digits: 0) }
                return Node(
                    exact: nil, required: nil, digits: 0, starts: .some(node.starts.map { $0.union(.emptyString) }),
                    maxLength: .some(length), window: .some(nil), firstBytes: node.firstBytes, mayBeEmpty: true,
                    startFollowers: startFollowers, openStarts: node.openStarts)
            }
            var exact: LiteralSet?
            if minimum == maximum, let unit = node.exact {
                exact = unit
                for _ in 1..<minimum {
                    exact = exact.flatMap { power in
                        concatenation(power, unit)
                    }
                }
            }
            // A window literal that ends one repetition may be followed by the next.
            var window = node.window
            if maximum != 1 { window?.follow(node, staysOpen: true) }
            var repeated = Node(
                exact: exact, required: node.requirement, digits: node.digits * minimum,
                starts: .some(exact ?? node.starts), maxLength: .some(length),
                window: .some(exact.flatMap { Window($0, reach: 0) } ?? window), firstBytes: node.firstBytes,
                mayBeEmpty: node.mayBeEmpty, startFollowers: exact == nil ? startFollowers : ByteSet(),
                openStarts: exact == nil ? node.openStarts : .all)
            repeated.clauses = node.clauses
            return repeated
        }

        /// Requirements worth a test per text: sets of literals rare enough to rule texts out.
        static let minimumRequirementQuality = 1.5
        static let maximumRequirements = 3
    }

    /// A set of literals every match contains one of, with how much it rules out (see `Node.quality`),
    /// computed once.
    struct Requirement {
        let literals: LiteralSet
        let quality: Double

        init(_ literals: LiteralSet) {
            self.literals = literals
            self.quality = Node.quality(literals)
        }
    }

    /// Literals one of which every match contains, starting at most `reach` bytes after the match start.
    struct Window {
        let literals: LiteralSet
        let reach: Int
        /// How much the literals narrow candidates (see `Node.better`), computed once.
        let quality: Double
        /// The bytes (ASCII-lower-cased) that can come right after the literal in a match, so far.
        var followers: ByteSet
        /// Whether the literal can end where the node that has this window ends: then whatever follows the
        /// node can follow the literal too, and ``followers`` is not complete yet.
        var isOpen: Bool

        /// Windows wider than this are not worth the tries.
        static let maximumReach = 512

        /// A window whose literals are the whole match of its node: open, and nothing known to follow yet.
        init(literals: LiteralSet, reach: Int, followers: ByteSet = ByteSet(), isOpen: Bool = true) {
            self.init(
                literals: literals, reach: reach, quality: Node.quality(literals), followers: followers, isOpen: isOpen)
        }

        private init(literals: LiteralSet, reach: Int, quality: Double, followers: ByteSet, isOpen: Bool) {
            self.literals = literals
            self.reach = reach
            self.quality = quality
            self.followers = followers
            self.isOpen = isOpen
        }

        /// The window of an exact set, unless it holds the empty string.
        init?(_ exact: LiteralSet, reach: Int) {
            guard !exact.isEmpty, !exact.contains([]), exact.count <= Node.maximumRequired else { return nil }
            self.init(literals: exact, reach: reach)
        }

        func shifted(by length: Int) -> Window? {
            reach + length > Self.maximumReach
                ? nil
                : Window(
                    literals: literals, reach: reach + length, quality: quality, followers: followers, isOpen: isOpen)
        }

        /// Makes this the window of a node that `next` follows: an open window's literal can be followed by
        /// what `next` begins with, and by what follows `next` when that can be empty (or when `staysOpen`:
        /// the literal of a repetition's window can end the last repetition as well as come before the next).
        mutating func follow(_ next: Node, staysOpen: Bool = false) {
            guard isOpen else { return }
            followers = followers.union(next.firstBytes)
            isOpen = staysOpen || next.mayBeEmpty
        }

        /// Either window. Where one side holds a single digit, every literal that starts with a digit is cut
        /// to that digit (a literal's first byte is wherever the literal is), so `25[0-5]|1\d\d|\d` has the
        /// digits as its window rather than a mixed set no test can use. A cut literal no longer ends where
        /// its followers were read, so the union then knows nothing of them.
        func union(_ other: Window) -> Window? {
            var literals = self.literals.union(other.literals)
            var followers = followers.union(other.followers)
            if literals.contains(where: Node.isDigit) {
                let cut = LiteralSet(literals.map { $0.count > 1 && Node.isDigit($0[0]) ? Literal([$0[0]]) : $0 })
                if cut != literals { followers = .all }
                literals = cut
            }
            return literals.count > Node.maximumRequired
                ? nil
                : Window(
                    literals: literals, reach: max(reach, other.reach), followers: followers,
                    isOpen: isOpen || other.isOpen)
        }

        /// The window that narrows candidates more: rarer literals, then a shorter reach.
        static func better(_ a: Window?, _ b: Window?) -> Window? {
            guard let a else { return b }
            guard let b else { return a }
            if a.quality != b.quality { return a.quality > b.quality ? a : b }
            return a.reach <= b.reach ? a : b
        }
    }

    /// A recursive-descent reader of PCRE2 syntax that keeps only what anchors need.
    struct Parser {
        let source: [Unicode.Scalar]
        var position = 0
        var caseless: Bool
        let unicodeClasses: Bool
        var sawCaselessKOrS = false
        /// Set when the pattern uses syntax the analysis does not follow; the result is then discarded.
        var gaveUp = false

        init(source: [Unicode.Scalar], caseless: Bool, unicodeClasses: Bool) {
            self.source = source
            self.caseless = caseless
            self.unicodeClasses = unicodeClasses
        }

        /// The whole pattern, and each of its top-level alternatives.
        mutating func parsePattern() -> (pattern: Node, branches: [Node])? {
            var branches = [parseSequence()]
            while current == "|" {
                position += 1
                branches.append(parseSequence())
            }
            return gaveUp || position != source.count ? nil : (.alternation(branches), branches)
        }

        private var current: Unicode.Scalar? { position < source.count ? source[position] : nil }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < source.count ? source[position + offset] : nil
        }

        private mutating func giveUp() -> Node {
            gaveUp = true
            position = source.count
            return .anything
        }

        /// Branches up to a closing parenthesis or the end. Option changes carry into later branches.
        private mutating func parseAlternation() -> Node {
            let saved = caseless
            var branches = [parseSequence()]
            while current == "|" {
                position += 1
                branches.append(parseSequence())
            }
            caseless = saved
            return .alternation(branches)
        }

        /// Consecutive atoms with exact strings join into runs (`g`,`o` → `go`); the best requirement of
        /// any run or atom holds for the whole sequence.
        private mutating func parseSequence() -> Node {
            var run = Node.empty
            var isExact = true
            var required: LiteralSet?
            var digits = 0
            var atoms: [Node.Beginning] = []
            var length: Int? = 0  // bytes before the current atom, while bounded
            var runStart: Int? = 0  // bytes before the current run of exact atoms
            var window: Window?
            var conditions: [[Requirement]] = [[]]  // every part's, at once
            while let scalar = current, scalar != "|", scalar != ")", !gaveUp {
                let atom = parseQuantifier(after: parseAtom())
                atoms.append(atom.beginning)
                digits += atom.digits
                window?.follow(atom)
                if let before = length {
                    window = Window.better(window, atom.window?.shifted(by: before))
                }
                defer {
                    length = length.flatMap { before in atom.maxLength.map { before + $0 } }
                    if let reach = runStart, run.exact != nil, let whole = run.window {
                        window = Window.better(window, whole.shifted(by: reach))
                    }
                }
                required = Node.better(required, atom.required)
                if let runExact = run.exact, let atomExact = atom.exact, let joined = Node.concatenation(runExact, atomExact) {
                    run = Node(exact: joined, required: nil, digits: 0)
                    continue
                }
                required = Node.better(required, run.requirement)
                if let finished = run.requirement { conditions = Node.both(conditions, [[Requirement(finished)]]) }
                if atom.exact != nil {
                    run = Node(exact: atom.exact, required: nil, digits: 0)
                    runStart = length
                } else {
                    required = Node.better(required, atom.requirement)
                    conditions = Node.both(conditions, atom.conditions)
                    run = .empty
                    runStart = length.flatMap { before in atom.maxLength.map { before + $0 } }
                }
                isExact = false
            }
            let beginning = atoms.reversed().reduce(Node.Beginning.end) { rest, atom in
                Node.starts(of: atom, before: rest)
            }
            let exact = isExact ? run.exact : nil
            if let last = run.requirement { conditions = Node.both(conditions, [[Requirement(last)]]) }
            var sequence = Node(
                exact: exact, required: Node.better(required, run.requirement), digits: digits,
                starts: .some(exact ?? beginning.starts), maxLength: .some(length),
                window: .some(Window.better(exact.flatMap { Window($0, reach: 0) }, window)),
                firstBytes: beginning.firstBytes, mayBeEmpty: beginning.mayBeEmpty,
                startFollowers: exact == nil ? beginning.startFollowers : ByteSet(),
                openStarts: exact == nil ? beginning.openStarts : .all)
            if exact == nil { sequence.clauses = conditions }
            return sequence
        }

        private mutating func parseQuantifier(after atom: Node) -> Node {
            var result = atom
            while let scalar = current {
                let bounds: (Int, Int?)
                switch scalar {
                case "*": bounds = (0, nil); position += 1
                case "+": bounds = (1, nil); position += 1
                case "?": bounds = (0, 1); position += 1
                case "{":
                    guard let braces = parseBraces() else { return result }
                    bounds = braces
                default: return result
                }
                result = .repetition(result, minimum: bounds.0, maximum: bounds.1)
                if current == "?" || current == "+" { position += 1 }  // lazy or possessive
            }
            return result
        }

        /// `{n}`, `{n,}`, `{n,m}` or `{,m}`; anything else is a literal brace and is left in place.
        private mutating func parseBraces() -> (Int, Int?)? {
            var index = position + 1
            func number() -> Int? {
                var value: Int?
                while index < source.count, ("0"..."9").contains(source[index]) {
                    value = (value ?? 0) * 10 + Int(source[index].value - 0x30)
                    index += 1
                }
                return value
            }
            let minimum = number()
            var maximum = minimum
            if index < source.count, source[index] == "," {
                index += 1
                maximum = number()
                guard minimum != nil || maximum != nil else { return nil }
            }
            guard index < source.count, source[index] == "}", minimum != nil || maximum != nil else { return nil }
            position = index + 1
            return (minimum ?? 0, maximum)
        }

        private mutating func parseAtom() -> Node {
            guard let scalar = current else { return .empty }
            switch scalar {
            case "(": return parseGroup()
            case "[": return parseClass()
            case "\\": return parseEscape()
            case ".": position += 1; return .anything
            case "^", "$": position += 1; return .empty
            default:
                guard scalar.isASCII else {
                    position += 1
                    return literal(scalar)
                }
                return asciiRun()
            }
        }

        /// Consecutive plain ASCII characters as one atom (`ignore` rather than six), which is what the
        /// sequence would join them into, at a fraction of the work. A character that a quantifier follows
        /// is left to be an atom of its own.
        private mutating func asciiRun() -> Node {
            var bytes = Literal()
            var digits = 0
            repeat {
                let byte = foldedByte(current!)
                bytes.append(byte)
                if Node.isDigit(byte) { digits += 1 }
                position += 1
            } while bytes.count < Node.maximumLiteralLength && current.map(continuesRun) == true
            return bytes.count == 1 ? Node.asciiCharacters[Int(bytes[0])] : .characters([bytes], digits: digits)
        }

        /// Whether `scalar`, the next character, joins the run before it: plain ASCII, and not followed by a
        /// quantifier, which applies to it alone.
        private func continuesRun(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && !Self.isSyntax(scalar) && peek(1).map(Self.isQuantifier) != true
        }

        private static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "(", ")", "[", "\\", ".", "^", "$", "|", "*", "+", "?", "{": true
            default: false
            }
        }

        private static func isQuantifier(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "*" || scalar == "+" || scalar == "?" || scalar == "{"
        }

        /// A single character as it appears in text, folded like the anchor pass folds it.
        private mutating func literal(_ scalar: Unicode.Scalar) -> Node {
            if scalar.isASCII { return Node.asciiCharacters[Int(foldedByte(scalar))] }
            // Outside ASCII, caseless matching uses Unicode case folding, which the anchor pass does not.
            if caseless, scalar.properties.changesWhenCaseFolded || scalar.properties.changesWhenCaseMapped {
                return .anything
            }
            return .characters([Literal(String(scalar).utf8)])
        }

        /// An ASCII character as the anchor pass reads it, lower-cased; notes a caseless `k` or `s`.
        private mutating func foldedByte(_ scalar: Unicode.Scalar) -> UInt8 {
            var byte = UInt8(scalar.value)
            if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            if caseless, byte == 0x6B || byte == 0x73 { sawCaselessKOrS = true }
            return byte
        }

        /// A group, from what the process already learnt of the same text when it is long: policies repeat
        /// lexicons (a list of groups of people appears in seven hate-speech patterns).
        private mutating func parseGroup() -> Node {
            guard let close = rememberableGroupEnd() else { return parseGroupText() }
            let key = GroupKey(text: Array(source[position...close]), caseless: caseless, unicodeClasses: unicodeClasses)
            if let known = Self.groups.withLock({ $0[key] }) {
                position = close + 1
                sawCaselessKOrS = sawCaselessKOrS || known.sawCaselessKOrS
                return known.node
            }
            let sawBefore = sawCaselessKOrS
            sawCaselessKOrS = false
            let node = parseGroupText()
            let known = KnownGroup(node: node, sawCaselessKOrS: sawCaselessKOrS)
            sawCaselessKOrS = sawBefore || known.sawCaselessKOrS
            // Remembered only when the group ended where the scan for its parenthesis said: then reading
            // the same text again ends there too, whatever follows it.
            if !gaveUp, position == close + 1 { Self.groups.withLock { $0[key] = known } }
            return node
        }

        /// A group's text and the options it was read under: all its analysis depends on.
        private struct GroupKey: Hashable {
            let text: [Unicode.Scalar]
            let caseless: Bool
            let unicodeClasses: Bool

            /// The text's bytes in one pass, not a round of the hasher per scalar: groups run to hundreds.
            func hash(into hasher: inout Hasher) {
                text.withUnsafeBytes { hasher.combine(bytes: $0) }
                hasher.combine(caseless)
                hasher.combine(unicodeClasses)
            }
        }

        private struct KnownGroup {
            let node: Node
            let sawCaselessKOrS: Bool
        }

        /// Groups of at least ``minimumRememberedLength`` scalars, analysed in this process.
        private static let groups = Mutex<[GroupKey: KnownGroup]>([:])

        /// Shorter groups are quicker to read again than to look up.
        private static let minimumRememberedLength = 16

        /// Where the group opening at `position` closes, when it is long enough to remember and one whose
        /// analysis depends on its text alone: `(?:…)` or a capturing `(…)`, not an option setting, which
        /// changes the options after it. `nil` too for syntax the scan does not follow (`\Q`, POSIX classes).
        private func rememberableGroupEnd() -> Int? {
            if peek(1) == "?" {
                guard peek(2) == ":" else { return nil }
            } else if peek(1) == "*" {
                return nil
            }
            var index = position + 1
            var depth = 1
            var inClass = false
            while index < source.count {
                switch source[index] {
                case "\\":
                    if index + 1 < source.count, source[index + 1] == "Q" { return nil }
                    index += 1
                case "[" where inClass:
                    if index + 1 < source.count, source[index + 1] == ":" { return nil }
                case "[":
                    inClass = true
                    if index + 1 < source.count, source[index + 1] == "^" { index += 1 }
                    if index + 1 < source.count, source[index + 1] == "]" { index += 1 }  // a leading `]` is a member
                case "]" where inClass:
                    inClass = false
                case "(" where !inClass:
                    depth += 1
                case ")" where !inClass:
                    depth -= 1
                    if depth == 0 { return index - position + 1 >= Self.minimumRememberedLength ? index : nil }
                default:
                    break
                }
                index += 1
            }
            return nil
        }

        private mutating func parseGroupText() -> Node {
            position += 1  // (
            guard current == "?" else {
                if current == "*" { return giveUp() }  // (*VERB)
                return closeGroup(parseAlternation())
            }
            position += 1  // ?
            switch current {
            case ":", ">", "|":
                position += 1
                return closeGroup(parseAlternation())
            case "=":
                position += 1
                let inner = closeGroup(parseAlternation())
                return Node(exact: .emptyString, required: inner.requirement, digits: 0)
            case "!":
                position += 1
                _ = closeGroup(parseAlternation())
                return .empty
            case "<" where peek(1) == "=":
                position += 2
                let inner = closeGroup(parseAlternation())
                return Node(exact: .emptyString, required: inner.requirement, digits: 0)
            case "<" where peek(1) == "!":
                position += 2
                let body = position
                _ = closeGroup(parseAlternation())
                return excludesAlphanumerics(source[body..<(position - 1)]) ? .wordStart : .empty
            case "<", "'", "P":
                // Named group: (?<name>…), (?'name'…), (?P<name>…); (?P=name) and (?P>name) are references.
                if current == "P" {
                    guard peek(1) == "<" else { return giveUp() }
                    position += 1
                }
                let close: Unicode.Scalar = current == "'" ? "'" : ">"
                position += 1
                while let scalar = current, scalar != close { position += 1 }
                position += 1
                return closeGroup(parseAlternation())
            case "#":
                while let scalar = current, scalar != ")" { position += 1 }
                position += 1
                return .empty
            default:
                return parseOptionGroup()
            }
        }

        /// `(?i)`, `(?-i)`, `(?i:…)`, `(?^)`; extended mode and anything unknown end the analysis.
        private mutating func parseOptionGroup() -> Node {
            let saved = caseless
            var on = true
            while let scalar = current {
                switch scalar {
                case "i": caseless = on
                case "m", "s", "n", "U", "J": break
                case "-": on = false
                case "^": caseless = false
                case ")":
                    position += 1
                    return .empty  // applies to the rest of the enclosing group
                case ":":
                    position += 1
                    let inner = closeGroup(parseAlternation())
                    caseless = saved
                    return inner
                default:
                    return giveUp()  // x (extended), conditionals, recursion, callouts
                }
                position += 1
            }
            return giveUp()
        }

        /// Whether a negative lookbehind's body is one bracket class holding all of `a-z` and `0-9`, so
        /// the byte before the match is none of them.
        private func excludesAlphanumerics(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
            let text = String(String.UnicodeScalarView(body))
            if text == "\\w" { return true }
            guard text.hasPrefix("["), !text.hasPrefix("[^"), text.hasSuffix("]") else { return false }
            let inside = text.dropFirst().dropLast()
            guard !inside.contains("["), !inside.contains("]") else { return false }
            return inside.contains("\\w") || (inside.contains("a-z") && inside.contains("0-9"))
        }

        private mutating func closeGroup(_ node: Node) -> Node {
            guard current == ")" else { return giveUp() }
            position += 1
            return node
        }

        private mutating func parseEscape() -> Node {
            position += 1  // backslash
            guard let scalar = current else { return giveUp() }
            position += 1
            switch scalar {
            case "d":
                // With Unicode classes any decimal digit: not counted, but still what the match begins with.
                return unicodeClasses
                    ? .character(asciiOnly: false, firstBytes: Node.firstBytes(ofEscape: "d", unicodeClasses: true))
                    : .digit
            case "w", "s":
                let firstBytes = Node.firstBytes(ofEscape: scalar, unicodeClasses: unicodeClasses)
                return .character(asciiOnly: !unicodeClasses, firstBytes: firstBytes)
            case "D", "W", "S", "h", "H", "v", "V", "N", "C": return .anything
            case "X": return .unbounded  // a grapheme cluster can be any number of scalars
            case "R": return .character(asciiOnly: false, firstBytes: .all)  // \r\n is two bytes, U+2028 three
            case "b": return .wordStart
            case "B", "A", "Z", "z", "G", "K", "E": return .empty
            case "p", "P":
                if current == "{" {
                    while let next = current, next != "}" { position += 1 }
                    position += 1
                } else {
                    position += 1
                }
                return .anything
            case "t": return literal("\t")
            case "n": return literal("\n")
            case "r": return literal("\r")
            case "f": return literal("\u{0C}")
            case "e": return literal("\u{1B}")
            case "a": return literal("\u{07}")
            case "x": return parseHexEscape()
            case "Q":
                var node = Node.empty
                while let next = current, !(next == "\\" && peek(1) == "E") {
                    position += 1
                    node = .sequence(node, literal(next))
                }
                if current != nil { position += 2 }
                return node
            default:
                // Escaped punctuation stands for itself; letters and digits with other meanings
                // (backreferences, \g, \k, \c, octal) end the analysis.
                if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) { return literal(scalar) }
                if !scalar.isASCII { return literal(scalar) }
                return backreference(scalar)
            }
        }

        /// `\1`–`\9`: the text a group matched, unknown here but possibly empty, so it requires nothing.
        private mutating func backreference(_ scalar: Unicode.Scalar) -> Node {
            guard ("1"..."9").contains(scalar), !(current.map { ("0"..."9").contains($0) } ?? false) else {
                return giveUp()
            }
            return .unbounded
        }

        private mutating func parseHexEscape() -> Node {
            var digits = ""
            if current == "{" {
                position += 1
                while let next = current, next != "}" { digits.unicodeScalars.append(next); position += 1 }
                position += 1
            } else {
                while digits.count < 2, let next = current, next.properties.isASCIIHexDigit {
                    digits.unicodeScalars.append(next)
                    position += 1
                }
            }
            guard let value = UInt32(digits.isEmpty ? "0" : digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                return giveUp()
            }
            return literal(scalar)
        }

        /// A bracketed class: a few literal characters become an exact set, digit ranges count as digits,
        /// anything larger matches "anything".
        private mutating func parseClass() -> Node {
            position += 1  // [
            var negated = false
            if current == "^" { negated = true; position += 1 }
            var members: LiteralSet = []
            var onlyDigits = true
            var large = false
            var asciiOnly = true  // every character the class matches is one byte
            var firstBytes = ByteSet()  // ASCII-lower-cased
            var first = true
            while let scalar = current, scalar != "]" || first {
                first = false
                if scalar == "[", peek(1) == ":" {
                    while let next = current, !(next == ":" && peek(1) == "]") { position += 1 }
                    position += 2
                    large = true
                    onlyDigits = false
                    asciiOnly = false
                    firstBytes = .all
                    continue
                }
                var member: Unicode.Scalar?
                if scalar == "\\" {
                    position += 1
                    guard let escaped = current else { return giveUp() }
                    position += 1
                    switch escaped {
                    case "d":
                        large = true
                        if unicodeClasses { onlyDigits = false }
                        if unicodeClasses { asciiOnly = false }
                        firstBytes = firstBytes.union(Node.firstBytes(ofEscape: "d", unicodeClasses: unicodeClasses))
                    case "w", "s":
                        large = true
                        onlyDigits = false
                        if unicodeClasses { asciiOnly = false }
                        let escapeBytes = Node.firstBytes(ofEscape: escaped, unicodeClasses: unicodeClasses)
                        firstBytes = firstBytes.union(escapeBytes)
                    case "D", "W", "S", "h", "H", "v", "V", "N", "R":
                        large = true
                        onlyDigits = false
                        asciiOnly = false
                        firstBytes = .all
                    case "p", "P":
                        if current == "{" {
                            while let next = current, next != "}" { position += 1 }
                        }
                        position += 1
                        large = true
                        onlyDigits = false
                        asciiOnly = false
                        firstBytes = .all
                    case "t": member = "\t"
                    case "n": member = "\n"
                    case "r": member = "\r"
                    case "x":
                        _ = parseHexEscape()  // rare in classes: treated as a large class, which is sound
                        large = true
                        onlyDigits = false
                        asciiOnly = false
                        firstBytes = .all
                    default:
                        guard !escaped.isASCII || !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else {
                            return giveUp()
                        }
                        member = escaped
                    }
                } else {
                    position += 1
                    member = scalar
                }
                guard let low = member else { continue }
                if !low.isASCII { asciiOnly = false }
                if current == "-", let high = peek(1), high != "]" {
                    position += 2
                    var upper = high
                    if high == "\\" {
                        guard let escaped = current, !escaped.properties.isAlphabetic else { return giveUp() }
                        position += 1
                        upper = escaped
                    }
                    guard low.value <= upper.value else { return giveUp() }
                    if !upper.isASCII { asciiOnly = false }
                    Self.insert(from: low, through: upper, into: &firstBytes)
                    if !(("0"..."9").contains(low) && ("0"..."9").contains(upper)) { onlyDigits = false }
                    if upper.value - low.value > 8 {
                        large = true
                        continue
                    }
                    for value in low.value...upper.value {
                        guard let scalar = Unicode.Scalar(value), let exact = literal(scalar).exact else {
                            large = true
                            continue
                        }
                        members.formUnion(exact)
                    }
                    continue
                }
                if !("0"..."9").contains(low) { onlyDigits = false }
                Self.insert(from: low, through: low, into: &firstBytes)
                if let exact = literal(low).exact { members.formUnion(exact) } else { large = true }
            }
            guard current == "]" else { return giveUp() }
            position += 1
            if negated { return .anything }
            if onlyDigits, large || !members.isEmpty { return .digit }
            if large || members.count > 8 {
                // Caseless, k and s also match U+212A and U+017F.
                if caseless, firstBytes.contains(0x6B) || firstBytes.contains(0x73) {
                    firstBytes = firstBytes.union(.beyondASCII)
                }
                return .character(asciiOnly: asciiOnly && !caseless, firstBytes: firstBytes)
            }
            return .characters(members)
        }

        /// Adds to `set` the first bytes of the characters `low` to `high`, ASCII-lower-cased; every byte
        /// beyond ASCII when the range reaches past it.
        private static func insert(from low: Unicode.Scalar, through high: Unicode.Scalar, into set: inout ByteSet) {
            var value = low.value
            while value <= min(high.value, 0x7F) {
                set.insert(UTF8Scalars.lowercased(UInt8(value)))
                value += 1
            }
            if high.value > 0x7F { set.insert(0x80) }
        }
    }
}
