import FMServices
import Testing

@Suite struct XMLTreeTests {
    @Test func readsElementsAttributesEntitiesAndCDATA() throws {
        let text = """
            <?xml version='1.0' encoding='UTF-8'?>
            <!-- a comment -->
            <feed xmlns:arxiv="http://arxiv.org/schemas/atom"><entry>
              <title>Caf&#233; &amp; &lt;bar&gt; &#x1F600;</title>
              <link href="https://a.org/?a=1&amp;b=2" rel='alternate'/>
              <arxiv:comment><![CDATA[code at <github.com/o/r>]]></arxiv:comment>
            </entry></feed>
            """
        let root = try XMLElement.parse(Array(text.utf8))
        let entry = try #require(root.first("entry"))
        #expect(entry.first("title")?.text == "Café & <bar> 😀")
        #expect(entry.first("link")?.attributes == ["href": "https://a.org/?a=1&b=2", "rel": "alternate"])
        #expect(entry.first("arxiv:comment")?.text == "code at <github.com/o/r>")
    }

    @Test(arguments: ["<feed><entry></feed>", "<feed>", "<feed a=b></feed>", "<feed>&nope;</feed>", "text only"])
    func refusesWhatIsNotWellFormed(_ text: String) {
        #expect(throws: XMLElement.Problem.self) { _ = try XMLElement.parse(Array(text.utf8)) }
    }
}
