import Testing
@testable import FMList

/// The conventions are what most of the list does: its year order, its label form (list-wide and
/// per section), bold entries, the label of the paper's link; `.fmadd.yml` wins where it speaks.
@Suite struct ListConventionsTests {
    static func conventions(_ text: String, _ configuration: Configuration = .healthcareDefault) throws -> ListConventions {
        ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration).conventions
    }

    static func section(_ heading: String, years: [Int], entry: (Int) -> String) -> String {
        "## \(heading)\n" + years.map { "**\($0)**\n\(entry($0))\n" }.joined(separator: "\n")
    }

    @Test func yearOrderIsTheOneMostGroupsFollow() throws {
        let oldest = [2019, 2020, 2021, 2022]
        let text = Self.section("VFM methods", years: oldest) { "- A\($0). [[Paper]](https://a.org/\($0))" }
        #expect(try Self.conventions(text).yearOrder == .oldestFirst)
        #expect(try Self.conventions(Self.section("VFM methods", years: oldest.reversed()) { "- A\($0). [[Paper]](https://a.org/\($0))" }).yearOrder == .newestFirst)
        // One group out of place is a finding, not an order.
        #expect(try Self.conventions(Self.section("VFM methods", years: [2023, 2024]) { "- A\($0). [[Paper]](https://a.org/\($0))" }).yearOrder == .newestFirst)
        var stated = Configuration.healthcareDefault
        stated.yearOrder = .newestFirst
        #expect(try Self.conventions(text, stated).yearOrder == .newestFirst)
        let parsed = try Configuration.parse(yaml: "yearOrder: oldest-first\n")
        #expect(parsed.yearOrder == .oldestFirst)
        #expect(throws: ListError.self) { try Configuration.parse(yaml: "yearOrder: sideways\n") }
    }

    @Test func labelFormIsTheListsMajorityAndEachSectionsOwn() throws {
        let wrapped = (1...3).map { "- W\($0) [[paper](https://a.org/\($0))][[code](https://c.org/\($0))]" }.joined(separator: "\n")
        let double = "- D [[Paper]](https://d.org/1)"
        let text = "## VFM methods\n\(wrapped)\n\n## BFM methods\n\(double)\n"
        let conventions = try Self.conventions(text)
        #expect(conventions.labelForm == .wrapped)
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault)
        #expect(conventions.labelForm(inSection: view.section(forCategory: "bfm")) == .doubleBracket)
        #expect(conventions.labelForm(inSection: view.section(forCategory: "vfm")) == .wrapped)
        #expect(try Self.conventions("## VFM methods\n- P [pdf](https://a.org/1)\n- Q [pdf](https://a.org/2)\n").labelForm == .plain)
    }

    @Test func boldEntriesAndThePapersLabelAreRead() throws {
        let bold = (1...3).map { "* [**Nature, 202\($0)**] **M\($0)**: A model. [paper](https://a.org/\($0))" }.joined(separator: "\n")
        #expect(try Self.conventions("## VFM methods\n\(bold)\n").boldEntries)
        #expect(try !Self.conventions("## VFM methods\n- [Nature] A. [[Paper]](https://a.org/1)\n- **B**. [[Paper]](https://a.org/2)\n- C. [[Paper]](https://a.org/3)\n").boldEntries)
        let pdf = (1...3).map { "- T\($0). [[pdf]](https://a.org/\($0)) [[code]](https://c.org/\($0))" }.joined(separator: "\n")
        #expect(try Self.conventions("## VFM methods\n\(pdf)\n").paperLabel == "pdf")
        #expect(try Self.conventions("## VFM methods\n\(pdf)\n- U. [[Paper]](https://a.org/9)\n- V. [[Paper]](https://a.org/8)\n- W. [[Paper]](https://a.org/7)\n- X. [[Paper]](https://a.org/6)\n").paperLabel == nil)
    }
}
