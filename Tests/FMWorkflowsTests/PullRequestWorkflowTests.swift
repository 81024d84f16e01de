import Foundation
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The pull request of a branch, and the hook, in process.
@Suite struct PullRequestWorkflowTests {
    @Test func aBranchWithoutAChangeToTheListHasNothingToPropose() throws {
        let repo = try GitRepository(list: Lists.example)
        guard case .nothingToPropose(let list, let base) = try PullRequestWorkflow(base: "main", folder: repo.folder.path).run() else {
            Issue.record("a pull request")
            return
        }
        #expect(list == "README.md" && base == "main")
    }

    @Test func describesTheBranchsAdditionsWritesTheBodyAndLinksTheComparePage() throws {
        let repo = try GitRepository(list: Lists.upstream)
        try repo.git("remote", "add", "origin", "git@github.com:YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare.git")
        let fields = DraftFields(category: "vfm", title: "A sharper vision model", paper: "https://arxiv.org/abs/2402.04321", venue: "CVPR")
        let added = try AddWorkflow(list: try repo.list(), publishing: Publisher.Settings(commit: true, branch: true)).run(.fields(fields))
        guard case .published(_, .published) = added else { Issue.record("not added"); return }
        let body = repo.folder.appendingPathComponent("body.md")
        let workflow = PullRequestWorkflow(base: "main", bodyFile: body.path, folder: repo.folder.path)
        guard case .ready(let request, let url) = try workflow.run() else { Issue.record("nothing to propose"); return }
        #expect(request.title.contains("A sharper vision model") && request.body.contains("VFM methods"))
        #expect(url == "https://github.com/YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare/compare/main...add/a-sharper-vision-model?expand=1")
        #expect(try String(contentsOf: body, encoding: .utf8) == request.body)
    }

    @Test func aDetachedHeadIsAFailure() throws {
        let repo = try GitRepository(list: Lists.example)
        try Data((try repo.readmeText() + "- [arXiv] A. [[Paper]](https://a.org/1)\n").utf8).write(to: repo.readme)
        try repo.git("commit", "-q", "-am", "An entry")
        try repo.git("checkout", "-q", "--detach")
        do {
            _ = try PullRequestWorkflow(base: "HEAD~1", folder: repo.folder.path).run()
            Issue.record("not refused")
        } catch {
            guard case .detachedHead = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func theHookIsInstalledAndRemoved() throws {
        let repo = try GitRepository(list: Lists.example)
        let hook = try HookWorkflow(folder: repo.folder.path)
        #expect(hook.installer.hookPath == repo.folder.appendingPathComponent(".git/hooks/pre-commit").path)
        #expect(try hook.install(force: false) == .installed)
        #expect(try hook.install(force: false) == .updated)
        #expect(try hook.uninstall() == .removed)
        #expect(try hook.uninstall() == .notInstalled)
    }
}
