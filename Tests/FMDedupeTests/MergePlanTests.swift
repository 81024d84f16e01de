import FMList
import Testing
import FMDedupe

@Suite struct MergePlanTests {
    static let finder = DuplicateFinder(configuration: .healthcareDefault)

    /// The distinct link targets of a list's entries: arXiv `abs/` and `pdf/` of one id are one.
    static func targets(_ view: ListView) -> Set<String> {
        Set(view.entries.flatMap(\.links).compactMap { EntryKeys.identity(ofLink: $0.url) })
    }

    /// The list after merging its clusters of `confidence` or more.
    static func merged(_ view: ListView, scope: Configuration.DedupeScope? = nil,
                       minimum: DuplicateConfidence = .duplicate) throws -> (ListView, [LineEdit]) {
        let clusters = finder.clusters(in: view, scope: scope, minimumConfidence: minimum)
        let edits = MergePlan.edits(for: clusters, in: view)
        let document = try Document(bytes: view.document.applying(edits))
        return (ListView(document: document, configuration: view.configuration), edits)
    }

    @Test func fixtureMergeKeepsEveryLinkTarget() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let (after, edits) = try Self.merged(view, minimum: .likely)
        #expect(Self.targets(after).isSuperset(of: Self.targets(view)))
        #expect(after.entries.count == view.entries.count - 3)
        #expect(edits.filter { $0.replacement.isEmpty }.count == 3)
    }

    @Test func theMostCompleteEntryStaysWithTheOthersLinks() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let (after, _) = try Self.merged(view, minimum: .likely)
        let lines = after.document.lines.count
        let text = (1...lines).map { after.document.lineText($0) }
        // STU-Net: the first stays, with both repositories, in the list's label spelling.
        #expect(text.filter { $0.contains("STU-Net") }.count == 1)
        #expect(text.contains("- [arXiv] STU-Net: Scalable and Transferable Medical Image Segmentation Models Empowered by "
                              + "Large-Scale Supervised Pre-training. [[paper]](https://arxiv.org/abs/2304.06716) "
                              + "[[Code]](https://github.com/Ziyan-Huang/STU-Net) [[Code]](https://github.com/uni-medical/STU-Net)"))
        // MoCo: the 2021 entry has a code link, so it stays in 2021 and takes the PMLR paper.
        #expect(text.contains("- [MIDL] MoCo-CXR: MoCo pretraining improves representation and transferability of chest X-ray "
                              + "models. [[paper]](https://arxiv.org/abs/2010.05352) [[Code]](https://github.com/stanfordmlgroup/MoCo-CXR) "
                              + "[[Paper]](https://proceedings.mlr.press/v143/sowrirajan21a.html)"))
        // Models Genesis: the MICCAI entry stays and takes the ScienceDirect article.
        #expect(text.contains { $0.hasPrefix("- [MICCAI] Models Genesis:") && $0.hasSuffix("[[Paper]](https://www.sciencedirect.com/science/article/pii/S1361841520302048)") })
        #expect(!text.contains { $0.hasPrefix("- [MedIA] Models Genesis.") })
    }

    @Test func theEntrysOwnSeparatorIsKept() throws {
        let view = try ListFixtures.view("""
            ## BFM methods
            **2023**
            - [1] protein foundation models:
              - [Science] Evolutionary-scale prediction of atomic-level protein structure with a language model. [[Paper]](https://www.science.org/doi/10.1126/science.ade2574), [[Code]](https://github.com/facebookresearch/esm)
              - [bioRxiv] Evolutionary-scale prediction of atomic-level protein structure with a language model. [[Paper]](https://doi.org/10.1126/science.ade2574), [[Model]](https://huggingface.co/facebook/esmfold_v1)
            """)
        let (after, edits) = try Self.merged(view)
        #expect(edits.count == 2)
        #expect(after.document.lineText(4).hasSuffix(
            "[[Code]](https://github.com/facebookresearch/esm), [[Model]](https://huggingface.co/facebook/esmfold_v1)"))
    }

    @Test func anEntryWithSubEntriesIsNeverDeleted() throws {
        let view = try ListFixtures.view("""
            ## BFM methods
            **2023**
            - [Nature] scGPT: foundation model for single-cell multi-omics. [[Paper]](https://arxiv.org/abs/2302.00001)
              - [Code] scGPT weights. [[Model]](https://example.org/weights)
            - [Nature Methods] scGPT: foundation model for single-cell multi-omics. [[Paper]](https://arxiv.org/abs/2302.00001) [[Code]](https://github.com/bowang-lab/scGPT)
            """)
        let (after, _) = try Self.merged(view)
        let text = (1...after.document.lines.count).map { after.document.lineText($0) }
        #expect(text.contains("  - [Code] scGPT weights. [[Model]](https://example.org/weights)"))
        #expect(text.contains { $0.hasPrefix("- [Nature] scGPT") && $0.hasSuffix("[[Code]](https://github.com/bowang-lab/scGPT)") })
        #expect(text.filter { $0.contains("[Nature Methods] scGPT") }.isEmpty)
    }

    @Test func generatedListMergeKeepsEveryLinkTarget() throws {
        let (markdown, planted) = ListFixtures.generated(count: 3000)
        let view = try ListFixtures.view(markdown)
        let (after, _) = try Self.merged(view, scope: .list)
        #expect(Self.targets(after) == Self.targets(view))
        #expect(after.entries.count == view.entries.count - planted)
        #expect(Self.finder.clusters(in: after, scope: .list).isEmpty)
    }

    @Test func upstreamMergeKeepsEveryLinkTarget() throws {
        let view = try ListFixtures.view(at: ListFixtures.upstreamHealthcareList)
        let (after, edits) = try Self.merged(view)
        #expect(Self.targets(after).isSuperset(of: Self.targets(view)))
        #expect(after.entries.count == view.entries.count - edits.filter { $0.replacement.isEmpty }.count)
        #expect(MergePlan.edits(for: [], in: view).isEmpty)
    }
}

extension MergePlanTests {
    @Test func aYearMarkerInsideADeletedEntryStays() throws {
        // GitHub shows `**2023**` as part of the second entry's text; the marker line stays.
        let view = try ListFixtures.view("""
            ## BFM methods
            **2024**
            - [Nature] CellFM: a single-cell foundation model. [[Paper]](https://arxiv.org/abs/2401.00001) [[Code]](https://github.com/a/cellfm)
            - [arXiv] CellFM: a single-cell foundation model. [[Paper]](https://arxiv.org/pdf/2401.00001.pdf)
            **2023**
            - [ICLR] Other model. [[Paper]](https://arxiv.org/abs/2301.00002)
            """)
        let (after, edits) = try Self.merged(view)
        #expect(edits == [.delete(4...4)])
        #expect(after.document.lineText(4) == "**2023**")
        #expect(after.yearGroups.map(\.year) == [2024, 2023])
    }
}
