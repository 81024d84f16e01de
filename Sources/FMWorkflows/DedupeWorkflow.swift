import Foundation
import FMDedupe
import FMList

/// Finds the same paper listed twice, and merges or remembers the clusters a person (or the
/// confidence) decides.
public struct DedupeWorkflow {
    public var list: ListFile
    /// Where to look (default: the configuration's).
    public var scope: Configuration.DedupeScope?
    /// Whether the decisions may change the list or its configuration: the list is then held
    /// from reading it to the end of the write or commit.
    public var writes: Bool
    /// Commit the merged list (only it).
    public var commit: Bool

    public init(list: ListFile, scope: Configuration.DedupeScope? = nil, writes: Bool = false, commit: Bool = false) {
        self.list = list
        self.scope = scope
        self.writes = writes
        self.commit = commit
    }

    /// What to do with the clusters.
    public struct Decisions: Sendable {
        /// Merged into their most complete entry.
        public var merge: [DuplicateCluster] = []
        /// Kept, and written to `distinct:` in the configuration so that they are not reported again.
        public var remember: [DuplicateCluster] = []

        public init(merge: [DuplicateCluster] = [], remember: [DuplicateCluster] = []) {
            self.merge = merge
            self.remember = remember
        }

        /// The duplicate clusters (and the likely ones, with `includeLikely`) merged; nothing remembered.
        /// A cluster with a table's row is only reported: rows are merged by hand.
        public static func byConfidence(_ clusters: [DuplicateCluster], includeLikely: Bool) -> Decisions {
            Decisions(merge: clusters.filter {
                ($0.confidence == .duplicate || (includeLikely && $0.confidence == .likely)) && !$0.entries.contains(where: \.isTableRow)
            })
        }
    }

    /// Pairs written to `distinct:`.
    public struct Remembered: Sendable {
        public var file: String
        public var pairs: [[String]]
    }

    /// The clusters merged, and the merged list as written or committed.
    public struct Merged: Sendable {
        public var clusters: Int
        public var publication: Publisher.Outcome
    }

    public struct Outcome: Sendable {
        public var clusters: [DuplicateCluster]
        public var remembered: Remembered?
        public var merged: Merged?

        /// A duplicate cluster was found and none was merged.
        public var leftDuplicates: Bool { clusters.contains { $0.confidence == .duplicate } && merged == nil }
    }

    /// Finds the clusters, asks `decide` what to do with them, and does it: the pairs to
    /// remember are written first, then the merged list.
    public func run(decide: ([DuplicateCluster]) -> Decisions = { _ in Decisions() }) throws(WorkflowFailure) -> Outcome {
        let lock = writes ? try tryList { () throws(ListError) in try ListLock(list: list.path) } : nil
        defer { lock?.release() }
        let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
        let view = ListView(document: document, configuration: list.configuration)
        let clusters = DuplicateFinder(configuration: view.configuration).clusters(in: view, scope: scope)
        let decisions = decide(clusters)
        var outcome = Outcome(clusters: clusters)
        if !decisions.remember.isEmpty {
            let titles = decisions.remember.map { cluster in cluster.entries.map { $0.title ?? $0.text } }
            outcome.remembered = try remember(titles)
        }
        // A cluster with a table's row is merged by hand (`MergePlan` leaves it).
        let mergeable = decisions.merge.filter { !$0.entries.contains(where: \.isTableRow) }
        if !mergeable.isEmpty {
            let merged = document.applying(MergePlan.edits(for: mergeable, in: view))
            let count = mergeable.count
            let publisher = Publisher(options: Publisher.Settings(commit: commit))
            let publication = publisher.publish(path: list.path, old: document.bytes, new: merged,
                                                message: "Merge \(count) duplicate entr\(count == 1 ? "y" : "ies") with fmadd dedupe",
                                                branchTitle: "dedupe", additions: [])
            outcome.merged = Merged(clusters: count, publication: publication)
        }
        return outcome
    }

    /// Adds the pairs of each group to `distinct:` in the list's .fmadd.yml, making the file
    /// when there is none.
    private func remember(_ groups: [[String]]) throws(WorkflowFailure) -> Remembered {
        let file = list.configuration.source
            ?? URL(fileURLWithPath: list.path).deletingLastPathComponent().appendingPathComponent(Configuration.fileName).path
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        // `distinct:` holds pairs: a cluster of three is remembered as its three pairs.
        var pairs: [[String]] = []
        for group in groups {
            for (offset, first) in group.enumerated() {
                for second in group.dropFirst(offset + 1) where !pairs.contains([first, second]) { pairs.append([first, second]) }
            }
        }
        let updated = try tryList { () throws(ListError) in try DistinctPairs.adding(pairs, to: text, path: file) }
        try tryList { () throws(ListError) in try AtomicFile.write(Array(updated.utf8), to: file) }
        return Remembered(file: file, pairs: pairs)
    }
}
