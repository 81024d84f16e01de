import FMList
import Testing

/// Guards `dedupe --interactive`'s "remember": a title holding a control character, a quote or a
/// backslash is written to .fmadd.yml as YAML escapes (once it was spliced in raw, and every later
/// command failed to read the file), and the rest of the user's file stays as it was.
@Suite struct DistinctPairsTests {
    static let title = "Bell \u{7} and \"quotes\" and \\ back \u{1B}[31m"

    @Test func aTitleWithControlCharactersIsWrittenAsEscapesAndReadBack() throws {
        let text = try DistinctPairs.adding([[Self.title, "Other 医学"]], to: "")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(text.debugDescription)")
        #expect(text.hasPrefix("distinct:\n  - [\""), "\(text)")
        #expect(text.contains("医学"), "CJK stays readable")
        #expect(try Configuration.parse(yaml: text).distinct == [[Self.title, "Other 医学"]])
    }

    @Test func theUsersCommentsAndOtherKeysStay() throws {
        let before = """
            # maintainers' settings
            list: README.md
            distinct:
              - [a, b]   # checked by hand

            dedupe:
              threshold: 0.9 # tuned

            """
        let after = try DistinctPairs.adding([["c \u{7}", "d"]], to: before)
        #expect(after.hasPrefix("# maintainers' settings\nlist: README.md\ndistinct:\n  - [a, b]   # checked by hand\n  - [\"c \\a\", \"d\"]\n\ndedupe:\n  threshold: 0.9 # tuned\n"),
                "\(after)")
        let config = try Configuration.parse(yaml: after)
        #expect(config.distinct == [["a", "b"], ["c \u{7}", "d"]])
    }

    @Test func aFlowListIsNotRewrittenButRefusedWithWhatToAdd() throws {
        let error = #expect(throws: ListError.self) { try DistinctPairs.adding([["c", "d"]], to: "distinct: [[a, b]]\n") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("add these items to it: - [\"c\", \"d\"]"))
    }
}
