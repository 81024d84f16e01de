import Foundation
import FMEditor
import FMGit
import FMList

/// Writes the issue form that proposes a paper (`.github/ISSUE_TEMPLATE/add-paper.yml` at the
/// top of the list's repository) from the entry schema and the list's categories, or says
/// whether the one there is the same.
public struct IssueFormWorkflow {
    public var list: ListFile
    /// Write nothing; say whether the form in the repository is the one fmadd would write.
    public var check: Bool
    /// Write nothing; give the form's text, with or without a repository around the list.
    public var printing: Bool

    public init(list: ListFile, check: Bool, printing: Bool = false) {
        self.list = list
        self.check = check
        self.printing = printing
    }

    public enum Outcome: Sendable, Equatable {
        /// The form was written (or, checking, would be) at `path`.
        case written(path: String)
        /// The form at `path` is the one fmadd writes.
        case current(path: String)
        /// Checking: the form at `path` is missing or differs from the one fmadd writes.
        case stale(path: String)
        /// Printing: the form's text.
        case printed(String)
    }

    public func run() throws(WorkflowFailure) -> Outcome {
        // Categories left to the list are those of its headings.
        let configuration = (try? Document(contentsOf: list.path)).map { list.configuration.resolvingCategories(in: $0) } ?? list.configuration
        let form: IssueForm
        do { form = IssueForm(configuration: configuration, registry: try EntrySchemas.registry(for: configuration)) } catch {
            throw .schema(error)
        }
        if printing { return .printed(form.yaml) }
        let folder = URL(fileURLWithPath: ListFiles.absolute(list.path, in: FileManager.default.currentDirectoryPath)).deletingLastPathComponent().path
        let repository = try tryGit { () throws(GitError) in try Repository(discoveringFrom: folder) }
        guard let top = repository.workTree else { throw .noWorkTree(needed: "issue-form") }
        let path = top + "/" + IssueForm.path
        let bytes = Array(form.yaml.utf8)
        let existing = FileManager.default.contents(atPath: path).map(Array.init)
        if existing == bytes { return .current(path: IssueForm.path) }
        if check { return .stale(path: IssueForm.path) }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw .list(.unreadable(path: path, reason: (error as NSError).localizedDescription))
        }
        try tryList { () throws(ListError) in try AtomicFile.write(bytes, to: path) }
        return .written(path: IssueForm.path)
    }
}
