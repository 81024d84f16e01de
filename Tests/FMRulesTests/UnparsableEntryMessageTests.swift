import FMList
import Testing
@testable import FMRules

/// An item that cannot be read as an entry is told how to be written in its own list's form:
/// the list's paper link and a readable entry of its category, not another list's `[[Paper]]`.
@Suite struct UnparsableEntryMessageTests {
    static let list = """
        ## Models

        * [**Nature, 2024**] **BiomedGPT**: A generalist model [paper](https://www.nature.com/articles/1)
        * [**Arxiv, 2023**] **ClinicalGPT**: A clinical model [paper](https://arxiv.org/abs/2306.09968)
        * [**Arxiv, 2023**] **MedModel**: A model without its link

        """

    @Test func theMessageShowsTheListsOwnForm() throws {
        let configuration = try Configuration.parse(yaml: "categories:\n  models:\n    heading: Models\n")
        let view = ListView(document: try Document(bytes: Array(Self.list.utf8)), configuration: configuration)
        let findings = Linter(select: ["unparsable-entry"], ignore: []).findings(in: view)
        let finding = try #require(findings.first)
        #expect(findings.count == 1 && finding.line == 5)
        #expect(finding.message.contains("`[paper](https://…)`"), "\(finding.message)")
        #expect(finding.message.contains("line 4"), "\(finding.message)")
        #expect(!finding.message.contains("[[Paper]]"), "\(finding.message)")
    }
}
