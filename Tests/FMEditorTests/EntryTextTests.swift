import Testing
@testable import FMEditor

/// The check an entry passes before it is written: GitHub shows it as one entry of text with
/// exactly its links.
@Suite struct EntryTextTests {
    let paper = "https://arxiv.org/abs/2401.00001"

    @Test(arguments: [
        "- [arXiv] A plain title. [[Paper]](https://arxiv.org/abs/2401.00001)",
        "  - Nested title. [[paper]](https://arxiv.org/abs/2401.00001)",
        "1. Numbered title. [[Paper]](https://arxiv.org/abs/2401.00001)",
        "- A title with \\*stars\\*. [[Paper]](https://arxiv.org/abs/2401.00001)",
    ])
    func anEntryOfTextPasses(_ line: String) {
        #expect(EntryText.renderingProblem(ofEntry: line, links: [paper]) == nil)
    }

    @Test(arguments: [
        ("- # Heading. [[Paper]](https://arxiv.org/abs/2401.00001)", "not be one list item"),
        ("- > Quote. [[Paper]](https://arxiv.org/abs/2401.00001)", "not be one list item"),
        ("- - Nested list. [[Paper]](https://arxiv.org/abs/2401.00001)", "not be one list item"),
        ("- <div>Block</div> [[Paper]](https://arxiv.org/abs/2401.00001)", "not be one list item"),
        ("- A *loud* title. [[Paper]](https://arxiv.org/abs/2401.00001)", "emph"),
        ("- A `code` title. [[Paper]](https://arxiv.org/abs/2401.00001)", "code"),
        ("- A <b>bold</b> title. [[Paper]](https://arxiv.org/abs/2401.00001)", "html inline"),
        ("- A &amp; B. [[Paper]](https://arxiv.org/abs/2401.00001)", "would show as \"A & B."),
        ("- See https://evil.example now. [[Paper]](https://arxiv.org/abs/2401.00001)", "would link to https://evil.example"),
        ("- Title. [[Paper]](https://arxiv.org/abs/2401.00001) [[Code]](javascript:alert(1))", "not to exactly"),
    ])
    func markupOrAnotherLinkIsAProblem(_ line: String, _ expected: String) throws {
        let problem = try #require(EntryText.renderingProblem(ofEntry: line, links: [paper]))
        #expect(problem.contains(expected), "\(problem)")
    }

    /// The shortcut for plain entries never passes a line that GitHub's parser would refuse, and
    /// takes the plain ones.
    @Test func aPlainEntryIsOneThatTheParserPasses() {
        let titles = ["A plain title", "Med-PaLM 2: towards expert-level answers (2023)", "Ünïcödé 模型 🧬 study", "A *loud* title",
                      "A `code` title", "See www.example.org", "Mail me@example.org", "Use <b>HTML</b>", "# Heading", "1. Numbered",
                      "A & B", "Back\\slash", "Tilde ~~struck~~", "An ! mark", "Pipe | here", "https://example.org in a title",
                      "Zero\u{200B}width", "Question? Yes.", "Percent 100% sure"]
        var plain = 0
        for title in titles {
            for venue in [nil, "arXiv", "Nature Medicine", "A *bad* venue"] as [String?] {
                let line = "- " + (venue.map { "[\($0)] " } ?? "") + title + ". [[Paper]](\(paper)) [[Code]](https://github.com/a/b)"
                let links = [paper, "https://github.com/a/b"]
                if EntryText.isPlainEntry(line, title: title, venue: venue, links: links) {
                    plain += 1
                    #expect(EntryText.renderingProblem(ofEntry: line, links: links) == nil, "\(line)")
                }
            }
        }
        #expect(plain >= 10)
    }

    @Test func aTableRowMustKeepItsCellsAndLinks() {
        let header = "| Dataset Name | Modality | Link |", delimiter = "|---|---|---|"
        #expect(EntryText.renderingProblem(ofRow: "| [Good](https://a.org/p) | CT | [*](https://a.org/d) |", header: header,
                                           delimiter: delimiter, links: ["https://a.org/p", "https://a.org/d"]) == nil)
        #expect(EntryText.renderingProblem(ofRow: "| [Evil](https://evil.example) [x](https://a.org/p) | CT | - |", header: header,
                                           delimiter: delimiter, links: ["https://a.org/p"]) != nil)
    }

    @Test func aLinkIsPercentEncodedWhereItCouldEnd() {
        #expect(EntryText.safeLink("https://example.org/a)[[Code]](javascript:alert(1)")
                == "https://example.org/a%29%5B%5BCode%5D%5D%28javascript:alert%281%29")
        #expect(EntryText.safeLink("https://example.org/a|b<c>") == "https://example.org/a%7Cb%3Cc%3E")
        #expect(EntryText.safeLink("https://example.org/ok?x=1&y=2#f") == "https://example.org/ok?x=1&y=2#f")
    }

    /// A publisher's address with its parentheses in pairs is a link as written (CommonMark's
    /// link destination holds them); one without its pair, or a pair in a pair, is encoded.
    @Test func parenthesesInPairsAreKept() {
        let lancet = "https://www.thelancet.com/journals/landig/article/PIIS2589-7500(23)00048-1/fulltext"
        #expect(EntryText.safeLink(lancet) == lancet)
        #expect(EntryText.safeLink("https://example.org/(a)[b]") == "https://example.org/(a)%5Bb%5D")
        #expect(EntryText.safeLink("https://example.org/a)(b") == "https://example.org/a%29%28b")
        #expect(EntryText.safeLink("https://example.org/(a(b))") == "https://example.org/%28a%28b%29%29")
        #expect(EntryText.safeLink("https://example.org/(a)](javascript:alert(1))")
                == "https://example.org/%28a%29%5D%28javascript:alert%281%29%29")
        #expect(EntryText.renderingProblem(ofEntry: "- Title. [[Paper]](\(lancet))", links: [lancet]) == nil)
    }

    @Test func invisibleCharactersAreNamedWithTheirPosition() {
        #expect(EntryText.invisibleCharacters(in: "ab\u{200B}c\u{202E}", field: "title")
                == ["title has an invisible character U+200B at character 3; remove it",
                    "title has an invisible character U+202E at character 5; remove it"])
        #expect(EntryText.invisibleCharacters(in: "Ünïcödé 模型 🧬", field: "title").isEmpty)
    }
}
