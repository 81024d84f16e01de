import FMList
@testable import FMWorkflows
import Testing

@Suite struct VenueVocabularyTests {
    let vocabulary = VenueVocabulary(venues: ["arXiv", "Nature Medicine", "Scientific reports", "ICSTW", "MICCAI", "The Lancet"])

    @Test func aContainerTitleOrItsShortFormTakesTheListsSpelling() {
        #expect(vocabulary.spelling(of: ["Scientific Reports", "Sci Rep"]) == "Scientific reports")
        #expect(vocabulary.spelling(of: ["Nat Med", "Nature Medicine"]) == "Nature Medicine")
        #expect(vocabulary.spelling(of: ["Lancet"]) == "The Lancet")
        #expect(vocabulary.spelling(of: ["Medical Image Analysis"]) == nil)
    }

    @Test func aJournalReferenceNamesAVenueAsWholeWords() {
        #expect(vocabulary.named(in: "2022 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)") == "ICSTW")
        #expect(vocabulary.named(in: "Proceedings of ICSTWX 2022") == nil)
        // A preprint server is never where a paper was published.
        #expect(vocabulary.named(in: "arXiv preprint, later in MICCAI 2023") == "MICCAI")
    }

    @Test func theListsVenuesAreReadFromItsEntriesMostUsedFirst() throws {
        let text = "# L\n\n## LFM methods\n\n**2024**\n\n- [MICCAI] A. [[Paper]](https://a.org/1)\n- [arXiv] B. [[Paper]](https://a.org/2)\n- [arXiv] C. [[Paper]](https://a.org/3)\n"
        let document = try Document(bytes: Array(text.utf8))
        let view = ListView(document: document, configuration: .healthcareDefault)
        #expect(VenueVocabulary(view: view).venues == ["arXiv", "MICCAI"])
    }

    @Test(arguments: [
        ("Segment anything in medical images", "Segment Anything in Medical Images.", true),
        ("Towards a general-purpose foundation model for computational pathology", "Towards a General-Purpose Foundation Model for Computational Pathology", true),
        ("A title that is not the one of its link.", "Active Fuzzing for Testing and Securing Cyber-Physical Systems", false),
        ("", "Anything", false),
    ])
    func titlesMatchByTheirWords(_ listed: String, _ found: String, _ same: Bool) {
        #expect(TitleMatch.close(listed, found) == same)
    }
}
