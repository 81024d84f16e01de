import Foundation
import FMEditor
import FMList
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The entries of a list file, in process.
@Suite struct ExportWorkflowTests {
    @Test func theEntriesOfAListFileInTheListsOrder() throws {
        let entries = try ListExport.entries(of: ListFile(path: Lists.example.path, configuration: .healthcareDefault))
        #expect(entries.map(\.draft.category) == ["lfm", "lfm", "vfm", "vfm", "bfm", "mfm", "vfm-data", "vfm-data"])
        #expect(entries.map(\.listing.lines.lowerBound) == [17, 20, 24, 27, 31, 35, 42, 43])
        guard case .paper(let first) = entries[0].draft else { Issue.record("not a paper"); return }
        #expect(first == PaperDraft(category: "lfm", year: 2023, venue: "Nature", title: "Large language models encode clinical knowledge.",
                                    links: [.init(key: "paper", url: "https://www.nature.com/articles/s41586-023-06291-2")]))
        #expect(entries[0].listing == ListedEntry.Listing(section: "LFM methods", lines: 17...17, index: 0,
                                                           text: "- [Nature] Large language models encode clinical knowledge. [[Paper]](https://www.nature.com/articles/s41586-023-06291-2)"))
    }

    /// A target written in angle brackets, `(<https://…>)`, goes where GitHub's parser says:
    /// to what the brackets hold, which is what the record carries and `add` writes back.
    @Test func aTargetInAngleBracketsIsTheAddressInside() throws {
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        try Data("# List\n## LFM methods\n**2024**\n- [arXiv] A model. [[Paper]](<https://arxiv.org/abs/2401.01234>)\n".utf8).write(to: list)
        let entries = try ListExport.entries(of: ListFile(path: list.path, configuration: .healthcareDefault))
        guard case .paper(let draft) = try #require(entries.first).draft else { Issue.record("not a paper"); return }
        let html = try Command.run(URL(fileURLWithPath: "/usr/bin/cmark-gfm"), [list.path], in: folder).output
        #expect(html.contains("href=\"https://arxiv.org/abs/2401.01234\""), "\(html)")
        #expect(draft.links == [.init(key: "paper", url: "https://arxiv.org/abs/2401.01234")])
    }

    @Test func aListThatCannotBeReadOrIsNotUTF8IsAFailureOfTheList() throws {
        let folder = try TemporaryFolder.make()
        let missing = folder.appendingPathComponent("none.md").path
        #expect {
            try ListExport.entries(of: ListFile(path: missing, configuration: .healthcareDefault))
        } throws: { error in
            guard case .list(.unreadable(let path, _)) = error as? WorkflowFailure else { return false }
            return path == missing
        }
        let latin1 = folder.appendingPathComponent("README.md")
        try Data(Array("# List\n## LFM methods\n**2024**\n- [arXiv] Caf".utf8) + [0xE9, 0x0A]).write(to: latin1)
        #expect {
            try ListExport.entries(of: ListFile(path: latin1.path, configuration: .healthcareDefault))
        } throws: { error in
            guard case .list(.invalidUTF8(_, let offset)) = error as? WorkflowFailure else { return false }
            return offset == 44 && "\(error)".contains("is not valid UTF-8 at byte offset 44")
        }
    }
}
