import FMList
import FMRules
import FMSchema
import Testing
@testable import FMEditor

/// Code, a model or a dataset listed among papers without a paper of its own (`[Github] Visual
/// Med-Alpaca. [[Code]](…)`) is a resource: `check` warns of it and does not block on it,
/// `export` marks it, and `add` writes it when it says it is one, and only then.
@Suite struct ResourceEntryTests {
    static let list = """
        ## VFM methods
        **2024**
        - [arXiv] A model. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/1)
        - [Github] A toolkit without a paper. [[Code]](https://github.com/a/2)
        - [arXiv] Another model. [[Paper]](https://a.org/3)

        """

    static func view(_ text: String = list) throws -> ListView {
        ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault)
    }

    @Test func checkWarnsOfAResourceAmongPapersAndBlocksOnNothing() throws {
        let findings = Linter().findings(in: try Self.view()).filter { $0.ruleID == "entry-schema" }
        #expect(findings.map(\.line) == [4], "\(findings)")
        #expect(findings.allSatisfy { $0.severity == .warning && $0.message.contains("links no paper, only its code") })
    }

    @Test func exportMarksAResourceAndAddPutsItBack() throws {
        let view = try Self.view()
        let records = ListedEntry.all(in: view)
        #expect(records.map { if case .paper(let paper) = $0.draft { paper.resource } else { false } } == [false, true, false])
        let resource = records[1]
        #expect(resource.json().jsonText.contains(#""resource":true"#), "\(resource.json().jsonText)")
        let draft = try #require(try DraftReader.drafts(in: resource.json(), configuration: .healthcareDefault).first)
        let lines = resource.listing.lines
        let removed = try Document(bytes: view.document.applying([LineEdit(lines: lines.lowerBound..<(lines.upperBound + 1), replacement: [])]))
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let added = try adder.add(draft, to: removed, allowDuplicate: false)
        #expect(added.bytes == view.document.bytes)
    }

    /// Without saying it is a resource, an entry without a paper link is refused, with the way to
    /// say it; a resource that links a paper, or nothing, is refused too.
    @Test func addWritesAResourceOnlyWhenItSaysItIsOne() throws {
        let document = try Self.view().document
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        var draft = PaperDraft(category: "vfm", year: 2024, venue: "HuggingFace", title: "A model card",
                               links: [.init(key: "model", url: "https://huggingface.co/a/b")])
        do {
            _ = try adder.add(.paper(draft), to: document, allowDuplicate: false)
            Issue.record("added without a paper link")
        } catch .invalid(let messages) {
            #expect(messages.contains { $0.hasPrefix("links.paper: is required") && $0.contains("--resource") }, "\(messages)")
        } catch { Issue.record("\(error)") }
        draft.resource = true
        let added = try adder.add(.paper(draft), to: document, allowDuplicate: false)
        #expect(added.insertion.text == "- [HuggingFace] A model card. [[Model]](https://huggingface.co/a/b)")
        var withPaper = draft
        withPaper.links.insert(.init(key: "paper", url: "https://a.org/9"), at: 0)
        #expect(throws: AddError.self) { try adder.add(.paper(withPaper), to: document, allowDuplicate: false) }
        let messages = adder.validate(.paper(withPaper)).map(\.message)
        #expect(messages.contains { $0.contains("a resource links no paper") }, "\(messages)")
        var linkless = draft
        linkless.links = []
        #expect(adder.validate(.paper(linkless)).contains { $0.message.contains("a resource needs one link at least") })
    }

    /// `resource` is read from a file as true or false, and nothing else.
    @Test func aFileSaysResourceWithABoolean() throws {
        let entry = #"{"category": "vfm", "year": 2024, "title": "A toolkit", "links": {"code": "https://github.com/a/9"}, "resource": true}"#
        let drafts = try DraftReader.drafts(in: try JSONValue(jsonText: entry), configuration: .healthcareDefault)
        guard case .paper(let paper) = drafts.first else { Issue.record("not a paper"); return }
        #expect(paper.resource)
        let wrong = entry.replacingOccurrences(of: "true", with: #""yes""#)
        #expect(throws: DraftReader.Problem.wrongType(entry: 1, field: "resource", expected: "true or false")) {
            try DraftReader.drafts(in: try JSONValue(jsonText: wrong), configuration: .healthcareDefault)
        }
    }

    /// `links:` are written in the order a record gives them (an exported line's), a `paper:`
    /// given on its own first.
    @Test func linksAreWrittenInTheRecordsOrder() throws {
        let given = #"{"category": "vfm", "year": 2024, "title": "A model", "links": {"code": "https://github.com/a/9", "paper": "https://a.org/9"}}"#
        let drafts = try DraftReader.drafts(in: try JSONValue(jsonText: given), configuration: .healthcareDefault)
        guard case .paper(let paper) = drafts.first else { Issue.record("not a paper"); return }
        #expect(paper.links.map(\.key) == ["code", "paper"])
        let flat = #"{"category": "vfm", "year": 2024, "title": "A model", "code": "https://github.com/a/9", "paper": "https://a.org/9"}"#
        guard case .paper(let flatPaper) = try DraftReader.drafts(in: try JSONValue(jsonText: flat), configuration: .healthcareDefault).first
        else { Issue.record("not a paper"); return }
        #expect(flatPaper.links.map(\.key) == ["paper", "code"])
    }

    /// The guided add takes `none` at the paper link for a resource, asks for its link and labels
    /// it by where it points.
    @Test func theGuidedAddTakesNoneForAResource() throws {
        let document = try Self.view().document
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        var prompter = AdderTests.ScriptedPrompter(answers: ["A segmentation toolkit", "", "none", "github.com/a/7", "Github", "2024", "y"])
        let result = try #require(GuidedAdd(adder: adder, document: document, category: "vfm").run(with: &prompter))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.resource && paper.links == [.init(key: "code", url: "https://github.com/a/7")], "\(paper)")
        #expect(prompter.transcript.contains { $0.hasPrefix("  ✗ links.paper: is required; `none` for code") }, "\(prompter.transcript)")
        #expect(!prompter.transcript.contains("? Code link"))
        #expect(prompter.transcript.contains("  + - [Github] A segmentation toolkit. [[Code]](https://github.com/a/7)"), "\(prompter.transcript)")
        #expect(GuidedAdd.resourceKey(of: "https://huggingface.co/datasets/a/b") == "dataset")
        #expect(GuidedAdd.resourceKey(of: "https://huggingface.co/a/b") == "model")
    }
}
