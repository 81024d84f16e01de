import ArgumentParser
import Foundation
import FMEditor
import FMGit
import FMList
import FMRules

extension Fmadd {
    struct PR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pr",
            abstract: "Write the pull request for the commits on this branch that change the list, and push it.",
            discussion: "Prints the pull request's title and body (what was added, where, the check result, a checklist) and, for a GitHub remote, the link that opens it.")

        @Option(help: ArgumentHelp("The branch the pull request goes into (default: the remote's default branch, or main).", valueName: "branch"))
        var base: String?

        @Flag(help: "Push the current branch to --remote first.")
        var push = false

        @Option(help: ArgumentHelp("The remote to push to.", valueName: "remote"))
        var remote = "origin"

        @Option(name: .customLong("body-file"), help: ArgumentHelp("Also write the body to this file (for `gh pr create --body-file`).", valueName: "file"))
        var bodyFile: String?

        @Option(help: ArgumentHelp("A configuration file to use instead of the .fmadd.yml found in the repository.", valueName: "file"))
        var config: String?

        func run() throws {
            let repository = try reportingFailures { try Repository(discoveringFrom: FileManager.default.currentDirectoryPath) }
            guard let workTree = repository.workTree else { throw Exit.failure }
            let configuration = try reportingFailures { try config.map { try Configuration.load(path: $0) } ?? Configuration.discover(from: workTree) }
            let path = configuration.listFile
            let baseName: String
            let baseRevision: String
            if let base {
                baseName = base
                baseRevision = base
            } else if let found = try reportingFailures({ try repository.defaultBase(remote: remote) }) {
                baseName = found.name
                baseRevision = found.revision
            } else {
                baseName = "main"
                baseRevision = "main"
            }
            let commits = try reportingFailures { try repository.commitsTouching(path: path, since: baseRevision) }
            guard !commits.isEmpty else {
                printError("fmadd: no commit on this branch changes \(path) since \(baseName); add an entry first (`fmadd --category …`)")
                throw Exit.findings
            }
            let old = try reportingFailures { try repository.content(of: path, at: baseRevision) } ?? []
            let new = try reportingFailures { try repository.headContent(of: path) } ?? []
            let document = try reportingFailures { try Document(bytes: new, path: path) }
            let view = ListView(document: document, configuration: configuration)
            let changed = ChangedLines.of(old: old, new: new)
            let additions = view.entries.filter { changed.contains($0.line) && $0.shape == .entry }.map { entry in
                PullRequest.Addition(title: entry.title ?? "", entry: document.lineText(entry.line).trimmingWhitespace(), file: path,
                                     section: entry.section.map { view.sections[$0].text } ?? "",
                                     year: entry.yearGroup.map { view.yearGroups[$0].year }, line: entry.line)
            }
            let findings = Linter().findings(in: view).filter { changed.contains($0.line) && $0.severity == .error }
            let check = PullRequest.CheckResult(passed: findings.isEmpty, summary: findings.isEmpty ? "no errors on the changed lines" : "\(findings.count) errors on the changed lines")
            let request = PullRequest(additions: additions, check: check)
            let head = try reportingFailures { try repository.head() }
            guard let branch = head.branchName else {
                printError("fmadd: error: HEAD is detached; check out the branch of the pull request")
                throw Exit.failure
            }
            if push { try reportingFailures { try repository.push(branch: branch, remote: remote) } }
            if let bodyFile { try reportingFailures { try AtomicFile.write(Array(request.body.utf8), to: bodyFile) } }
            print(request.title)
            print("")
            print(request.body, terminator: "")
            if let url = try? repository.configValue("remote.\(remote).url"), let link = PullRequest.compareURL(remoteURL: url, base: baseName, branch: branch) {
                print("\nOpen the pull request: \(link)")
            }
        }
    }
}
