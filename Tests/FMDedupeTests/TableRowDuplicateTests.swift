import Foundation
import FMList
import enum FMTestSupport.Needs
import Testing
@testable import FMDedupe

/// Rows of tables are compared as entries are: a paper table's rows (the same row twice, a
/// preprint and its published version, one arXiv id under two titles) and a dataset table's
/// (two datasets that link one paper).
@Suite struct TableRowDuplicateTests {
    static let configuration = try! Configuration.parse(yaml: """
        categories:
          sam:
            heading: SAM papers
          sets:
            heading: Datasets
            kind: datasets
        """)

    static let list = """
        # Papers

        ## SAM papers

        |Date|Authors|Title|Code|
        |---|---|---|---|
        |202502|B. Xie et al.|Self-Prompt SAM: Medical Image Segmentation via Automatic Prompt SAM Adaptation [(paper)](https://arxiv.org/pdf/2502.00630)|None|
        |202502|B. Xie et al.|Self-Prompt SAM: Medical Image Segmentation via Automatic Prompt SAM Adaptation [(paper)](https://arxiv.org/pdf/2502.00630)|None|
        |202410|Y. Liu et al.|FedFMS: Exploring Federated Foundation Models for Medical Image Segmentation [(paper)](https://link.springer.com/chapter/10.1007/978-3-031-72111-3_27)|[Code](https://github.com/LIU-YUXI/FedFMS)|
        |202412|T. Ward et al.|Annotation-Efficient Task Guidance for Medical Segment Anything [(paper)](https://arxiv.org/pdf/2412.08575)|None|
        |202412|Y. Luo et al.|Med-FastSAM: Improving Transfer Efficiency of SAM to Domain-Generalised Segmentation [(paper)](https://arxiv.org/pdf/2412.08575)|None|
        |202403|Y. Liu et al.|FedFMS: Exploring Federated Foundation Models for Medical Image Segmentation [(paper)](https://arxiv.org/pdf/2403.05408.pdf)|[Code](https://github.com/LIU-YUXI/FedFMS)|
        |202311|Q. Other et al.|A paper listed once [(paper)](https://arxiv.org/pdf/2311.00001)|None|

        ## Datasets

        | Dataset Name | Modality | Link |
        | --- | --- | --- |
        | [BiMed1.3M](https://arxiv.org/abs/2402.13253) | Dialogue | [*](https://github.com/mbzuai-oryx/BiMediX) |
        | [OncoGPT](https://arxiv.org/abs/2402.13253) | Dialogue | [*](https://github.com/OncoGPT1) |
        | [MedQA](https://arxiv.org/abs/2009.13081) | QA | - |

        """

    static func clusters(_ text: String = list, configuration: Configuration = configuration,
                         scope: Configuration.DedupeScope? = nil) throws -> [DuplicateCluster] {
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
        return DuplicateFinder(configuration: configuration).clusters(in: view, scope: scope)
    }

    /// The line numbers of the fixture's lines that satisfy `predicate`.
    static func lines(of text: String = list, where predicate: (String) -> Bool) -> [Int] {
        let lines = text.components(separatedBy: "\n")
        return lines.indices.filter { predicate(lines[$0]) }.map { $0 + 1 }
    }

    static func cluster(holding lines: [Int], in clusters: [DuplicateCluster]) -> DuplicateCluster? {
        clusters.first { cluster in Set(lines).isSubset(of: cluster.entries.map(\.line)) }
    }

    @Test func theSameRowTwiceIsADuplicate() throws {
        let rows = Self.lines { $0.contains("Self-Prompt SAM") }
        #expect(rows.count == 2)
        let cluster = try #require(Self.cluster(holding: rows, in: try Self.clusters()))
        #expect(cluster.confidence == .duplicate && cluster.entries.allSatisfy(\.isTableRow))
        #expect(cluster.entries.map(\.title) == [String?](repeating: "Self-Prompt SAM: Medical Image Segmentation via Automatic Prompt SAM Adaptation", count: 2))
    }

    @Test func aPreprintAndItsPublishedVersionAreOnePaper() throws {
        let rows = Self.lines { $0.contains("FedFMS") }
        let cluster = try #require(Self.cluster(holding: rows, in: try Self.clusters()))
        #expect(cluster.confidence == .duplicate)
        #expect(cluster.reasons.first?.evidence.key == .title)
    }

    @Test func oneArXivIdUnderTwoTitlesIsReported() throws {
        let rows = Self.lines { $0.contains("2412.08575") }
        let cluster = try #require(Self.cluster(holding: rows, in: try Self.clusters()))
        #expect(cluster.confidence == .possible)
        #expect(cluster.reasons.first?.evidence.key == .arXiv && cluster.reasons.first?.evidence.value == "2412.08575")
    }

