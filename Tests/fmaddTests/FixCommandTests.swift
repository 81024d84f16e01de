import Foundation
import FMTestSupport
import Testing

@Suite struct FixCommandTests {
    let upstream = Paths.healthcareList

    func copyOfUpstream() throws -> URL {
        let folder = try Fmadd.temporaryFolder()
        let file = folder.appendingPathComponent("README.md")
        try Data(contentsOf: upstream).write(to: file)
        return file
    }

    @Test func fixWritesAndLeavesOnlyWhatNeedsAPerson() throws {
        let file = try copyOfUpstream()
        let result = try Fmadd.run(["fix", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let before = try ReportCounts.of(upstream.path)
        let after = try ReportCounts.of(file.path)
        // What is left has no fix, and the summary counts it without the duplicate rules, which
        // `fix` does not run.
        #expect(after.fixable == 0 && after.total < before.total)
        let needPerson = after.total - (after.byRule["duplicate-entry"] ?? 0) - (after.byRule["possible-duplicate"] ?? 0)
        let applied = try #require(try Regex(#"(\d+) fixes applied"#).firstMatch(in: result.stdout).flatMap { Int($0.output[1].substring!) })
        #expect(applied > 0 && applied <= before.fixable, "\(result.stdout)")
        #expect(result.stdout.contains("; \(needPerson) findings need a person (`fmadd check` lists them, with any duplicates)"), "\(result.stdout)")
        #expect(try Fmadd.run(["fix", "--check", file.path]).status == 0, "a fixed list needs no more fixes")
    }

    @Test func checkAndDiffWriteNothing() throws {
        let file = try copyOfUpstream()
        let before = try Data(contentsOf: file)
        let check = try Fmadd.run(["fix", "--check", file.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("would change the file"))
        let diff = try Fmadd.run(["fix", "--diff", file.path])
        #expect(diff.status == 0)
        let shown = String(file.path.dropFirst())
        #expect(diff.stdout.hasPrefix("--- a/\(shown)\n+++ b/\(shown)\n@@ "))
        #expect(diff.stdout.contains("\n-- [Related survery](#related-survey)\n"))
        #expect(diff.stdout.contains("\n+- [Related survey](#related-survey)\n"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func selectAndIgnoreChooseTheRules() throws {
        let file = try copyOfUpstream()
        #expect(try Fmadd.run(["fix", "--select", "trailing-whitespace", file.path]).status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let outsideTheBibtexFence = lines.enumerated().filter { !(25...36).contains($0.offset) }.map(\.element)
        #expect(!outsideTheBibtexFence.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        #expect(text.contains("[[paper]]"), "only trailing white space was to be fixed")
        #expect(try Fmadd.run(["fix", "--ignore", "mixed-label-case,table-alignment", file.path]).status == 0)
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after.contains("[[paper]]") && !after.contains("Related survery"))
        #expect(try Fmadd.run(["fix", "--select", "no-such-rule", file.path]).status == 64)
    }

    @Test func selectTakesRepeatedFlagsAndCommaSeparatedIDs() throws {
        let file = try copyOfUpstream()
        let repeated = try Fmadd.run(["fix", "--diff", "--select", "trailing-whitespace", "--select", "mixed-label-case", file.path])
        let commas = try Fmadd.run(["fix", "--diff", "--select", "trailing-whitespace,mixed-label-case", file.path])
        #expect(repeated.status == 0 && repeated.stdout == commas.stdout, "\(repeated.stderr)")
        let one = try Fmadd.run(["fix", "--diff", "--select", "trailing-whitespace", file.path])
        #expect(one.stdout != repeated.stdout, "the second --select adds its rule")
        let unknown = try Fmadd.run(["fix", "--ignore", "table-alignment", "--ignore", "no-such-rule", file.path])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown rule 'no-such-rule'"), "\(unknown.stderr)")
    }

    @Test func keepsTheFileModeAndLineEndings() throws {
        let folder = try Fmadd.temporaryFolder()
        let file = folder.appendingPathComponent("README.md")
        try Data("## LFM methods\r\n**2024**\r\n- [a] A. [[Paper]](https://a.org/1)  \r\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try Fmadd.run(["fix", file.path]).status == 0)
        #expect(try Data(contentsOf: file) == Data("## LFM methods\r\n**2024**\r\n- [a] A. [[Paper]](https://a.org/1)\r\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
        #expect(leftovers.isEmpty)
    }

    @Test func disableCommentsHoldForFix() throws {
        let folder = try Fmadd.temporaryFolder()
        let file = folder.appendingPathComponent("README.md")
        let text = "<!-- fmadd-disable-next-line trailing-whitespace -->\nkept  \ntrimmed \n"
        try Data(text.utf8).write(to: file)
        #expect(try Fmadd.run(["fix", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "<!-- fmadd-disable-next-line trailing-whitespace -->\nkept  \ntrimmed\n")
    }
}
