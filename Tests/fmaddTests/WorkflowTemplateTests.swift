import Foundation
import FMList
import FMSchema
import FMTestSupport
import Testing

/// The GitHub Actions workflow templates of `Hooks/`: valid for GitHub's workflow schema, clean
/// for zizmor's security audits (offline), and holding what they promise.
@Suite struct WorkflowTemplateTests {
    static let templates = ["github-workflow.yml", "add-from-issue.yml"]

    static func url(_ name: String) -> URL { Paths.repository.appendingPathComponent("Hooks").appendingPathComponent(name) }

    static func tool(_ name: String) throws -> URL {
        let url = Peers.bin.appendingPathComponent(name)
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "\(name) is not in .build/peers-venv")
        return url
    }

    @Test(arguments: templates)
    func fitsGitHubsWorkflowSchema(_ name: String) throws {
        let result = try Command.run(try Self.tool("check-jsonschema"), ["--builtin-schema", "vendor.github-workflows", Self.url(name).path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(arguments: templates)
    func passesZizmorsAudits(_ name: String) throws {
        let folder = try TemporaryFolder.make()
        let result = try Command.run(try Self.tool("zizmor"), ["--offline", "--no-progress", Self.url(name).path], in: folder)
        #expect(result.status == 0, "\(result.output)")
    }

    /// A step whose script takes text from the event (`${{ github.event.issue.title }}`) can be
    /// made to run the text: the templates pass it through environment variables only.
    @Test(arguments: templates)
    func noScriptHoldsAnExpression(_ name: String) throws {
        let workflow = try JSONValue(yaml: String(contentsOf: Self.url(name), encoding: .utf8))
        for (job, value) in workflow["jobs"]?.objectValue ?? [:] {
            for step in value["steps"]?.arrayValue ?? [] {
                let script = step["run"]?.stringValue ?? ""
                #expect(!script.contains("${{"), "\(name): a step of \(job) runs an expression: \(script)")
            }
        }
    }

    @Test func addFromIssueRunsOnIssuesWithTheLeastPermissions() throws {
        let text = try String(contentsOf: Self.url("add-from-issue.yml"), encoding: .utf8)
        let workflow = try JSONValue(yaml: text)
        // YAML 1.1 reads the key `on` as true.
        let triggers = try #require((workflow["on"] ?? workflow["true"])?.objectValue)
        #expect(Set(triggers.keys) == ["issues", "issue_comment"])
        #expect(workflow["permissions"]?.objectValue?.isEmpty == true, "no permission by default")
        let jobs = try #require(workflow["jobs"]?.objectValue)
        let allowed: [String: [String: String]] = [
            "check": ["contents": "read"], "reply": ["issues": "write"],
            "add": ["contents": "write"], "pull-request": ["pull-requests": "write", "issues": "write"],
        ]
        #expect(Set(jobs.keys) == Set(allowed.keys))
        for (name, job) in jobs {
            let permissions = (job["permissions"]?.objectValue ?? [:]).map { ($0.key, $0.value.stringValue ?? "") }
            #expect(Dictionary(uniqueKeysWithValues: permissions) == allowed[name], "\(name)")
        }
        // Only a maintainer's /approve adds the entry, and not on a pull request's comments.
        let condition = try #require(jobs["add"]?["if"]?.stringValue)
        for association in ["OWNER", "MEMBER", "COLLABORATOR"] { #expect(condition.contains("\"\(association)\"")) }
        #expect(!condition.contains("CONTRIBUTOR") && condition.contains("'/approve'") && condition.contains("!github.event.issue.pull_request"))
        // The jobs that run fmadd on the issue's text hold no token that writes issues or pull requests.
        for name in ["check", "add"] {
            let steps = jobs[name]?["steps"]?.arrayValue ?? []
            #expect(steps.contains { $0["run"]?.stringValue?.contains("fmadd add --from-issue") == true })
        }
        #expect(text.contains("--dry-run --format markdown"))
        #expect(text.contains("Resolves #"))
        #expect(text.contains("--branch --push"), "the branch is add/<title>")
        #expect(text.contains("gh api --method PATCH"), "the reply is updated in place")
    }

    @Test func theCheckWorkflowChecksOnlyWhatAPullRequestChanges() throws {
        let text = try String(contentsOf: Self.url("github-workflow.yml"), encoding: .utf8)
        #expect(text.contains("fmadd check --diff-base \"origin/$BASE\" --format github"))
        #expect(try JSONValue(yaml: text)["permissions"]?["contents"]?.stringValue == "read")
    }
}
