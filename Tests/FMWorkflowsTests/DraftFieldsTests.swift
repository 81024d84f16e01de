import FMEditor
import FMList
import Testing
@testable import FMWorkflows

/// The entry `fmadd add`'s flags describe.
@Suite struct DraftFieldsTests {
    let configuration = Configuration.healthcareDefault

    func problem(_ fields: DraftFields) -> String? {
        do { _ = try fields.draft(configuration: configuration) } catch { return error.description }
        return nil
    }

    @Test func paperAndCodeAreLinksAndTheYearIsReadFromAnArxivLink() throws {
        let fields = DraftFields(category: "vfm", title: "A model", paper: "https://arxiv.org/abs/2401.01234", code: "https://github.com/a/b",
                                 links: ["Project=https://a.org"])
        guard case .paper(let paper) = try fields.draft(configuration: configuration) else { Issue.record("not a paper"); return }
        #expect(paper.year == 2024)
        #expect(paper.links.map(\.key) == ["paper", "code", "project"])
    }

    /// `--date` is the day the paper appeared, for a list that dates its entries: it states the year.
    @Test func aDateStatesTheYear() throws {
        let fields = DraftFields(category: "vfm", title: "A model", paper: "https://a.org/p", date: "2023-08-02")
        guard case .paper(let paper) = try fields.draft(configuration: configuration) else { Issue.record("not a paper"); return }
        #expect(paper.date == "2023-08-02" && paper.year == 2023)
    }

    @Test func aPaperLinkGivenAsALinkComesFirst() throws {
        let fields = DraftFields(category: "vfm", title: "A model", code: "https://github.com/a/b", links: ["paper=https://a.org/p"], year: 2023)
        guard case .paper(let paper) = try fields.draft(configuration: configuration) else { Issue.record("not a paper"); return }
        #expect(paper.links.map(\.key) == ["paper", "code"])
    }

    @Test func aDatasetTakesItsNameOrTitle() throws {
        let fields = DraftFields(category: "vfm-data", title: "Scans", datasetLink: "https://a.org/scans", task: "Segmentation")
        guard case .dataset(let dataset) = try fields.draft(configuration: configuration) else { Issue.record("not a dataset"); return }
        #expect(dataset.name == "Scans" && dataset.link == "https://a.org/scans" && dataset.task == "Segmentation")
    }

    @Test func eachMistakeIsNamedWithTheFlagThatMendsIt() {
        #expect(problem(DraftFields(title: "A model")) == "missing category; give it with --category")
        #expect(problem(DraftFields(category: "vfm", title: "A model", links: ["https://a.org"])) == "--link takes label=url, got https://a.org")
        #expect(problem(DraftFields(category: "vfm", title: "A model", paper: "https://a.org/1", links: ["paper=https://a.org/2"]))
                == "the paper link is given twice (--link and --paper or --link paper=); give it once")
        #expect(problem(DraftFields(category: "vfm", title: "A model", paper: "https://a.org/1"))
                == "missing year; give it with --year (it could not be read from the paper link)")
        #expect(problem(DraftFields(category: "vfm", paper: "https://a.org/1")) == "missing title; give it with --title")
        #expect(problem(DraftFields(category: "vfm-data", paper: "https://a.org/1")) == "missing name; give it with --name")
        #expect(DraftFields(category: "vfm").isEmpty && !DraftFields(paper: "https://a.org").isEmpty)
    }
}
