import Foundation
import FMEditor
import FMGit
import FMList
import FMRules

/// Checks lists as they are in the work tree and reports only the findings on the lines changed
/// since a commit (`fmadd check --diff-base REF`): on a pull request, what the pull request
/// adds or changes, as the staged check does for a commit.
public struct DiffBaseCheck {
    public var lists: [ListFile]
    /// The commit the changes are counted from: a branch, `origin/main`, an id.
    public var base: String

    public init(lists: [ListFile], base: String) {
        self.lists = lists
        self.base = base
    }

    /// What the check found: a report for each list, its file named relative to the
    /// repository's top, and for each list a configured category whose heading it lacks or names
    /// otherwise (warnings, as `check` says them).
    public struct Outcome: Sendable {
        public var reports: [Report]
        public var headingWarnings: [String]
    }

    public func run() throws(WorkflowFailure) -> Outcome {
        var reports: [Report] = []
        var headingWarnings: [String] = []
        for list in lists {
            let folder = URL(fileURLWithPath: ListFiles.absolute(list.path, in: FileManager.default.currentDirectoryPath))
                .deletingLastPathComponent().path
            let repository = try tryGit { () throws(GitError) in try Repository(discoveringFrom: folder) }
            let path = try tryGit { () throws(GitError) in try repository.relativePath(ofFile: list.path) }
            // A list the base does not have is new: every line of it is changed.
            let baseBytes = try tryGit { () throws(GitError) in try repository.content(of: path, at: base) } ?? []
            let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
            let view = ListView(document: document, configuration: list.configuration)
            headingWarnings += ListCheck.headingWarnings(view, name: path, configuration: list.configuration)
            if document.bytes == baseBytes {
                reports.append(Report(file: path, findings: []))
                continue
            }
            let changed = ChangedLines.of(old: baseBytes, new: document.bytes)
            let findings = Linter().findings(in: view)
            reports.append(Report(file: path, findings: findings.filter { changed.contains($0.line) }))
        }
        return Outcome(reports: reports, headingWarnings: headingWarnings)
    }
}
