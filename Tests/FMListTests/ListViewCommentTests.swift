import Testing
@testable import FMList

/// Guards the list view's links against HTML comments: GitHub shows nothing of a comment inside
/// a paragraph or an item, so its links are no links (no rule may report `[[Code]]()` there),
/// while a comment left open at the paragraph's end is shown as text, links and all.
@Suite struct ListViewCommentTests {
    static func targets(_ text: String) throws -> [[String]] {
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault)
        return view.linksByLine.map { $0.map(\.text) }
    }

    @Test func linksInsideACommentOnOneLineAreLeftOut() throws {
        let found = try Self.targets("- [a] T. [[Paper]](https://x.org) <!-- [[Code]]() --> [[Web]](https://y.org)\n")
        #expect(found == [["[Paper]", "[Web]"]], "\(found)")
    }

    @Test func aCommentGoesOnOverTheLinesOfItsParagraph() throws {
        let text = "Text [A](https://a.org) <!-- a note\n[[Code]]() and\n[B]() --> [C](https://c.org)\n"
        do { let found = try Self.targets(text); #expect(found == [["A"], [], ["C"]], "\(found)") }
    }

    @Test func aCommentLeftOpenIsText() throws {
        do { let found = try Self.targets("Text <!-- [[Code]]()\n\nMore [[Code]]() -->\n"); #expect(found == [["[Code]"], [], ["[Code]"]], "\(found)") }
        do { let found = try Self.targets("- a <!-- [[Code]]()\n- b [[Code]]() -->\n"); #expect(found == [["[Code]"], ["[Code]"]], "\(found)") }
    }
}
