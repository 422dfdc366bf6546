// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// An Aho–Corasick automaton over every anchor literal of a policy: one pass over a text tells which
/// literals occur in it, with ASCII case folded.
///
/// Bytes that occur in no literal share one input class, so the transition table has a row per state
/// and a column per distinct literal byte (a few dozen), and the scan is one table lookup per byte.
final class AnchorAutomaton: Sendable {
    /// The input class of each byte, after ASCII case folding.
    private let classOf: [UInt8]
    /// Classes per state row, rounded up to a power of two so a row number shifts into its state.
    private let rowShift: Int
    /// `transitions[row + class]`, where `row` is a state's number shifted left by ``rowShift``: the next
    /// state's number, shifted left by one, with the low bit set when literals end in that state.
    private let transitions: [UInt16]
    /// The literal ids recognised on entering a state: `outputs[outputStart[s]..<outputStart[s + 1]]`, those
    /// whose positions are wanted first, up to `positionalEnd[s]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The byte length of the literal of each output.
    private let outputLengths: [Int32]
    /// Where each state's outputs of positional literals end: they come first, from `outputStart[s]`.
    private let positionalEnd: [Int32]
    /// Whether a literal whose positions are wanted ends in each state (`positionalEnd[s] > outputStart[s]`),
    /// a byte per state for the scan, which asks at every literal ending.
    private let isPositional: [Bool]
    let stateCount: Int

