import Foundation
import FMGit
import FMList
import FMWorkflows

/// What `fmadd add` says it inserted, and where.
enum AddReport {
    /// One paragraph an entry: one write for all, so ten thousand entries print as fast as one.
    static func text(_ placed: PlacedEntries) -> String {
        var report = ""
        for entry in placed.entries {
            let insertion = entry.insertion
            let place = insertion.section + (insertion.year.map { ", \($0)" } ?? "")
            report += "Added to \(placed.path):\(insertion.line) (\(place)\(insertion.createsYearGroup ? ", a new year group" : "")):\n"
            report += "  " + insertion.text.trimmingWhitespace() + "\n"
        }
        return report
    }

    static func json(_ placed: PlacedEntries, commit: CommitResult?) -> String {
        var items: [[String: Any]] = []
        for entry in placed.entries {
            let insertion = entry.insertion
            var item: [String: Any] = ["file": placed.path, "line": insertion.line, "text": insertion.text,
                                       "section": insertion.section, "newYearGroup": insertion.createsYearGroup]
            if let year = insertion.year { item["year"] = year }
            if let before = insertion.before { item["before"] = before }
            if let after = insertion.after { item["after"] = after }
            items.append(item)
        }
        var object: [String: Any] = ["added": items]
        if let commit { object["commit"] = ["id": commit.commit, "branch": commit.branch, "createdBranch": commit.createdBranch] }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
