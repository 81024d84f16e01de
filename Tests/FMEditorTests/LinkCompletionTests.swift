import FMList
import FMSchema
import Testing
@testable import FMEditor

/// A link pasted without its scheme or with what wrapped it is the link it means; text that
/// names no link is left for the schema to refuse.
@Suite struct LinkCompletionTests {
    @Test(arguments: [
        ("github.com/vpulab/med-sam-brain", "https://github.com/vpulab/med-sam-brain"),
        ("www.github.com/MIC-DKFZ/VoxTell", "https://www.github.com/MIC-DKFZ/VoxTell"),
        ("(https://arxiv.org/abs/2305.17100)", "https://arxiv.org/abs/2305.17100"),
        ("<https://arxiv.org/abs/1903.11412>", "https://arxiv.org/abs/1903.11412"),
        ("[https://arxiv.org/abs/2310.08370](https://github.com/Nightmare-n/UniPAD)", "https://github.com/Nightmare-n/UniPAD"),
        ("[code](https://a.org/x_(y))", "https://a.org/x_(y)"),
    ])
    func aPastedLinkIsCompleted(_ given: String, _ meant: String) {
        #expect(LinkCompletion.completed(given) == meant)
    }

    @Test(arguments: [
        "https://arxiv.org/abs/2401.00001", "http://proceedings.mlr.press/v97/huang19b.html",
        "http:github.com/a/b", "javascript:alert(1)", "Contrastive Learning Inverts the Data Generating Process",
        "(not a link)", "[text](javascript:alert(1))", "a.b c/d", ".example.org/x", "ex ample.org/x",
    ])
    func anythingElseIsLeftAsItIs(_ given: String) {
        #expect(LinkCompletion.completed(given) == nil)
    }

    /// `add` writes the completed link, says what it took, and refuses what it cannot complete.
    @Test func addWritesTheCompletedLinkAndSaysSo() throws {
        let list = "## VFM methods\n**2024**\n- [arXiv] A model. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/1)\n"
        let document = try Document(bytes: Array(list.utf8))
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let draft = PaperDraft(category: "vfm", year: 2024, venue: "arXiv", title: "Another model",
                               links: [.init(key: "paper", url: "(https://a.org/2)"), .init(key: "code", url: "github.com/a/2")])
        let added = try adder.add(.paper(draft), to: document, allowDuplicate: false)
        #expect(added.insertion.text == "- [arXiv] Another model. [[Paper]](https://a.org/2) [[Code]](https://github.com/a/2)")
        #expect(added.warnings.contains(#"links.code: "github.com/a/2" was taken as https://github.com/a/2"#), "\(added.warnings)")
        let many = try adder.addAll([.paper(draft)], to: document, allowDuplicate: false)
        #expect(many.warnings.contains(#"links.paper: "(https://a.org/2)" was taken as https://a.org/2"#), "\(many.warnings)")
        var unreadable = draft
        unreadable.links[0].url = "A model's title"
        #expect(throws: AddError.self) { try adder.add(.paper(unreadable), to: document, allowDuplicate: false) }
    }
}
