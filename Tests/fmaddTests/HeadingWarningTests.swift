import Foundation
import FMTestSupport
import Testing

/// A configured category whose heading the list does not have turns off every entry rule of
/// that category; the pre-commit hook (`check --staged`) and a pull request's check
/// (`--diff-base`) say so as `check` does, when the commit or the branch brings it about.
@Suite struct HeadingWarningTests {
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
    static let matching = "categories:\n  lfm: { heading: LFM methods }\n  vfm: { heading: VFM methods }\n"
    static let typo = "categories:\n  lfm: { heading: Large language models }\n  vfm: { heading: VFM methods }\n"
    static let warning = "category 'lfm' of"

    func repository(config: String) throws -> GitRepository {
        let repo = try GitRepository(list: example)
        try Data(config.utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", ".fmadd.yml")
        try repo.git("commit", "-q", "-m", "Configure the list")
        return repo
    }

    func renameHeading(in repo: GitRepository) throws {
        let text = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "## LFM methods\n", with: "## Language model methods\n").utf8).write(to: repo.readme)
    }

    @Test func aStagedConfigurationThatMissesAHeadingIsSaid() throws {
        let repo = try repository(config: Self.matching)
        let before = try Fmadd.run(["check", "--staged"], in: repo.folder)
        #expect(!before.stderr.contains(Self.warning), "\(before.stderr)")
        try Data(Self.typo.utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", ".fmadd.yml")
        let result = try Fmadd.run(["check", "--staged"], in: repo.folder)
        #expect(result.status == 0, "a warning does not stop the commit: \(result.stderr)")
        #expect(result.stderr.contains(Self.warning) && result.stderr.contains("\"Large language models\", which the list does not have"),
                "\(result.stderr)")
    }

    @Test func aStagedListThatRenamesAHeadingIsSaid() throws {
        let repo = try repository(config: Self.matching)
        try renameHeading(in: repo)
        try repo.git("add", "README.md")
        let result = try Fmadd.run(["check", "--staged"], in: repo.folder)
        #expect(result.stderr.contains(Self.warning) && result.stderr.contains("\"LFM methods\", which the list does not have"),
                "\(result.stderr)")
    }

    @Test func aBranchThatRenamesAHeadingIsSaid() throws {
        let repo = try repository(config: Self.matching)
        try repo.git("checkout", "-q", "-b", "contribution")
        try renameHeading(in: repo)
        try repo.git("commit", "-q", "-am", "Rename a heading")
        let result = try Fmadd.run(["check", "--diff-base", "main"], in: repo.folder)
        #expect(result.stderr.contains(Self.warning) && result.stderr.contains("\"LFM methods\", which the list does not have"),
                "\(result.stderr)")
    }
}
