import FMEditor
import FMList

/// What `fmadd export` gives of a list: every paper entry and dataset row, in the list's order,
/// with its section, year group and place, in the shape that `fmadd add --from` reads.
public enum ListExport {
    /// The entries of `list`. `phase` is told when each phase (parse, view, entries) ends, for a
    /// run that is timed.
    public static func entries(of list: ListFile, phase: (String) -> Void = { _ in }) throws(WorkflowFailure) -> [ListedEntry] {
        let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
        phase("parse")
        let view = ListView(document: document, configuration: list.configuration)
        phase("view")
        let entries = ListedEntry.all(in: view)
        phase("entries")
        return entries
    }
}
