import Foundation
import FMTestSupport
import FMDedupe
import Testing

@Suite struct DedupeCommandTests {
    let fixture = Paths.fixtures.appendingPathComponent("healthcare-older.md")

    /// Every link target of a list, each as the paper or page it names: an arXiv abstract and
    /// its PDF, or an address with and without `www.`, are one target.
    static func linkTargets(_ text: String) -> Set<String> {
        let pattern = try! Regex(#"\]\(([^)\s]+)\)"#)
        return Set(text.matches(of: pattern).map { link in let url = String(link.output[1].substring!); return EntryKeys.identity(ofLink: url) ?? url })
    }

    @Test func findsThePairsOfTheOlderListWithTheirReasons() throws {
        let result = try Fmadd.run(["dedupe", fixture.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("duplicate (28~45: arxiv 2304.06716"))
        #expect(result.stdout.contains("likely (29~48: subtitle"))
        #expect(result.stdout.contains("duplicate (33~49: code github.com/mrgiovanni/modelsgenesis"))
        let json = try Fmadd.run(["dedupe", "--json", fixture.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let clusters = try #require(object["clusters"] as? [[String: Any]])
        #expect(clusters.count == 3)
        #expect(clusters.allSatisfy { ($0["entries"] as? [Any])?.count == 2 && ($0["reasons"] as? [Any])?.isEmpty == false })
    }

    @Test func applyMergesAndNeverLosesALink() throws {
        let repo = try GitRepository(list: fixture)
        let before = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        let result = try Fmadd.run(["dedupe", "--apply", "--commit"], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let after = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        #expect(Self.linkTargets(before).isSubset(of: Self.linkTargets(after)))
        #expect(after.components(separatedBy: "STU-Net: Scalable").count == 2, "one STU-Net entry is left")
        #expect(after.contains("https://github.com/Ziyan-Huang/STU-Net") && after.contains("https://github.com/uni-medical/STU-Net"))
        #expect(try repo.git("log", "-1", "--format=%s").hasPrefix("Merge 2 duplicate entries"))
        let again = try Fmadd.run(["dedupe", "README.md"], in: repo.folder)
        #expect(!again.stdout.contains("duplicate ("), "\(again.stdout)")
    }

    @Test(.enabled(if: Needs.listGenerator, Comment(rawValue: Needs.listGeneratorReason))) func applyKeepsEveryLinkOfAGeneratedList() throws {
        let folder = try Fmadd.temporaryFolder()
        let list = folder.appendingPathComponent("README.md")
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", Paths.shared.appendingPathComponent("bench/gen_list.py").path, "1000", "--out", list.path,
                              "--truth", folder.appendingPathComponent("truth.json").path]
        try generate.run()
        generate.waitUntilExit()
        let before = try String(contentsOf: list, encoding: .utf8)
        let result = try Fmadd.run(["dedupe", "--apply", "--include-likely", "--scope", "list", list.path])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try String(contentsOf: list, encoding: .utf8)
        #expect(after.count < before.count, "something was merged")
        #expect(Self.linkTargets(before).subtracting(Self.linkTargets(after)).isEmpty)
    }

    /// A usage error found once the lists are known is shown with the usage of dedupe, not
    /// the root command's.
    @Test func twoListsAreAUsageErrorOfDedupe() throws {
        let result = try Fmadd.run(["dedupe", fixture.path, fixture.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: dedupe reads one list\nUsage: fmadd dedupe"), "\(result.stderr)")
        #expect(!result.stderr.contains("<subcommand>"))
    }

    @Test func distinctPairsAreNotReportedAgain() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data(contentsOf: fixture).write(to: folder.appendingPathComponent("README.md"))
        try Data("""
            distinct:
              - ["Models Genesis.", "Models Genesis: Generic Autodidactic Models for 3D Medical Image Analysis."]

            """.utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        let result = try Fmadd.run(["dedupe", "README.md"], in: folder)
        #expect(!result.stdout.contains("33~49"), "\(result.stdout)")
        #expect(result.stdout.contains("28~45"))
    }
}

@Suite struct DedupeInteractiveTests {
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func mergeKeepAndRememberAtThePrompt() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data(contentsOf: Paths.fixtures.appendingPathComponent("healthcare-older.md")).write(to: folder.appendingPathComponent("README.md"))
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/dedupe_interactive.py").path
        let output = try Peers.run("python", [script, Fmadd.binary.path, folder.path])
        #expect(output.contains("interactive dedupe: ok"), "\(output)")
        let config = try String(contentsOf: folder.appendingPathComponent(".fmadd.yml"), encoding: .utf8)
        #expect(config.hasPrefix("distinct:\n  - [\"Models Genesis.\", "), "\(config)")
        // The remembered pair is not reported again; the merged one is gone; the kept one stays.
        let again = try Fmadd.run(["dedupe", "README.md"], in: folder)
        #expect(!again.stdout.contains("modelsgenesis") && !again.stdout.contains("arxiv 2304.06716"), "\(again.stdout)")
        #expect(again.stdout.contains("subtitle"), "\(again.stdout)")
    }

    /// Guards "remember" against titles that YAML must escape: a BEL and quotes in a title were
    /// spliced raw into .fmadd.yml, and every later command failed to read it.
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func rememberingATitleWithAControlCharacterKeepsTheConfigurationReadable() throws {
        let folder = try Fmadd.temporaryFolder()
        let title = "A \"quoted\" bell \u{7} model"
        try Data("""
            # List

            ## VFM methods

            **2024**

            - [arXiv] \(title). [[Paper]](https://arxiv.org/abs/2401.00001)
            - [arXiv] \(title) too. [[Paper]](https://arxiv.org/abs/2401.00001)

            """.utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("# kept comment\nlist: README.md\n".utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/dedupe_remember.py").path
        let output = try Peers.run("python", [script, Fmadd.binary.path, folder.path])
        #expect(output.contains("remembered: exit 1"), "\(output)")
        let config = try String(contentsOf: folder.appendingPathComponent(".fmadd.yml"), encoding: .utf8)
        #expect(config.hasPrefix("# kept comment\nlist: README.md\ndistinct:\n  - [\""), "\(config)")
        #expect(!config.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(config.debugDescription)")
        let check = try Fmadd.run(["check", "README.md"], in: folder)
        #expect(check.status != 2 && !check.stderr.contains(".fmadd.yml"), "\(check.stderr)")
        let again = try Fmadd.run(["dedupe", "README.md"], in: folder)
        #expect(again.status == 0 && again.stdout.contains("no duplicates"), "the pair is remembered: \(again.stdout)")
    }
}
