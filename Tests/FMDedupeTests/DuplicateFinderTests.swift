import FMList
import Testing
import FMDedupe

@Suite struct DuplicateFinderTests {
    static let finder = DuplicateFinder(configuration: .healthcareDefault)

    /// The reason that ties two lines, if they are in one cluster.
    static func reason(_ first: Int, _ second: Int, in clusters: [DuplicateCluster]) -> MatchEvidence? {
        clusters.lazy.flatMap(\.reasons).first { $0.firstLine == first && $0.secondLine == second }?.evidence
    }

    static func clusterLines(_ clusters: [DuplicateCluster]) -> [[Int]] {
        clusters.map { $0.entries.map(\.line) }
    }

    // MARK: The older healthcare list

    /// The fingerprints of another list (the list before `add --from`) are reused for the
    /// entries that are the same, and only for those: the search finds what a fresh one finds.
    @Test func reusedFingerprintsFindWhatFreshOnesFind() throws {
        let earlier = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        var lines = String(decoding: earlier.document.bytes, as: UTF8.self).components(separatedBy: "\n")
        // Three new entries above line 30; the entry at line 49 (a duplicate of 33) becomes another paper.
        lines[48] = "- [Radiology] A paper nobody listed before. [[Paper]](https://example.org/unlisted)"
        lines.insert(contentsOf: (1...3).map { "- [arXiv] New entry \($0) of the batch. [[Paper]](https://example.org/new/\($0))" }, at: 29)
        let later = try ListFixtures.view(lines.joined(separator: "\n"))
        let reused = Self.finder.candidates(in: later, reusing: Self.finder.candidates(in: earlier), of: earlier) { line in
            line < 30 ? line : line <= 32 ? nil : line - 3
        }
        let fresh = Self.finder.clusters(in: later)
        #expect(Self.clusterLines(fresh) == [[28, 48], [29, 51]])
        #expect(Self.finder.clusters(in: later, prepared: reused) == fresh)
    }

    @Test func olderListHasItsThreeKnownPairs() throws {
        let clusters = Self.finder.clusters(in: try ListFixtures.view(at: ListFixtures.olderHealthcareList))
        #expect(Self.clusterLines(clusters) == [[28, 45], [29, 48], [33, 49]])
    }

    @Test func stuNetIsOnePaperWithTwoRepositories() throws {
        let clusters = Self.finder.clusters(in: try ListFixtures.view(at: ListFixtures.olderHealthcareList))
        let evidence = try #require(Self.reason(28, 45, in: clusters))
        // abs/ and pdf/…pdf of one arXiv id; the titles are the same, the repositories differ.
        #expect(evidence.key == .arXiv && evidence.value == "2304.06716")
        #expect(evidence.confidence == .duplicate && evidence.similarity == 1)
    }

    @Test func moCoIsFoundByItsSubtitle() throws {
        let clusters = Self.finder.clusters(in: try ListFixtures.view(at: ListFixtures.olderHealthcareList))
        // PMLR and arXiv share no key: the 2023 entry's title is the 2021 one's part after the colon.
        let evidence = try #require(Self.reason(29, 48, in: clusters))
        #expect(evidence.key == .subtitle && evidence.confidence == .likely)
        #expect(evidence.value == "moco pretraining improves representation and transferability of chest xray models")
        #expect(abs(evidence.similarity - 10.0 / 11.0) < 0.001)
        let cluster = try #require(clusters.first { $0.entries.map(\.line) == [29, 48] })
        #expect(cluster.entries.map(\.year) == [2023, 2021])
    }

    @Test func modelsGenesisSharesItsRepositoryAndItsName() throws {
        let clusters = Self.finder.clusters(in: try ListFixtures.view(at: ListFixtures.olderHealthcareList))
        let evidence = try #require(Self.reason(33, 49, in: clusters))
        #expect(evidence.key == .code && evidence.value == "github.com/mrgiovanni/modelsgenesis")
        // The titles agree because one is the other's part before the colon.
        #expect(evidence.confidence == .duplicate)
    }

    @Test func theNameAloneMakesAPossibleDuplicate() throws {
        let view = try ListFixtures.view("""
            ## VFM methods
            **2021**
            - [MedIA] Models Genesis. [[paper]](https://www.sciencedirect.com/science/article/pii/S1361841520302048)
            - [MICCAI] Models Genesis: Generic Autodidactic Models for 3D Medical Image Analysis. [[paper]](https://arxiv.org/abs/1908.06912)
            """)
        let clusters = Self.finder.clusters(in: view)
        let evidence = try #require(Self.reason(3, 4, in: clusters))
        #expect(evidence.key == .titleHead && evidence.confidence == .possible && evidence.value == "models genesis")
    }

