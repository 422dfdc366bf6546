// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// An Aho–Corasick automaton over every anchor literal of a policy: one pass over a text tells which
/// literals occur in it, with ASCII case folded.
///
/// Bytes that occur in no literal share one input class, so the transition table has a row per state
/// and a column per distinct literal byte (a few dozen), and the scan is one table lookup per byte.
struct AnchorAutomaton: Sendable {
    /// The input class of each byte, after ASCII case folding.
    private let classOf: [UInt8]
    private let classCount: Int
    /// `transitions[row + class]`, where `row` is a state's number times `classCount`: the next state's
    /// row, shifted left by one, with the low bit set when literals end in that state.
    private let transitions: [UInt32]
    /// The literal ids recognised on entering a state: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The byte length of the literal of each output.
    private let outputLengths: [Int32]

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

        // The trie: children[state][class] (-1: none), and the literals ending at each state.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var ending: [[Int32]] = [[]]
        for (id, bytes) in literals where !bytes.isEmpty {
            var state = 0
            for byte in bytes {
                let input = Int(classOf[Int(byte)])
                if children[state][input] < 0 {
                    children[state][input] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classCount))
                    ending.append([])
                }
                state = Int(children[state][input])
            }
            ending[state].append(id)
        }

        // Breadth-first: failure links, full transitions, outputs merged along failure links.
        let stateCount = children.count
        var transitions = [Int32](repeating: 0, count: stateCount * classCount)
        var failure = [Int32](repeating: 0, count: stateCount)
        var queue: [Int] = []
        for input in 0..<classCount where children[0][input] > 0 {
            transitions[input] = children[0][input]
            queue.append(Int(children[0][input]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ending[state] += ending[Int(failure[state])]
            for input in 0..<classCount {
                let child = children[state][input]
                let fallback = transitions[Int(failure[state]) * classCount + input]
                if child > 0 {
                    failure[Int(child)] = fallback
                    transitions[state * classCount + input] = child
                    queue.append(Int(child))
                } else {
                    transitions[state * classCount + input] = fallback
                }
            }
        }
        let lengthOf = Dictionary(literals.map { ($0.id, Int32($0.bytes.count)) }, uniquingKeysWith: { first, _ in first })
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        var outputLengths: [Int32] = []
        for state in 0..<stateCount {
            // An output is the literal id times two, plus one when its positions are wanted.
            for id in Set(ending[state]).sorted() {
                outputs.append(id * 2 + (positional.contains(id) ? 1 : 0))
                outputLengths.append(lengthOf[id]!)
            }
            outputStart.append(Int32(outputs.count))
        }
        self.classOf = classOf
        self.classCount = classCount
        self.transitions = transitions.map { next in
            let row = UInt32(next) * UInt32(classCount)
            return row << 1 | (outputStart[Int(next)] != outputStart[Int(next) + 1] ? 1 : 0)
        }
        self.outputStart = outputStart
        self.outputs = outputs
        self.outputLengths = outputLengths
    }

    /// Marks in `present` (a bit set indexed by literal id) every literal that occurs in `bytes`, appends
    /// the id and start offset of each occurrence of a positional literal to `occurrences`, and returns how
    /// many ASCII digits the bytes hold.
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, marking present: inout [UInt64], occurrences: inout [(id: Int32, start: Int32)]
    ) -> Int {
        var digits = 0
        var endings: [(row: UInt32, end: Int)] = []
        endings.reserveCapacity(bytes.count / 4 + 16)  // one allocation for typical text, not one per doubling
        classOf.withUnsafeBufferPointer { classOf in
            transitions.withUnsafeBufferPointer { transitions in
                // One load per byte; states where literals end are rare and handled after the loop.
                var row: UInt32 = 0
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    digits &+= byte &- 0x30 < 10 ? 1 : 0
                    let next = transitions[Int(row) &+ Int(classOf[Int(byte)])]
                    row = next >> 1
                    if next & 1 != 0 { endings.append((row, offset &+ 1)) }
                }
            }
        }
        for (row, end) in endings {
            let state = Int(row) / classCount
            for index in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                let output = outputs[index]
                let id = Int(output >> 1)
                present.insert(literal: Int32(id))
                if output & 1 == 1 { occurrences.append((output >> 1, Int32(end) - outputLengths[index])) }
            }
        }
        return digits
    }
}
