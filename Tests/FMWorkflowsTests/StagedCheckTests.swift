import Foundation
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The pre-commit hook's check, in process: the staged lists, not the work tree's.
@Suite struct StagedCheckTests {
    /// The list with one more line after line `after`, in the work tree.
    func insert(_ line: String, after: Int, into file: URL) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines.insert(line, at: after)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    func check(_ repo: GitRepository, all: Bool = false, files: [String] = []) throws -> StagedCheck.Outcome {
        try StagedCheck(files: files, all: all, folder: repo.folder.path, environment: [:]).run()
    }

    @Test func reportsWhatTheCommitAddsNotTheWorkTree() throws {
        let repo = try GitRepository(list: Lists.example)
        try insert("- [arXiv] A new model. [[Paper]](https://arxiv.org/abs/2401.01234) [[Code]]()", after: 17, into: repo.readme)
        try repo.git("add", "README.md")
        try insert("- [arXiv] Unfinished. [[Paper]]()", after: 18, into: repo.readme)
        let outcome = try check(repo)
        #expect(outcome.unreadable.isEmpty)
        let report = try #require(outcome.reports.first)
        #expect(report.file == "README.md")
        #expect(report.findings.map(\.line) == [18], "\(report.findings)")
        #expect(report.findings.first?.message.contains("link [[Code]] has no target") == true)
        #expect(outcome.blocksCommit)
    }

    @Test func aListTheCommitLeavesAsItIsIsNotChecked() throws {
        let repo = try GitRepository(list: Lists.upstream)
        #expect(try check(repo).reports.isEmpty)
        let all = try check(repo, all: true)
        #expect(all.reports.count == 1 && all.blocksCommit, "the list's older errors are there")
    }

    @Test func onlyTheChangedLinesOfAListWithOlderErrorsAreChecked() throws {
        let repo = try GitRepository(list: Lists.upstream)
        try insert("- [arXiv] A careful new model. [[Paper]](https://arxiv.org/abs/2401.04321) [[Code]](https://github.com/a/careful)",
                   after: 83, into: repo.readme)
        try repo.git("add", "README.md")
        let outcome = try check(repo)
        #expect(outcome.reports.count == 1 && !outcome.blocksCommit, "\(outcome.reports.first?.findings ?? [])")
    }

    @Test func aListInASubFolderIsCheckedAsItsConfigurationNamesIt() throws {
        let repo = try GitRepository(list: Lists.example)
        let docs = repo.folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data(contentsOf: Lists.example).write(to: docs.appendingPathComponent("LIST.md"))
        try Data("list: LIST.md\n".utf8).write(to: docs.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", "docs")
        try repo.git("commit", "-q", "-m", "A list in docs")
        try insert("- [arXiv] Another model. [[Paper]]()", after: 17, into: docs.appendingPathComponent("LIST.md"))
        try insert("- [arXiv] A new model. [[Paper]]()", after: 17, into: repo.readme)
        try repo.git("add", "-A")
        let outcome = try check(repo)
        #expect(Set(outcome.reports.map(\.file)) == ["README.md", "docs/LIST.md"])
        #expect(try check(repo, files: ["docs/LIST.md"]).reports.map(\.file) == ["docs/LIST.md"])
    }

    @Test func aStagedConfigurationOrListThatCannotBeReadBlocksTheCommit() throws {
        let repo = try GitRepository(list: Lists.example)
        try Data("list: README.md\nno-such-key: 1\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", ".fmadd.yml")
        let configuration = try check(repo)
        #expect(configuration.unreadable.count == 1 && configuration.blocksCommit)
        #expect(configuration.unreadable.first.map { "\($0)".contains("no-such-key") } == true)

        try repo.git("rm", "-q", "-f", ".fmadd.yml")
        try Data(try repo.readmeBytes() + Data([0x2D, 0x20, 0xFF, 0x0A])).write(to: repo.readme)
        try repo.git("add", "README.md")
        let list = try check(repo)
        #expect(list.unreadable.count == 1 && list.reports.isEmpty && list.blocksCommit)
        #expect(list.unreadable.first.map { "\($0)".contains("is not valid UTF-8") } == true)
    }

    @Test func aFolderOutsideARepositoryIsAFailure() throws {
        let folder = try TemporaryFolder.make()
        #expect(throws: WorkflowFailure.self) { try StagedCheck(folder: folder.path, environment: [:]).run() }
    }
}
