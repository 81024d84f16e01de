import FMList

/// Counts what lists hold (`fmadd stats`): entries by category and year, code links,
/// preprints and venues. Several lists are counted together.
public enum ListStats {
    public static func statistics(of lists: [ListFile]) throws(WorkflowFailure) -> ListStatistics {
        var all: [ListStatistics] = []
        for list in lists {
            let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
            all.append(ListStatistics(view: ListView(document: document, configuration: list.configuration)))
        }
        return ListStatistics.combining(all)
    }
}
