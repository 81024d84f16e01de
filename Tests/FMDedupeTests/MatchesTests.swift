import FMList
import Testing
import FMDedupe

/// The add flow's question: is this paper already listed?
@Suite struct MatchesTests {
    static let finder = DuplicateFinder(configuration: .healthcareDefault)

    @Test func aListedPaperIsFoundByItsLinkAndItsTitle() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let candidate = CandidateEntry(
            title: "STU-Net: scalable and transferable medical image segmentation models empowered by large-scale supervised pre-training",
            links: ["https://arxiv.org/pdf/2304.06716v1.pdf"], category: "vfm")
        let matches = Self.finder.matches(for: candidate, in: view)
        #expect(matches.map(\.entry.line) == [28, 45])
        #expect(matches.allSatisfy { $0.evidence.key == .arXiv && $0.evidence.confidence == .duplicate })
    }

    @Test func aTitleAloneIsEnough() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let candidate = CandidateEntry(title: "Medclip: contrastive learning from unpaired medical images and text", links: [])
        let match = try #require(Self.finder.matches(for: candidate, in: view).first)
        #expect(match.entry.line == 57 && match.evidence.key == .title && match.evidence.confidence == .duplicate)
        #expect(match.entry.year == 2022 && match.entry.category == "mfm" && match.entry.section == "MFM methods")
    }

    @Test func theScopeLimitsWhereToLook() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let elsewhere = CandidateEntry(title: "Models Genesis", links: ["https://github.com/MrGiovanni/ModelsGenesis"],
                                       category: "lfm")
        #expect(Self.finder.matches(for: elsewhere, in: view).isEmpty)
        #expect(Self.finder.matches(for: elsewhere, in: view, scope: .list).map(\.entry.line) == [33, 49])
    }

    @Test func aNewPaperMatchesNothing() throws {
        let view = try ListFixtures.view(at: ListFixtures.upstreamHealthcareList)
        let candidate = CandidateEntry(title: "CTFold++: folding computed tomography into tokens",
                                       links: ["https://arxiv.org/abs/2512.00001"])
        #expect(Self.finder.matches(for: candidate, in: view, scope: .list).isEmpty)
    }
}
