import Foundation
import FMGit
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The list written and committed, or refused with the list as it was.
@Suite struct PublisherTests {
    func change(_ repo: GitRepository) throws -> (old: [UInt8], new: [UInt8]) {
        let old = [UInt8](try repo.readmeBytes())
        return (old, old + Array("\nA line of fmadd's\n".utf8))
    }

    func publish(_ repo: GitRepository, _ settings: Publisher.Settings) throws -> Publisher.Outcome {
        let (old, new) = try change(repo)
        return Publisher(options: settings).publish(path: repo.readme.path, old: old, new: new, message: "Change the list",
                                                    branchTitle: "A new paper", additions: [])
    }

    @Test func commitsOnlyTheListAndLeavesOtherStagedChangesStaged() throws {
        let repo = try GitRepository(list: Lists.example)
        try Data("notes\n".utf8).write(to: repo.folder.appendingPathComponent("NOTES.md"))
        try repo.git("add", "NOTES.md")
        guard case .published(let publication) = try publish(repo, .commitOnly) else { Issue.record("not published"); return }
        let commit = try #require(publication.commit)
        #expect(commit.branch == "main" && !commit.createdBranch)
        #expect(try repo.git("log", "-1", "--format=%H") == commit.commit + "\n")
        #expect(try repo.git("show", "--format=", "--name-only", "HEAD") == "README.md\n")
        #expect(try repo.git("status", "--porcelain") == "A  NOTES.md\n")
        #expect(publication.pullRequest == nil && publication.compareURL == nil)
    }

    @Test func writesWithoutCommittingWhenNoCommitIsAsked() throws {
        let repo = try GitRepository(list: Lists.example)
        let (_, new) = try change(repo)
        guard case .published(let publication) = try publish(repo, .writeOnly) else { Issue.record("not published"); return }
        #expect(publication.commit == nil)
        #expect([UInt8](try repo.readmeBytes()) == new)
        #expect(try repo.git("status", "--porcelain") == " M README.md\n")
    }

    @Test func aBranchForThePullRequestIsPushedToTheRemote() throws {
        let repo = try GitRepository(list: Lists.example)
        let remote = try TemporaryFolder.make()
        try repo.git("init", "-q", "--bare", remote.path)
        try repo.git("remote", "add", "origin", remote.path)
        guard case .published(let publication) = try publish(repo, Publisher.Settings(commit: true, branch: true, push: true)) else {
            Issue.record("not published")
            return
        }
        #expect(publication.commit?.branch == "add/a-new-paper" && publication.commit?.createdBranch == true)
        #expect(publication.pullRequest != nil)
        #expect(publication.compareURL == nil, "a remote that is not GitHub has no compare page")
        #expect(try repo.git("--git-dir", remote.path, "branch", "--list") == "  add/a-new-paper\n")
    }

    /// A commit that would hold the user's unstaged edit is refused before anything is written.
    @Test func anUnstagedEditIsNeverCommittedAndNothingIsWritten() throws {
        let repo = try GitRepository(list: Lists.example)
        try repo.editReadme(appending: "\nMy private draft note\n")
        let before = try repo.readmeBytes()
        let head = try repo.head
        let (old, new) = ([UInt8](before), [UInt8](before) + Array("x\n".utf8))
        let publisher = Publisher(options: .commitOnly)
        let refusal = try #require(publisher.refusal(path: repo.readme.path, old: old, branchTitle: "x"))
        #expect("\(refusal)".contains("not staged"))
        guard case .refused(let refused) = publisher.publish(path: repo.readme.path, old: old, new: new, message: "m",
                                                              branchTitle: "x", additions: []) else {
            Issue.record("not refused")
            return
        }
        #expect(refused.list == .untouched)
        #expect(refused.description.hasSuffix("\nnothing was written"))
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.head == head)
    }

    @Test func aCommitRefusedByAHookPutsTheListBack() throws {
        let repo = try GitRepository(list: Lists.example)
        let before = try repo.readmeBytes()
        try repo.preCommitHook("echo 'no commits today' >&2\nexit 1")
        #expect(Publisher(options: .commitOnly).refusal(path: repo.readme.path, old: [UInt8](before), branchTitle: "x") == nil)
        guard case .refused(let refusal) = try publish(repo, .commitOnly) else { Issue.record("not refused"); return }
        #expect(refusal.list == .putBack)
        #expect(refusal.description.contains("no commits today") && refusal.description.hasSuffix("the list was put back as it was"))
        #expect(try repo.readmeBytes() == before)
    }

    @Test func aListChangedMeanwhileIsLeftAsItIsNow() throws {
        let repo = try GitRepository(list: Lists.example)
        try repo.preCommitHook("echo 'a line of my own' >> README.md\nexit 1")
        guard case .refused(let refusal) = try publish(repo, .commitOnly) else { Issue.record("not refused"); return }
        #expect(refusal.list == .changedMeanwhile)
        #expect(try repo.readmeText().hasSuffix("a line of my own\n"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
    }

    @Test func aListThatCannotBeWrittenIsAFailure() throws {
        let folder = try TemporaryFolder.make()
        let path = folder.appendingPathComponent("README.md").path
        try Data("# List\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o444)
        let outcome = Publisher(options: .writeOnly).publish(path: path, old: Array("# List\n".utf8), new: Array("# List!\n".utf8),
                                                             message: "m", branchTitle: "x", additions: [])
        guard case .failed(.list) = outcome else { Issue.record("not a failure to write: \(outcome)"); return }
    }
}
