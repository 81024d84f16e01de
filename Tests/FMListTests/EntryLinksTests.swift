import Testing
@testable import FMList

/// Which links of an item are the entry's: labelled ones (`[[Code]](u)`, `[paper](u)`), and after
/// one of them any link on its line, whatever its label; a link in the title before them is the
/// title's.
@Suite struct EntryLinksTests {
    static func entry(_ line: String) throws -> Entry {
        let view = ListView(document: try Document(bytes: Array("## VFM methods\n**2024**\n\(line)\n".utf8)), configuration: .healthcareDefault)
        return try #require(view.entries.first)
    }

    @Test func aLinkAfterALabelledOneIsTheEntrys() throws {
        let entry = try Self.entry("* **MIMIC-IV**: A dataset. 2023. [paper](https://a.org/1) [database](https://b.org/2)")
        #expect(entry.links.map(\.label) == ["paper", "database"])
        #expect(entry.links.map(\.url) == ["https://a.org/1", "https://b.org/2"])
        #expect(entry.title == "**MIMIC-IV**: A dataset. 2023.")
    }

    @Test func aLinkInTheTitleBeforeTheLabelsIsTheTitles() throws {
        let entry = try Self.entry("- [SimCLR](https://a.org/0) for images. [[Paper]](https://a.org/1) [leaderboard](https://b.org/2)")
        #expect(entry.links.map(\.url) == ["https://a.org/1", "https://b.org/2"])
        #expect(entry.title == "[SimCLR](https://a.org/0) for images.")
    }

    /// A one-word link right before the labelled ones, only spaces or commas between, is one of
    /// the entry's (`[github](u) [paper](u)`); a one-word link inside the title stays the title's.
    @Test func aOneWordLinkJustBeforeTheLabelsIsTheEntrys() throws {
        let entry = try Self.entry("* **MedTrinity-25M**: A dataset. 2024. [github](https://github.com/a/b) [paper](https://arxiv.org/abs/2408.02900)")
        #expect(entry.links.map(\.label) == ["github", "paper"])
        #expect(entry.title == "**MedTrinity-25M**: A dataset. 2024.")
        let comma = try Self.entry("* **Healthcare Magic**: Dialogues. [site](https://a.org/1),[huggingface](https://huggingface.co/d)")
        #expect(comma.links.map(\.label) == ["site", "huggingface"])
        let inTitle = try Self.entry("- [SimCLR](https://a.org/0) for images. [[Paper]](https://a.org/1)")
        #expect(inTitle.title == "[SimCLR](https://a.org/0) for images.")
    }

    /// A title wrapped onto the next line (GitHub shows a soft line break as a space) is the whole
    /// title, up to the first link, wherever that link is.
    @Test func aTitleWrappedOntoTheNextLineIsWhole() throws {
        let wrapped = try Self.entry("- ChiMed-GPT: A Chinese Medical Large Language Model with Full\nTraining Regime and Better Alignment [[Paper]](https://a.org/1)")
        #expect(wrapped.title == "ChiMed-GPT: A Chinese Medical Large Language Model with Full Training Regime and Better Alignment")
        #expect(wrapped.links.map(\.url) == ["https://a.org/1"])
        let linksBelow = try Self.entry("- Deep Clustering for Unsupervised Learning\n  [[pdf]](https://a.org/1)\n  [[code]](https://b.org/2)")
        #expect(linksBelow.title == "Deep Clustering for Unsupervised Learning")
        #expect(linksBelow.links.map(\.label) == ["pdf", "code"])
        let oneLine = try Self.entry("- SAM-Med2D [[paper]](https://a.org/1)\n  and a note on the next line")
        #expect(oneLine.title == "SAM-Med2D")
    }
}