    @Test func sectionScopeKeepsApartTheTwoVFMSections() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        // The fixture repeats `## VFM methods`: one category, two sections.
        #expect(Self.clusterLines(Self.finder.clusters(in: view, scope: .section)).isEmpty)
        #expect(Self.clusterLines(Self.finder.clusters(in: view, scope: .list)) == [[28, 45], [29, 48], [33, 49]])
    }

    @Test func minimumConfidenceLeavesOutWeakerPairs() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let clusters = Self.finder.clusters(in: view, minimumConfidence: .duplicate)
        #expect(Self.clusterLines(clusters) == [[28, 45], [33, 49]])
    }

    // MARK: The current healthcare list

    @Test func upstreamListReportsItsSharedLinks() throws {
        let view = try ListFixtures.view(at: ListFixtures.upstreamHealthcareList)
        let clusters = Self.finder.clusters(in: view)
        // GatorTron and ClinicalBERT carry the same nature.com paper: one of them has a wrong link.
        let paper = try #require(Self.reason(125, 139, in: clusters))
        #expect(paper.key == .doi && paper.value == "10.1038/s41746-022-00742-2")
        #expect(paper.confidence == .possible && paper.similarity < 0.5)
        // Meditron and Qilin-med carry the same code link, and different arXiv ids.
        let code = try #require(Self.reason(95, 96, in: clusters))
        #expect(code.key == .code && code.value == "github.com/epfllm/meditron" && code.confidence == .possible)
        // All four are LFM entries, so the default scope (category) finds them.
        let lines = Set(clusters.flatMap(\.entries).filter { [95, 96, 125, 139].contains($0.line) }.map(\.category))
        #expect(lines == ["lfm"])
    }

    @Test func upstreamListFindsTheSameThingWithListScope() throws {
        let view = try ListFixtures.view(at: ListFixtures.upstreamHealthcareList)
        #expect(Self.clusterLines(Self.finder.clusters(in: view, scope: .list))
                == Self.clusterLines(Self.finder.clusters(in: view, scope: .category)))
    }

    // MARK: Different papers that look alike

    /// Titles of 19 words, so that all but the name would make them alike (similarity 18/20 = 0.9).
    static let description = "a self-supervised vision transformer for chest radiographs trained on two million images "
        + "from forty hospitals across three continents"

    @Test(arguments: [
        ("CTFold.", "CTFold++."),
        ("DoctorDino: \(description).", "DoctorDino2: \(description)."),
        ("Meditron-7B: \(description).", "Meditron-13B: \(description)."),
        ("STU-Net: \(description).", "STU-Net-v2: \(description)."),
        ("Radiology \(description).", "Radiology 2 \(description)."),
        ("DoctorDino: \(description).", "Meditron: \(description)."),
    ])
    func namesThatDifferAreDifferentPapers(_ first: String, _ second: String) throws {
        let view = try ListFixtures.view("""
            ## VFM methods
            **2024**
            - [arXiv] \(first) [[Paper]](https://example.org/a)
            - [arXiv] \(second) [[Paper]](https://example.org/b)
            """)
        #expect(Self.finder.clusters(in: view).isEmpty)
    }

    @Test func theSameTitlesWithoutTheNameAreAlike() throws {
        let view = try ListFixtures.view("""
            ## VFM methods
            **2024**
            - [arXiv] DoctorDino: \(Self.description). [[Paper]](https://example.org/a)
            - [arXiv] DoctorDino: the \(Self.description). [[Paper]](https://example.org/b)
            """)
        let evidence = try #require(Self.reason(3, 4, in: Self.finder.clusters(in: view)))
        #expect(evidence.key == .titleSimilarity && evidence.confidence == .likely && evidence.similarity == 0.95)
    }

    @Test func aSharedRepositoryOfTwoVersionsIsOnlyPossible() throws {
        let view = try ListFixtures.view("""
            ## VFM methods
            **2024**
            - [arXiv] STU-Net: scalable and transferable medical image segmentation models. [[Paper]](https://arxiv.org/abs/2304.06716) [[Code]](https://github.com/uni-medical/STU-Net)
            - [arXiv] STU-Net-v2: scalable and transferable medical image segmentation models. [[Paper]](https://arxiv.org/abs/2501.00001) [[Code]](https://github.com/uni-medical/STU-Net)
            """)
        let evidence = try #require(Self.reason(3, 4, in: Self.finder.clusters(in: view)))
        #expect(evidence.key == .code && evidence.confidence == .possible)
    }

    @Test func aBareNameSpelledAnotherWayIsOnlyPossible() throws {
        let view = try ListFixtures.view("""
            ## LFM methods
            **2024**
            - [ICML] PMC-Mamba. [[Paper]](https://arxiv.org/abs/2401.19758)
            - [MIDL] PMCMamba. [[Paper]](https://www.biorxiv.org/content/10.1101/2024.06.10.583971v2)
            - [Nature] MedSAM. [[Paper]](https://www.nature.com/articles/s41467-024-44824-z)
            - [arXiv] MedSAM. [[Paper]](https://arxiv.org/abs/2304.12306)
            """)
        let clusters = Self.finder.clusters(in: view)
        #expect(Self.reason(3, 4, in: clusters)?.confidence == .possible)
        #expect(Self.reason(5, 6, in: clusters)?.confidence == .likely)
    }

    @Test func similarTitlesAreLikelyAboveTheThresholdOnly() throws {
        let markdown = """
            ## MFM methods
            **2024**
            - A generalist vision language foundation model for diverse biomedical tasks across many modalities. [[Paper]](https://example.org/a)
            - A generalist vision language foundation model for diverse biomedical tasks across modalities. [[Paper]](https://example.org/b)
            """
        let view = try ListFixtures.view(markdown)
        let evidence = try #require(Self.reason(3, 4, in: Self.finder.clusters(in: view)))
        #expect(evidence.key == .titleSimilarity && evidence.confidence == .likely)
        #expect(abs(evidence.similarity - 12.0 / 13.0) < 0.001)
        var strict = Configuration.healthcareDefault
        strict.dedupeThreshold = 0.95
        #expect(DuplicateFinder(configuration: strict).clusters(in: view).isEmpty)
    }

    @Test func distinctPairsAreNeverReported() throws {
        let markdown = """
            ## BFM methods
            **2024**
            - [arXiv] ProtFold: protein structure prediction with language models. [[Paper]](https://arxiv.org/abs/2401.00001)
            - [arXiv] ProtFold: Protein structure prediction with language models. [[Paper]](https://arxiv.org/abs/2401.00001)
            - [arXiv] GeneFM. [[Paper]](https://arxiv.org/abs/2402.00002)
            - [arXiv] GeneFM. [[Paper]](https://arxiv.org/abs/2403.00003)
            """
        let view = try ListFixtures.view(markdown)
        #expect(Self.clusterLines(Self.finder.clusters(in: view)) == [[3, 4], [5, 6]])
        var configuration = Configuration.healthcareDefault
        configuration.distinct = [["https://arxiv.org/abs/2402.00002", "2403.00003"]]
        #expect(Self.clusterLines(DuplicateFinder(configuration: configuration).clusters(in: view)) == [[3, 4]])
    }

    @Test func distinctNamesKeepAClusterApart() throws {
        // B is like A and like C, but A and C are declared different: B joins one of them only.
        let markdown = """
            ## BFM methods
            **2024**
            - CellFM: a foundation model for single cell transcriptomics trained on fifty million human cells. [[Paper]](https://example.org/a)
            - CellFM: a foundation model for single cell transcriptomics trained on fifty million cells. [[Paper]](https://example.org/b)
            - CellFM: a foundation model for single cell transcriptomics trained on fifty million mouse cells. [[Paper]](https://example.org/c)
            """
        var configuration = Configuration.healthcareDefault
        configuration.dedupeThreshold = 0.85
        let view = try ListFixtures.view(markdown, configuration: configuration)
        #expect(Self.clusterLines(DuplicateFinder(configuration: configuration).clusters(in: view)) == [[3, 4, 5]])
        configuration.distinct = [[
            "CellFM: a foundation model for single cell transcriptomics trained on fifty million human cells",
            "CellFM: a foundation model for single cell transcriptomics trained on fifty million mouse cells.",
        ]]
        let clusters = DuplicateFinder(configuration: configuration).clusters(in: view)
        #expect(clusters.count == 1 && clusters[0].entries.count == 2)
        #expect(!clusters.flatMap(\.reasons).contains { $0.firstLine == 3 && $0.secondLine == 5 })
    }

    // MARK: A generated list

    @Test func generatedListPlantedPairsAreFoundAndNothingElse() throws {
        let (markdown, planted) = ListFixtures.generated(count: 2000)
        let view = try ListFixtures.view(markdown)
        let clusters = Self.finder.clusters(in: view, scope: .list)
        #expect(clusters.count == planted)
        #expect(clusters.allSatisfy { $0.entries.count == 2 && $0.confidence == .duplicate })
        #expect(clusters.allSatisfy { $0.reasons.first?.evidence.key == .arXiv })
    }
}