    /// Builds the automaton for `literals`, each a byte string (already ASCII-lower-cased) with an id.
    /// Occurrences of `positional` literals are recorded with their positions too.
    init(literals: [(id: Int32, bytes: [UInt8])], positional: Set<Int32>) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for (_, bytes) in literals {
            for byte in bytes where classOf[Int(byte)] == 0 {
                classOf[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        precondition(classCount <= 256, "at most 255 distinct literal bytes")
        for upper in UInt8(0x41)...0x5A { classOf[Int(upper)] = classOf[Int(upper + 0x20)] }
        let rowShift = Int.bitWidth - (classCount - 1).leadingZeroBitCount
        let rowWidth = 1 << rowShift

        // The trie, written into the transition table itself: table[state << rowShift + class] is the child
        // (0: none, as the root is nobody's child). A state per literal byte at most, so the table is
        // reserved once. The literals ending at a state are a list through `endings`: `firstEnding[state]` is
        // the index of the first, or -1. Several end at one state when their first bytes are the same.
        let capacity = 1 + literals.reduce(0) { $0 + $1.bytes.count }
        var table = [UInt16](repeating: 0, count: rowWidth)
        table.reserveCapacity(min(capacity, Self.maximumStateCount) * rowWidth)
        var firstEnding: [Int32] = [-1]
        firstEnding.reserveCapacity(min(capacity, Self.maximumStateCount))
        var endings: [(id: Int32, next: Int32)] = []
        endings.reserveCapacity(literals.count)
        for (id, bytes) in literals where !bytes.isEmpty {
            var state = 0
            for byte in bytes {
                let edge = state << rowShift + Int(classOf[Int(byte)])
                if table[edge] == 0 {
                    precondition(firstEnding.count < Self.maximumStateCount, "at most 32,768 automaton states")
                    table[edge] = UInt16(firstEnding.count)
                    table.append(contentsOf: repeatElement(0, count: rowWidth))
                    firstEnding.append(-1)
                }
                state = Int(table[edge])
            }
            endings.append((id, firstEnding[state]))
            firstEnding[state] = Int32(endings.count - 1)
        }

        // Breadth-first, each state after the shorter one it falls back to: failure links, and the cells
        // without a child set to the fallback's. Each cell becomes the next state shifted left by one, with
        // the low bit set when literals end there or at a state it falls back to (`endsLiterals`, known for
        // a state once its failure link is, and the fallback's before). The table has a cell per state
        // and input class, hundreds of thousands for the default policy: the loop runs on buffers, without
        // a bounds check per cell.
        let stateCount = firstEnding.count
        var failure = [Int](repeating: 0, count: stateCount)
        var endsLiterals = [Bool](repeating: false, count: stateCount)
        var queue = (0..<classCount).compactMap { table[$0] > 0 ? Int(table[$0]) : nil }
        queue.reserveCapacity(stateCount)
        var head = 0
        table.withUnsafeMutableBufferPointer { table in
            for input in 0..<classCount where table[input] > 0 {
                let child = Int(table[input])
                endsLiterals[child] = firstEnding[child] >= 0
                table[input] = UInt16(child) << 1 | (endsLiterals[child] ? 1 : 0)
            }
            while head < queue.count {
                let state = queue[head]
                head += 1
                let row = table.baseAddress! + state << rowShift
                let fallbackRow = table.baseAddress! + failure[state] << rowShift
                for input in 0..<classCount {
                    let child = Int(row[input])
                    if child > 0 {
                        let fallback = Int(fallbackRow[input] >> 1)
                        failure[child] = fallback
                        endsLiterals[child] = firstEnding[child] >= 0 || endsLiterals[fallback]
                        row[input] = UInt16(child) << 1 | (endsLiterals[child] ? 1 : 0)
                        queue.append(child)
                    } else {
                        row[input] = fallbackRow[input]
                    }
                }
            }
        }

        // A state's outputs are the literals ending at it and at the states it falls back to: a literal ends
        // at one trie state, and those are other states, so no id comes twice. The positional ones come first.
        let idCount = Int(literals.lazy.map(\.id).max() ?? -1) + 1
        var lengthOf = [Int32](repeating: 0, count: idCount)
        for (id, bytes) in literals { lengthOf[Int(id)] = Int32(bytes.count) }
        var isPositionalID = [Bool](repeating: false, count: idCount)
        for id in positional where Int(id) < idCount { isPositionalID[Int(id)] = true }
        var outputStart: [Int32] = [0]
        var positionalEnd: [Int32] = []
        var outputs: [Int32] = []
        var outputLengths: [Int32] = []
        var isPositional = [Bool](repeating: false, count: stateCount)
        var ids: [Int32] = []
        for state in 0..<stateCount {
            ids.removeAll(keepingCapacity: true)
            var suffix = state
            while suffix != 0 {
                var index = firstEnding[suffix]
                while index >= 0 {
                    ids.append(endings[Int(index)].id)
                    index = endings[Int(index)].next
                }
                suffix = failure[suffix]
            }
            ids.sort()
            let start = outputs.count
            for id in ids where isPositionalID[Int(id)] { outputs.append(id) }
            let positionalCount = outputs.count - start
            for id in ids where !isPositionalID[Int(id)] { outputs.append(id) }
            for id in outputs[start...] { outputLengths.append(lengthOf[Int(id)]) }
            isPositional[state] = positionalCount > 0
            positionalEnd.append(Int32(start + positionalCount))
            outputStart.append(Int32(outputs.count))
        }
        self.classOf = classOf
        self.rowShift = rowShift
        self.transitions = table
        self.outputStart = outputStart
        self.outputs = outputs
        self.outputLengths = outputLengths
        self.positionalEnd = positionalEnd
        self.isPositional = isPositional
        self.stateCount = stateCount
    }

    /// A cell holds a state number shifted left by one in 16 bits.
    private static let maximumStateCount = 1 << 15

    /// The longest literal the automaton holds, in bytes: a lane of the scan starts this many bytes less
    /// one before its part of the text, so that it sees every literal ending in its part.
    static let maximumLiteralLength = 8

    /// Lanes scanned side by side: each byte's lookup depends on the one before, so one lane waits on
    /// memory; four independent lanes keep the processor busy.
    private static let laneCount = 4

    /// Scans `bytes`: marks in `present` (a zeroed bit set indexed by literal id) every literal that occurs
    /// in them, writes the endings of positional literals to the front of `endings`, each
    /// `state << 32 | end offset` (see ``chain(_:count:literalCount:into:)``), and returns how many there
    /// are. Each state's literals are marked present once, the first time the scan enters it; `entered`
    /// holds that per state. The buffers grow when they are too small and are otherwise reused as they are.
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, marking present: inout [UInt64], entered: inout EnteredStates,
        endings: inout [UInt64]
    ) -> Int {
        guard let text = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let rowShift = rowShift
        entered.forgetAll(stateCount: stateCount)
        let generation = entered.generation
        // At most one positional ending per byte.
        if endings.count < count { endings = [UInt64](repeating: 0, count: count) }
        return endings.withUnsafeMutableBufferPointer { endings in
            entered.stamps.withUnsafeMutableBufferPointer { entered in
                present.withUnsafeMutableBufferPointer { present in
                    isPositional.withUnsafeBufferPointer { isPositional in
                        outputStart.withUnsafeBufferPointer { outputStart in
                            outputs.withUnsafeBufferPointer { outputs in
                                var recorder = EndingRecorder(
                                    entered: entered.baseAddress!, generation: generation,
                                    isPositional: isPositional.baseAddress!,
                                    outputStart: outputStart.baseAddress!, outputs: outputs.baseAddress!,
                                    present: present.baseAddress!, endings: endings.baseAddress!)
                                classOf.withUnsafeBufferPointer { classOf in
                                    transitions.withUnsafeBufferPointer { transitions in
                                        Self.run(
                                            text, count: count, classOf.baseAddress!, transitions.baseAddress!,
                                            rowShift: rowShift, &recorder)
                                    }
                                }
                                return recorder.endingCount
                            }
                        }
                    }
                }
            }
        }
    }

    /// The scan, compiled with the shift a constant for the common row widths: that spares it a register
    /// and an instruction per byte and lane.
    private static func run(
        _ text: UnsafePointer<UInt8>, count: Int, _ classOf: UnsafePointer<UInt8>, _ transitions: UnsafePointer<UInt16>,
        rowShift: Int, _ recorder: inout EndingRecorder
    ) {
        switch rowShift {
        case 5: run(text, count: count, classOf, transitions, ShiftBy5(), &recorder)
        case 6: run(text, count: count, classOf, transitions, ShiftBy6(), &recorder)
        case 7: run(text, count: count, classOf, transitions, ShiftBy7(), &recorder)
        default: run(text, count: count, classOf, transitions, ShiftBy(bits: rowShift), &recorder)
        }
    }

    /// The scan proper. Lane k covers bytes `[k × part, (k + 1) × part)` of the text, the last lane the
    /// rest; lanes after the first start `maximumLiteralLength − 1` bytes early from the root state and
    /// ignore endings there, which belong to the lane before.
    private static func run(
        _ text: UnsafePointer<UInt8>, count: Int, _ classOf: UnsafePointer<UInt8>, _ transitions: UnsafePointer<UInt16>,
        _ shift: some RowShift, _ recorder: inout EndingRecorder
    ) {
        let rowShift = shift.bits
        let overlap = maximumLiteralLength - 1
        let part = count / laneCount
        var offset = 0
        var s0 = 0
        if part > overlap {
            var s1 = 0
            var s2 = 0
            var s3 = 0
            let text1 = text + part
            let text2 = text + 2 * part
            let text3 = text + 3 * part
            for index in -overlap..<0 {
                s1 = Int(transitions[s1 &<< rowShift &+ Int(classOf[Int(text1[index])])] >> 1)
                s2 = Int(transitions[s2 &<< rowShift &+ Int(classOf[Int(text2[index])])] >> 1)
                s3 = Int(transitions[s3 &<< rowShift &+ Int(classOf[Int(text3[index])])] >> 1)
            }
            for index in 0..<part {
                let n0 = transitions[s0 &<< rowShift &+ Int(classOf[Int(text[index])])]
                let n1 = transitions[s1 &<< rowShift &+ Int(classOf[Int(text1[index])])]
                let n2 = transitions[s2 &<< rowShift &+ Int(classOf[Int(text2[index])])]
                let n3 = transitions[s3 &<< rowShift &+ Int(classOf[Int(text3[index])])]
                s0 = Int(n0 >> 1)
                s1 = Int(n1 >> 1)
                s2 = Int(n2 >> 1)
                s3 = Int(n3 >> 1)
                guard (n0 | n1 | n2 | n3) & 1 != 0 else { continue }
                if n0 & 1 != 0 { recorder.reached(s0, end: index &+ 1) }
                if n1 & 1 != 0 { recorder.reached(s1, end: part &+ index &+ 1) }
                if n2 & 1 != 0 { recorder.reached(s2, end: 2 &* part &+ index &+ 1) }
                if n3 & 1 != 0 { recorder.reached(s3, end: 3 &* part &+ index &+ 1) }
            }
            s0 = s3
            offset = 4 * part
        }
        while offset < count {
            let next = transitions[s0 &<< rowShift &+ Int(classOf[Int(text[offset])])]
            s0 = Int(next >> 1)
            offset &+= 1
            if next & 1 != 0 { recorder.reached(s0, end: offset) }
        }
    }

    /// How far a state's number shifts left to give its row: one type per common width, so that the scan is
    /// compiled once for each with the shift a constant, and one for any width.
    private protocol RowShift { var bits: Int { get } }
    private struct ShiftBy5: RowShift { var bits: Int { 5 } }
    private struct ShiftBy6: RowShift { var bits: Int { 6 } }
    private struct ShiftBy7: RowShift { var bits: Int { 7 } }
    private struct ShiftBy: RowShift { let bits: Int }

    /// Which states a scan has entered, kept from scan to scan: a state was entered in the current scan when
    /// its stamp is the current generation. A new scan moves the generation on instead of clearing a mark
    /// per state, thousands of them for the default policy against a text of a kilobyte or so.
    struct EnteredStates {
        fileprivate var stamps: [UInt16] = []
        fileprivate var generation: UInt16 = 0

        /// Forgets every state, for a scan with an automaton of `stateCount` states; the stamps are cleared
        /// only when the generation wraps around, once in 65,535 scans.
        mutating func forgetAll(stateCount: Int) {
            generation &+= 1
            if generation == 0 || stamps.count != stateCount {
                stamps = [UInt16](repeating: 0, count: stateCount)
                generation = 1
            }
        }
    }

    /// What the scan does where literals end: record positional endings, mark each state's literals once.
    private struct EndingRecorder {
        let entered: UnsafeMutablePointer<UInt16>
        let generation: UInt16
        let isPositional: UnsafePointer<Bool>
        let outputStart: UnsafePointer<Int32>
        let outputs: UnsafePointer<Int32>
        let present: UnsafeMutablePointer<UInt64>
        let endings: UnsafeMutablePointer<UInt64>
        var endingCount = 0

        @inline(__always)
        mutating func reached(_ state: Int, end: Int) {
            if isPositional[state] {
                endings[endingCount] = UInt64(state) << 32 | UInt64(end)
                endingCount &+= 1
            }
            guard entered[state] != generation else { return }
            entered[state] = generation
            for index in Int(outputStart[state])..<Int(outputStart[state &+ 1]) {
                let id = Int(outputs[index])
                present[id >> 6] |= 1 << UInt64(id & 63)
            }
        }
    }

    /// Chains the occurrences of positional literals behind the first `count` of `endings` (from
    /// ``scan(_:marking:entered:endings:)``) by literal, into `chains`, reusing its arrays.
    func chain(_ endings: [UInt64], count: Int, literalCount: Int, into chains: inout AnchorScan.Chains) {
        var total = 0
        for ending in endings[..<count] {
            let state = Int(ending >> 32)
            total &+= Int(positionalEnd[state] &- outputStart[state])
        }
        // `last` holds -1 but for the literals of the last text's occurrences: for a text of a kilobyte or
        // so, restoring those is cheaper than rewriting an entry per literal (thousands of them), which a
        // long text's many occurrences cost more than.
        if chains.last.count == literalCount, chains.occurrences.count < literalCount / 4 {
            for occurrence in chains.occurrences { chains.last[Int(occurrence.id)] = -1 }
        } else {
            chains.last.reset(to: -1, count: literalCount)
        }
        chains.occurrences.removeAll(keepingCapacity: true)
        chains.occurrences.append(contentsOf: repeatElement((id: Int32(0), start: Int32(0)), count: total))
        chains.previous.removeAll(keepingCapacity: true)
        chains.previous.append(contentsOf: repeatElement(-1, count: total))
        endings.withUnsafeBufferPointer { endings in
            chains.occurrences.withUnsafeMutableBufferPointer { occurrences in
                chains.previous.withUnsafeMutableBufferPointer { previous in
                    chains.last.withUnsafeMutableBufferPointer { last in
                        outputStart.withUnsafeBufferPointer { outputStart in
                            positionalEnd.withUnsafeBufferPointer { positionalEnd in
                                outputs.withUnsafeBufferPointer { outputs in
                                    outputLengths.withUnsafeBufferPointer { outputLengths in
                                        var next = 0
                                        for ending in endings[..<count] {
                                            let state = Int(ending >> 32)
                                            let end = Int32(truncatingIfNeeded: ending)
                                            for index in Int(outputStart[state])..<Int(positionalEnd[state]) {
                                                let id = outputs[index]
                                                occurrences[next] = (id, end &- outputLengths[index])
                                                previous[next] = last[Int(id)]
                                                last[Int(id)] = Int32(truncatingIfNeeded: next)
                                                next &+= 1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
