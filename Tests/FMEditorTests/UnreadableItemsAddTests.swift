import FMList
import FMSchema
import Testing
@testable import FMEditor

/// Items fmadd cannot read are reported only where most of their category's items are entries;
/// an entry added there tips the balance, which is no finding of the entry's making.
@Suite struct UnreadableItemsAddTests {
    @Test func anEntryAddedBesideItemsFmaddCannotReadIsNotRefused() throws {
        let text = """
            ## VFM methods
            **2024**
            - [Nature] A model. [[Paper]](https://a.org/1)
            - A resource without a paper link
            - Another resource without one

            """
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let draft = PaperDraft(category: "vfm", year: 2024, venue: "Nature", title: "Another model.",
                               links: [.init(key: "paper", url: "https://a.org/2")])
        let outcome = try adder.add(.paper(draft), to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
        #expect(outcome.insertion.text == "- [Nature] Another model. [[Paper]](https://a.org/2)")
    }
}
