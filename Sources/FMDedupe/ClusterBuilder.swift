/// Groups matched pairs into clusters, strongest pairs first, so that a cluster's confidence is the
/// weakest match needed to hold it together. A pair whose union would put two entries declared
/// distinct into one cluster is left out.
struct ClusterBuilder {
    struct Link {
        var first: Int
        var second: Int
        var evidence: MatchEvidence
    }

    private var parent: [Int: Int] = [:]
    private var confidence: [Int: DuplicateConfidence] = [:]
    private var memberships: [Int: Set<DistinctRules.Membership>] = [:]

    /// Index lists of the clusters, each with its confidence and its links, in the order of the
    /// first entry of each.
    static func clusters(of links: [Link], memberships: (Int) -> Set<DistinctRules.Membership>)
        -> [(entries: [Int], confidence: DuplicateConfidence, links: [Link])] {
        var builder = ClusterBuilder()
        let strongestFirst = links.sorted {
            ($0.evidence.confidence, $0.evidence.similarity, -$0.first, -$0.second)
                > ($1.evidence.confidence, $1.evidence.similarity, -$1.first, -$1.second)
        }
        var kept: [Link] = []
        for link in strongestFirst {
            for entry in [link.first, link.second] where builder.parent[entry] == nil {
                builder.parent[entry] = entry
                builder.memberships[entry] = memberships(entry)
            }
            if builder.union(link.first, link.second, confidence: link.evidence.confidence) { kept.append(link) }
        }
        var byRoot: [Int: [Int]] = [:]
        for entry in builder.parent.keys { byRoot[builder.root(entry), default: []].append(entry) }
        // An entry whose every link was refused stays alone: that is no cluster.
        byRoot = byRoot.filter { $0.value.count > 1 }
        var linksByRoot: [Int: [Link]] = [:]
        for link in kept { linksByRoot[builder.root(link.first), default: []].append(link) }
        return byRoot.map { root, entries in
            (entries.sorted(), builder.confidence[root] ?? .possible, linksByRoot[root] ?? [])
        }
        .sorted { $0.entries[0] < $1.entries[0] }
    }

    private mutating func root(_ entry: Int) -> Int {
        var node = entry
        while let up = parent[node], up != node { node = up }
        var walk = entry  // path compression
        while let up = parent[walk], up != node {
            parent[walk] = node
            walk = up
        }
        return node
    }

    /// Joins the clusters of `a` and `b`; false when the link is refused. A link inside one
    /// cluster is kept as a reason.
    private mutating func union(_ a: Int, _ b: Int, confidence level: DuplicateConfidence) -> Bool {
        let rootA = root(a), rootB = root(b)
        if rootA == rootB { return true }
        let membersA = memberships[rootA] ?? [], membersB = memberships[rootB] ?? []
        if DistinctRules.areDistinct(membersA, membersB) { return false }
        parent[rootB] = rootA
        memberships[rootA] = membersA.union(membersB)
        memberships[rootB] = nil
        // Links come strongest first: the one that joins two clusters is the weakest so far.
        confidence[rootA] = min(level, confidence[rootA] ?? level, confidence[rootB] ?? level)
        confidence[rootB] = nil
        return true
    }
}
