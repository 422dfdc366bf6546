// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// A pattern's ``LiteralAnchors/branches`` in process-wide literal ids, so the prefilter can tell with a
/// few ANDs which branches a scanned text admits, and look for matches only where those branches start.
///
/// Branches split from one top-level alternative share its prefixes; they form one *group*, so a prefix
/// is looked up once however many of its branches are admitted. (Two alternatives with the same prefixes
/// form two groups whose prefixes are the same indices.)
struct BranchFilter: Sendable {
    /// One branch: masks of its requirement sets (a text must hold a literal of each) and its group.
    struct Branch: Sendable {
        let requirements: [LiteralIDSet]
        let group: Int
    }

    let branches: [Branch]
    /// For each group, the indices of its prefixes in ``prefixIDs``; empty when the group has none.
    let groups: [[Int]]
    /// Every prefix of every group, without its word-start marker, once per literal and marker.
    let prefixIDs: [Int32]
    /// For each of ``prefixIDs``: whether it counts only at a word start (not after `a–z`, `0–9`).
    let prefixAtWordStart: [Bool]
    /// For each of ``prefixIDs``: its length in bytes.
    let prefixLengths: [Int]
    /// For each of ``prefixIDs``: whether a match cannot end with it, so the pattern's
    /// ``LiteralAnchors/prefixFollowers`` follow it.
    let prefixIsFollowed: [Bool]
    /// The literal ids of every requirement set.
    let requirementIDs: [Int32]

    /// Whether every group has prefixes, so that candidates come from the admitted groups' prefixes.
    let isPrefixed: Bool

    /// The filter of `branches`, whose prefixes in `openPrefixes` can end a match.
    init(_ branches: [LiteralAnchors.Branch], openPrefixes: Set<[UInt8]> = []) {
        let marker = LiteralAnchors.Node.wordStartMarker
        var prefixIndex: [[UInt8]: Int] = [:]
        var prefixIDs: [Int32] = []
        var prefixAtWordStart: [Bool] = []
        var prefixLengths: [Int] = []
        var prefixIsFollowed: [Bool] = []
        var groups: [[Int]] = []
        var requirementIDs: Set<Int32> = []
        var filtered: [Branch] = []
        for (index, branch) in branches.enumerated() {
            let group: Int
            // The branches split from one alternative are neighbours and share its prefixes.
            if index > 0, branches[index - 1].prefixes == branch.prefixes {
                group = groups.count - 1
            } else {
                group = groups.count
                groups.append(
                    branch.prefixes.map { prefix in
                        if let index = prefixIndex[prefix] { return index }
                        let atWordStart = prefix.first == marker
                        prefixIndex[prefix] = prefixIDs.count
                        prefixIDs.append(LiteralID.id(for: atWordStart ? Array(prefix.dropFirst()) : prefix))
                        prefixAtWordStart.append(atWordStart)
                        prefixLengths.append(atWordStart ? prefix.count - 1 : prefix.count)
                        prefixIsFollowed.append(!openPrefixes.contains(prefix))
                        return prefixIDs.count - 1
                    })
            }
            let ids = branch.requirements.map { $0.map(LiteralID.id(for:)) }
            requirementIDs.formUnion(ids.joined())
            filtered.append(Branch(requirements: ids.map(LiteralIDSet.init), group: group))
        }
        self.branches = filtered
        self.groups = groups
        self.prefixIDs = prefixIDs
        self.prefixAtWordStart = prefixAtWordStart
        self.prefixLengths = prefixLengths
        self.prefixIsFollowed = prefixIsFollowed
        self.requirementIDs = requirementIDs.sorted()
        isPrefixed = !groups.isEmpty && groups.allSatisfy { !$0.isEmpty }
    }
}
