import Foundation
import FMList
import FMRules
import FMSchema
import Testing
@testable import FMEditor

/// A section most of whose entries link no paper (talks, blog posts, laws) is what the list
/// means it to be: `check` does not ask its entries for a paper link, and `add` puts a talk
/// there without one. Among papers, an entry without a paper link is still an error.
@Suite struct UnlinkedSectionTests {
    static let configuration = try! Configuration.parse(yaml: """
        categories:
          vfm: { heading: VFM methods }
          talks: { heading: Talks }
        """)

    static let list = """
        ## VFM methods
        - A model. [[Paper]](https://a.org/1) [[Code]](https://c.org/1)
        - Another model. [[Paper]](https://a.org/2)
        - A model without its paper. [[Code]](https://c.org/3)

        ## Talks
        - Self-supervised learning, a talk. [[Slides]](https://s.org/1) [[Video]](https://v.org/1)
        - Another talk. [[Slides]](https://s.org/2)

        """

    static func missingPaperLines(_ text: String) throws -> [Int] {
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
        return Linter().findings(in: view).filter { $0.ruleID == "entry-schema" && $0.message.contains("links.paper") }.map(\.line)
    }

    @Test func checkAsksOnlyPapersForAPaperLink() throws {
        #expect(try Self.missingPaperLines(Self.list) == [4])
    }

    @Test func addPutsATalkWithoutAPaperLink() throws {
        let adder = Adder(configuration: Self.configuration, registry: try SchemaRegistry.builtIn)
        let document = try Document(bytes: Array(Self.list.utf8))
        let talk = PaperDraft(category: "talks", year: nil, venue: nil, title: "A third talk.",
                              links: [PaperDraft.Link(key: "slides", url: "https://s.org/3")])
        let added = try adder.add(.paper(talk), to: document, allowDuplicate: false)
        #expect(added.insertion.text == "- A third talk. [[Slides]](https://s.org/3)")
        #expect(try adder.addAll([.paper(talk)], to: document, allowDuplicate: false).insertions.count == 1)
        var paper = talk
        paper.category = "vfm"
        #expect(throws: AddError.self) { try adder.add(.paper(paper), to: document, allowDuplicate: false) }
    }
}
