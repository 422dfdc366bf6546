// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A set of ``Literal``s, kept as a sorted array without repeats.
///
/// The pattern analysis of ``LiteralAnchors`` builds, unites and compares tens of thousands of small sets
/// when a policy loads: most hold one to sixteen strings, none more than a few hundred. As a `Set` each
/// of them was a hash table to allocate, with every member hashed once per insertion; sorted, a set of
/// one is one small array, a union with an empty set shares the other's storage, and membership is a
/// binary search over 40-byte values compared a word at a time.
struct LiteralSet: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The members, in ``Literal/sortsBefore(_:)`` order (shortest first), each once.
    private var members: [Literal]

    /// The empty set.
    init() {
        members = []
    }

    /// The distinct literals of `literals`.
    init(_ literals: some Sequence<Literal>) {
        members = literals.sorted { $0.sortsBefore($1) }
        var kept = 0
        for index in members.indices where kept == 0 || members[index] != members[kept - 1] {
            members[kept] = members[index]
            kept += 1
        }
        members.removeLast(members.count - kept)
    }

    /// The set holding only the empty string: what an empty sequence or an optional atom can match.
    static let emptyString = LiteralSet([Literal()])

    init(arrayLiteral literals: Literal...) {
        self.init(literals)
    }

    var startIndex: Int { members.startIndex }
    var endIndex: Int { members.endIndex }
    subscript(position: Int) -> Literal { members[position] }

    /// Where `literal` is or would go.
    private func insertionIndex(of literal: Literal) -> Int {
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].sortsBefore(literal) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether `literal` is a member.
    func contains(_ literal: Literal) -> Bool {
        let index = insertionIndex(of: literal)
        return index < members.count && members[index] == literal
    }

    /// Adds `literal` unless it is a member already.
    mutating func insert(_ literal: Literal) {
        let index = insertionIndex(of: literal)
        if index < members.count, members[index] == literal { return }
        members.insert(literal, at: index)
    }

    /// Adds every member of `other`.
    mutating func formUnion(_ other: LiteralSet) {
        if other.members.isEmpty { return }
        if members.isEmpty {
            members = other.members
            return
        }
        if other.members.count <= 2 {
            for literal in other.members { insert(literal) }
            return
        }
        var merged: [Literal] = []
        merged.reserveCapacity(members.count + other.members.count)
        var left = 0
        var right = 0
        while left < members.count, right < other.members.count {
            let a = members[left]
            let b = other.members[right]
            if a.sortsBefore(b) {
                merged.append(a)
                left += 1
            } else if b.sortsBefore(a) {
                merged.append(b)
                right += 1
            } else {
                merged.append(a)
                left += 1
                right += 1
            }
        }
        merged.append(contentsOf: members[left...])
        merged.append(contentsOf: other.members[right...])
        members = merged
    }

    /// The members of both sets.
    func union(_ other: LiteralSet) -> LiteralSet {
        var result = self
        result.formUnion(other)
        return result
    }
}
