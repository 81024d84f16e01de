import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FMList
@testable import FMRules

/// Guards against reports that act on the terminal or the CI log: a file name with a line break
/// and a message quoting a title with an OSC 8 link (ESC ] 8 ;; … BEL), a DEL and a C1 CSI must
/// come out of every reporter as visible text, never as raw control characters.
@Suite struct ReporterControlCharacterTests {
    static let file = "li\r\nst.md"
    static let title = "Evil \u{1B}]8;;http://evil\u{7}Click\u{1B}]8;;\u{7} \u{7F}\u{9B}31m model"
    static let reports = [Report(file: file, findings: [
        Finding(ruleID: "duplicate-entry", severity: .error, message: "the same paper as \"\(title)\"", line: 3, column: 1),
    ])]

    static func rawControls(_ text: String, allowing allowed: Set<Unicode.Scalar>) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ControlCharacters.isControl($0) && !allowed.contains($0) }
    }

    @Test func textShowsControlCharactersAsEscapes() {
        let out = TextReporter().render(Self.reports)
        #expect(Self.rawControls(out, allowing: ["\n"]).isEmpty, "\(out.debugDescription)")
        #expect(out.split(separator: "\n").count == 2, "one finding line and the summary: \(out.debugDescription)")
        #expect(out.hasPrefix("li\\u{D}\\u{A}st.md:3:1: error: the same paper as \"Evil \\u{1B}]8;;http://evil\\u{7}Click"))
    }

    @Test func githubEscapesLineBreaksInTheFileAndControlsInTheMessage() {
        let out = GitHubReporter().render(Self.reports)
        // CR LF is one Character in Swift: both of its scalars need their escape.
        #expect(out.hasPrefix("::error file=li%0D%0Ast.md,line=3,col=1,title=duplicate-entry::"), "\(out.debugDescription)")
        #expect(Self.rawControls(out, allowing: ["\n"]).isEmpty, "\(out.debugDescription)")
        #expect(out.split(separator: "\n").count == 1)
        #expect(GitHubReporter().render([Report(file: "a%b:c,d\re", findings: Self.reports[0].findings)])
            .hasPrefix("::error file=a%25b%3Ac%2Cd%0De,"))
    }

    @Test(arguments: ["json", "sarif"])
    func jsonKeepsTheValuesAndHoldsNoRawControlCharacter(_ format: String) throws {
        let out = format == "json" ? JSONReporter().render(Self.reports) : SARIFReporter(version: "0").render(Self.reports)
        #expect(Self.rawControls(out, allowing: ["\n"]).isEmpty, "\(out.debugDescription)")
        // The escapes are JSON's own: a reader gets the file name and the message back as they were.
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8))
        let strings = Self.strings(in: object)
        #expect(strings.contains(Self.file))
        #expect(strings.contains("the same paper as \"\(Self.title)\""))
    }

    @Test func junitIsWellFormedXMLWithTheControlsVisible() {
        let out = JUnitReporter().render(Self.reports)
        #expect(Self.rawControls(out, allowing: ["\n", "\r"]).isEmpty, "\(out.debugDescription)")
        let parser = XMLParser(data: Data(out.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError)): \(out)")
        #expect(out.contains("name=\"li&#13;&#10;st.md\""))
        #expect(out.contains("Evil \\u{1B}]8;;http://evil\\u{7}Click"))
    }

    @Test func escapingLeavesOrdinaryTextAlone() {
        #expect(ControlCharacters.escaped("医学 🩺 a\tb") == "医学 🩺 a\\u{9}b")
        #expect(ControlCharacters.escaped("a\tb", keeping: ["\t"]) == "a\tb")
        #expect(ControlCharacters.escapedJSON("{\n \"a\": \"\u{9B}\u{7F}\"\n}") == "{\n \"a\": \"\\u009B\\u007F\"\n}")
    }

    static func strings(in object: Any) -> [String] {
        switch object {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(strings(in:))
        case let dictionary as [String: Any]: dictionary.values.flatMap(strings(in:))
        default: []
        }
    }
}
