import Foundation
import FMTestSupport
import Testing

/// The list a repository configures is named relative to the repository's top in every report,
/// so annotations land on the pull request's files and a diff applies with `git apply`.
@Suite struct RepositoryPathTests {
    let upstream = Paths.healthcareList

    /// A repository holding the upstream list (which has fixable problems) and a `.fmadd.yml`,
    /// with a sub-folder to run fmadd from.
    func configuredRepository() throws -> GitRepository {
        let repo = try GitRepository(list: upstream)
        try Data("list: README.md\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        try FileManager.default.createDirectory(at: repo.folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try repo.git("add", ".fmadd.yml")
        try repo.git("commit", "-q", "-m", "Configure fmadd")
        return repo
    }

    @Test(arguments: ["", "docs"])
    func everyFormatNamesTheListRelativeToTheTop(_ folder: String) throws {
        let repo = try configuredRepository()
        let from = folder.isEmpty ? repo.folder : repo.folder.appendingPathComponent(folder)
        let github = try Fmadd.run(["check", "--format", "github"], in: from)
        let annotations = github.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!annotations.isEmpty)
        #expect(annotations.allSatisfy { $0.contains(" file=README.md,") }, "\(github.stdout.prefix(500))")

        let sarif = try Fmadd.run(["check", "--format", "sarif"], in: from)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let uris = Set(results.compactMap { result in
            (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        })
        #expect(uris == ["README.md"])

        for command in [["check", "--format", "junit"], ["check", "--format", "text"], ["check", "--format", "json"], ["dedupe"], ["export"]] {
            let output = try Fmadd.run(command, in: from).stdout
            #expect(output.contains("README.md"))
            #expect(!output.contains(repo.folder.path), "\(command) names the absolute path")
            #expect(!output.contains(repo.folder.resolvingSymlinksInPath().path), "\(command) names the absolute path")
        }
    }

    @Test func aFixDiffAppliesWithGitApply() throws {
        let repo = try configuredRepository()
        let diff = try Fmadd.run(["fix", "--diff"], in: repo.folder)
        #expect(diff.stdout.hasPrefix("--- a/README.md\n+++ b/README.md\n"), "\(diff.stdout.prefix(200))")
        let patch = repo.folder.appendingPathComponent("fixes.patch")
        try Data(diff.stdout.utf8).write(to: patch)
        let applied = try Command.run(URL(fileURLWithPath: "/usr/bin/git"), ["apply", "fixes.patch"], in: repo.folder)
        #expect(applied.status == 0, "\(applied.output)")

        // The same as `fmadd fix` writes.
        let fixed = try GitRepository(list: upstream)
        try Data("list: README.md\n".utf8).write(to: fixed.folder.appendingPathComponent(".fmadd.yml"))
        #expect(try Fmadd.run(["fix"], in: fixed.folder).status == 0)
        #expect(try repo.readmeBytes() == fixed.readmeBytes())
    }
}
