import FMList
import Testing

@testable import FMWorkflows

@Suite struct PullRequestTests {
    @Test(arguments: [
        "https://github.com/owner/list",
        "https://github.com/owner/list.git",
        "https://github.com/owner/list/",
        "http://github.com/owner/list.git",
        "https://user:token@github.com/owner/list.git",
        "https://ghp_0123456789abcdef0123456789abcdef0123@github.com/owner/list.git",
        "https://GitHub.com/owner/list.git",
        "ssh://git@github.com/owner/list.git",
        "ssh://git@github.com:22/owner/list.git",
        "git@github.com:owner/list.git",
        "git@github.com:owner/list",
        "github.com:owner/list.git",
        "git://github.com/owner/list.git",
        "  https://www.github.com/owner/list.git\n",
    ])
    func comparesOnGitHubForEveryFormOfTheRemote(remote: String) {
        #expect(
            PullRequest.compareURL(remoteURL: remote, base: "main", branch: "add/a-paper")
                == "https://github.com/owner/list/compare/main...add/a-paper?expand=1")
    }

    @Test(arguments: [
        "https://gitlab.com/owner/list.git",
        "git@gitlab.com:owner/list.git",
        "https://github.com/owner",
        "https://github.com/owner/list/tree/main",
        "https://github.company.com/owner/list.git",
        "/srv/git/list.git",
        "file:///srv/git/list.git",
        "../list.git",
        "",
    ])
    func hasNoCompareURLForOtherRemotes(remote: String) {
        #expect(PullRequest.compareURL(remoteURL: remote, base: "main", branch: "add/x") == nil)
    }

    @Test func escapesWhatABranchNameMayHoldButAURLMayNot() {
        #expect(
            PullRequest.compareURL(remoteURL: "git@github.com:o/r.git", base: "main", branch: "add/c#-and-100%")
                == "https://github.com/o/r/compare/main...add/c%23-and-100%25?expand=1")
    }

    @Test func describesTheAdditionTheCheckAndTheChecklist() {
        let addition = PullRequest.Addition(
            title: "A Foundation Model for Everything",
            entry: "- [Nature] A Foundation Model for Everything. [[Paper]](https://example.org/p)",
            file: "README.md", section: "MFM methods", year: 2024, line: 212)
        let request = PullRequest(additions: [addition], check: .init(passed: true, summary: "no errors, no warnings"))

        #expect(request.title == "Add \"A Foundation Model for Everything\" to MFM methods (2024)")
        #expect(request.body.contains("**A Foundation Model for Everything** in *MFM methods*, 2024, `README.md` line 212"))
        #expect(request.body.contains("  - [Nature] A Foundation Model for Everything. [[Paper]](https://example.org/p)\n"))
        #expect(request.body.contains("`fmadd check`: passed (no errors, no warnings)."))
        #expect(request.body.contains("- [x] Entry format follows CONTRIBUTING.md\n"))
        #expect(request.body.contains("- [ ] Paper link opens\n"))
        #expect(request.body.contains("- [x] Not already in the list\n"))
        #expect(request.body.contains("- [x] `fmadd check` passes\n"))
    }

    /// A card (or any entry of several lines) stays whole inside the item's fence: GitHub shows
    /// its every line as code, not the first as code and the rest as text.
    @Test func anEntryOfSeveralLinesStaysInsideItsFence() throws {
        let entry = "**A Foundation Model for Everything**<br>\n*A. Author*<br>\n[2nd Aug., 2023] [arXiv, 2023]<br>\n[[Paper](https://example.org/p)]<br>"
        let addition = PullRequest.Addition(title: "A Foundation Model for Everything", entry: entry, file: "README.md",
                                            section: "Contrastive", year: nil, line: 70)
        let body = PullRequest(additions: [addition], check: .init(passed: true, summary: "no new findings")).body
        let document = try Document(bytes: Array(body.utf8))
        let fences = document.blocks.filter { if case .codeBlock = $0.kind { return true } else { return false } }
        #expect(fences.count == 1)
        #expect(fences.first?.lines.count == 4 + 2)
    }

    @Test func leavesTheBoxesOpenWhenTheCheckFails() {
        let additions = [
            PullRequest.Addition(title: "One", entry: "- One", file: "README.md", section: "LFM methods", year: nil, line: 3),
            PullRequest.Addition(title: "Two", entry: "- Two", file: "README.md", section: "LFM methods", year: 2023, line: 9),
        ]
        let request = PullRequest(additions: additions, check: .init(passed: false, summary: "1 error"))
        #expect(request.title == "Add 2 papers to LFM methods")
        #expect(request.body.hasPrefix("Adds 2 papers to `README.md`:"))
        #expect(request.body.contains("**One** in *LFM methods*, `README.md` line 3"))
        #expect(request.body.contains("`fmadd check`: failed (1 error)."))
        #expect(request.body.contains("- [ ] `fmadd check` passes\n"))
        #expect(!request.body.contains("[x]"))
    }
}
