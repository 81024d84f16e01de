import Foundation
import FMTestSupport
import Testing

/// The pre-commit hook with the real `git commit`.
@Suite struct HookTests {
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
    let upstream = Paths.healthcareList

    /// Runs git in the repository with fmadd on PATH (or not).
    func commit(_ repo: GitRepository, withFmadd: Bool = true, message: String = "Change the list") throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        let folder = Fmadd.binary.deletingLastPathComponent().path
        environment["PATH"] = (withFmadd ? folder + ":" : "") + "/usr/local/bin:/usr/bin:/bin"
        environment["NO_COLOR"] = "1"
        return try Command.run(URL(fileURLWithPath: "/usr/bin/git"), ["commit", "-q", "-m", message], in: repo.folder, environment: environment)
    }

    func install(_ repo: GitRepository, _ extra: [String] = []) throws -> Fmadd.Result {
        try Fmadd.run(["hook", "install"] + extra, in: repo.folder)
    }

    /// The list with one more line after line `after`.
    func insert(_ line: String, after: Int, into repo: GitRepository) throws {
        var lines = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
        lines.insert(line, at: after)
        try Data(lines.joined(separator: "\n").utf8).write(to: repo.readme)
    }

    @Test func blocksAStagedErrorAndSaysWhatToDo() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        try insert("- [arXiv] A new model. [[Paper]](https://arxiv.org/abs/2401.01234) [[Code]]()", after: 17, into: repo)
        try repo.git("add", "README.md")
        let result = try commit(repo)
        #expect(result.status != 0)
        #expect(result.output.contains("README.md:18:"))
        #expect(result.output.contains("link [[Code]] has no target"))
        #expect(result.output.contains("git commit --no-verify"))
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    @Test func checksTheStagedVersionNotTheWorkTree() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        try insert("- [arXiv] A new model. [[Paper]](https://arxiv.org/abs/2401.01234)", after: 17, into: repo)
        try repo.git("add", "README.md")
        // An error in the work tree only: not part of this commit.
        try insert("- [arXiv] Unfinished. [[Paper]]()", after: 18, into: repo)
        let result = try commit(repo)
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.git("log", "-1", "--format=%s") == "Change the list\n")
        #expect(try repo.git("status", "--porcelain") == " M README.md\n")
    }

    @Test func passesAGoodEntryInAListWithOlderErrors() throws {
        let repo = try GitRepository(list: upstream)
        #expect(try install(repo).status == 0)
        try insert("- [arXiv] A careful new model. [[Paper]](https://arxiv.org/abs/2401.04321) [[Code]](https://github.com/a/careful)", after: 83, into: repo)
        try repo.git("add", "README.md")
        let result = try commit(repo)
        #expect(result.status == 0, "\(result.output)")
        #expect(try Fmadd.run(["check", "--staged", "--all"], in: repo.folder).status == 1, "the list's older errors are still there")
    }

    @Test func withoutFmaddOnThePathTheCommitGoesOnAndSaysHowToInstall() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        try insert("- [arXiv] Bad. [[Paper]]()", after: 17, into: repo)
        try repo.git("add", "README.md")
        let result = try commit(repo, withFmadd: false)
        #expect(result.status == 0)
        #expect(result.output.contains("fmadd: not found on PATH"))
    }

    @Test func chainsAnExistingHookAndUninstallPutsItBack() throws {
        let repo = try GitRepository(list: example)
        let hooks = repo.folder.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let own = "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/own-hook-ran\"\n"
        try Data(own.utf8).write(to: hooks.appendingPathComponent("pre-commit"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks.appendingPathComponent("pre-commit").path)
        let refused = try install(repo)
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8) == own)
        #expect(try install(repo, ["--force"]).status == 0)
        try insert("- [arXiv] Bad. [[Paper]]()", after: 17, into: repo)
        try repo.git("add", "README.md")
        let blocked = try commit(repo)
        #expect(blocked.status != 0)
        #expect(FileManager.default.fileExists(atPath: repo.folder.appendingPathComponent(".git/own-hook-ran").path))
        let removed = try Fmadd.run(["hook", "uninstall"], in: repo.folder)
        #expect(removed.status == 0 && removed.stdout.contains("put back"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-commit"), encoding: .utf8) == own)
    }

    /// A list in a sub-folder, named by the `.fmadd.yml` beside it, is checked as the one at
    /// the top is, and the findings of both are reported together.
    @Test func checksAListInASubFolderNamedByItsConfiguration() throws {
        let repo = try GitRepository(list: example)
        let docs = repo.folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data(contentsOf: example).write(to: docs.appendingPathComponent("README.md"))
        try Data("list: README.md\n".utf8).write(to: docs.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", "docs")
        try repo.git("commit", "-q", "-m", "A list in docs")
        #expect(try install(repo).status == 0)
        let headBefore = try repo.git("rev-parse", "HEAD")

        var lines = String(decoding: try Data(contentsOf: docs.appendingPathComponent("README.md")), as: UTF8.self).components(separatedBy: "\n")
        lines.insert("- [arXiv] A new model. [[Paper]](https://arxiv.org/abs/2401.01234) [[Code]]()", at: 17)
        try Data(lines.joined(separator: "\n").utf8).write(to: docs.appendingPathComponent("README.md"))
        try repo.git("add", "docs/README.md")
        let blocked = try commit(repo)

        #expect(blocked.status != 0, "\(blocked.output)")
        #expect(blocked.output.contains("docs/README.md:18:"), "\(blocked.output)")
        #expect(blocked.output.contains("link [[Code]] has no target"))
        #expect(try repo.git("rev-parse", "HEAD") == headBefore)

        // With the top's list changed too, both are checked and reported in one go.
        try insert("- [arXiv] Another model. [[Paper]]()", after: 17, into: repo)
        try repo.git("add", "README.md")
        let both = try Fmadd.run(["check", "--staged"], in: repo.folder)
        #expect(both.status == 1)
        let reported = both.stdout.split(separator: "\n")
        #expect(reported.contains { $0.hasPrefix("docs/README.md:18:") }, "\(both.stdout)")
        #expect(reported.contains { $0.hasPrefix("README.md:18:") }, "\(both.stdout)")
        #expect(try repo.git("rev-parse", "HEAD") == headBefore)
    }

    /// A staged list that is not UTF-8 cannot be checked, and is not let through: the commit
    /// stops and the message names the byte offset.
    @Test func blocksAStagedListThatIsNotUTF8() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        var bytes = [UInt8](try repo.readmeBytes())
        let offset = bytes.count + "- caf".utf8.count
        bytes += Array("- caf".utf8) + [0xFF] + Array("\n".utf8)
        try Data(bytes).write(to: repo.readme)
        try repo.git("add", "README.md")

        let result = try commit(repo)

        #expect(result.status != 0, "\(result.output)")
        #expect(result.output.contains("README.md is not valid UTF-8 at byte offset \(offset)"), "\(result.output)")
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    /// When fmadd itself fails (not the list), the commit is not held up, as when it is missing.
    @Test func aBrokenFmaddLetsTheCommitGoOnAndSaysSo() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        let bin = try Fmadd.temporaryFolder()
        try Data("#!/bin/sh\nexit 2\n".utf8).write(to: bin.appendingPathComponent("fmadd"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("fmadd").path)
        try insert("- [arXiv] Bad. [[Paper]]()", after: 17, into: repo)
        try repo.git("add", "README.md")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/local/bin:/usr/bin:/bin"
        let result = try Command.run(URL(fileURLWithPath: "/usr/bin/git"), ["commit", "-q", "-m", "Change"], in: repo.folder, environment: environment)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("fmadd exited with 2"))
    }

    /// A staged configuration that cannot be read stops the commit as an unreadable list does.
    @Test func blocksAStagedConfigurationThatCannotBeRead() throws {
        let repo = try GitRepository(list: example)
        #expect(try install(repo).status == 0)
        try Data("list: README.md\nno-such-key: 1\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        try repo.git("add", ".fmadd.yml")
        let result = try commit(repo)
        #expect(result.status != 0, "\(result.output)")
        #expect(result.output.contains(".fmadd.yml"), "\(result.output)")
        #expect(result.output.contains("no-such-key"), "\(result.output)")
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }
}