    @Test func twoDatasetRowsThatShareAnArXivIdAreReported() throws {
        let rows = Self.lines { $0.contains("2402.13253") }
        #expect(rows.count == 2)
        let cluster = try #require(Self.cluster(holding: rows, in: try Self.clusters()))
        #expect(cluster.reasons.contains { $0.evidence.key == .arXiv && $0.evidence.value == "2402.13253" })
        #expect(cluster.entries.allSatisfy { $0.category == "sets" })
    }

    @Test func aRowListedOnceIsInNoCluster() throws {
        let once = Self.lines { $0.contains("listed once") || $0.contains("MedQA") }
        let clustered = Set(try Self.clusters().flatMap(\.entries).map(\.line))
        #expect(clustered.isDisjoint(with: once))
    }

    /// A merge edits items: a cluster with a row is reported, and left for a person to merge.
    @Test func aClusterOfRowsIsNotMerged() throws {
        let view = ListView(document: try Document(bytes: Array(Self.list.utf8)), configuration: Self.configuration)
        let clusters = DuplicateFinder(configuration: Self.configuration).clusters(in: view)
        #expect(!clusters.isEmpty)
        #expect(MergePlan.edits(for: clusters, in: view).isEmpty)
    }

    /// A paper about to be added is compared with the rows: the same title is found.
    @Test func aDraftMatchesARow() throws {
        let view = ListView(document: try Document(bytes: Array(Self.list.utf8)), configuration: Self.configuration)
        let candidate = CandidateEntry(title: "A paper listed once", links: ["https://example.org/elsewhere"], category: "sam")
        let matches = DuplicateFinder(configuration: Self.configuration).matches(for: candidate, in: view)
        #expect(matches.map(\.entry.line) == Self.lines { $0.contains("listed once") })
    }

    // MARK: Real lists

    /// SAM4MIS: each row written twice, byte for byte, is in a duplicate cluster with its copy
    /// (across the list: one is written in both sections).
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason))) func samListRepeatedRowsAreFound() throws {
        let url = Paths.corpus.appendingPathComponent("YichiZhang98--SAM4MIS.md")
        let text = String(decoding: try Paths.bytes(url), as: UTF8.self)
        let configuration = try Configuration.parse(yaml: """
            categories:
              sam2:
                heading: Literature Reviews of SAM 2/3 Adaptions for Medical Image Segmentation.
              sam:
                heading: Literature Reviews of Foundation Models / SAM for Medical Image Segmentation.
            """)
        let lines = text.components(separatedBy: "\n")
        let rows = lines.indices.filter { lines[$0].wholeMatch(of: /\|[0-9]{6}\|.*/) != nil }
        let repeated = Dictionary(grouping: rows.map { $0 + 1 }, by: { lines[$0 - 1] }).values.filter { $0.count > 1 }
        #expect(!repeated.isEmpty)
        let clusters = try Self.clusters(text, configuration: configuration, scope: .list)
        for copies in repeated {
            let cluster = try #require(Self.cluster(holding: copies, in: clusters), "\(copies)")
            #expect(cluster.reasons.contains { Set([$0.firstLine, $0.secondLine]).isSubset(of: copies) && $0.evidence.confidence == .duplicate })
        }
    }

    /// The healthcare list: each pair of dataset rows whose name links one arXiv id is reported.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason))) func healthcareDatasetRowsSharingAnArXivIdAreFound() throws {
        let url = Paths.corpus.appendingPathComponent("upstream-healthcare-fm.md")
        let text = String(decoding: try Paths.bytes(url), as: UTF8.self)
        let lines = text.components(separatedBy: "\n")
        let datasets = (lines.firstIndex { $0.hasPrefix("## LFM datasets") } ?? 0)..<lines.count
        var byID: [String: [Int]] = [:]
        for n in datasets where lines[n].hasPrefix("|") {
            if let id = lines[n].firstMatch(of: /^\|\s*\[[^\]]*\]\(https:\/\/arxiv\.org\/abs\/([0-9]{4}\.[0-9]{4,5})/)?.1 { byID[String(id), default: []].append(n + 1) }
        }
        let shared = byID.filter { $0.value.count > 1 }
        #expect(!shared.isEmpty)
        let clusters = try Self.clusters(text, configuration: .healthcareDefault)
        for (id, rows) in shared {
            let cluster = try #require(Self.cluster(holding: rows, in: clusters), "\(id)")
            #expect(cluster.reasons.contains { $0.evidence.key == .arXiv && $0.evidence.value == id })
        }
    }
}
