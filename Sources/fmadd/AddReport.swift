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
            report += insertion.text.trimmingWhitespace().split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 + "\n" }.joined()
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

extension AddReport {
    /// A reply for the issue that proposed the entry (`add --from-issue … --dry-run --format
    /// markdown`): the exact line and where it goes, or each thing to change. What the issue's
    /// author wrote is shown only inside code, where GitHub renders no mention, link or HTML.
    static func markdown(_ outcome: AddOutcome, file: String) -> String {
        switch outcome {
        case .dryRun(let placed, _, _):
            var reply = ""
            for entry in placed.entries {
                let insertion = entry.insertion
                let place = "**\(insertion.section)**" + (insertion.year.map { ", \($0)" } ?? "")
                    + (insertion.createsYearGroup ? " (a new year group)" : "")
                reply += "**fmadd can add this paper**: line \(insertion.line) of \(codeSpan(file)), in \(place):\n\n"
                reply += codeBlock(insertion.text.trimmingWhitespace()) + "\n"
                let neighbours = [insertion.before.map { "after " + codeSpan($0.trimmingWhitespace()) },
                                  insertion.after.map { "before " + codeSpan($0.trimmingWhitespace()) }].compactMap { $0 }
                if !neighbours.isEmpty { reply += "It goes " + neighbours.joined(separator: " and ") + ".\n\n" }
            }
            if !placed.duplicates.isEmpty {
                reply += "Already in the list:\n\n" + placed.duplicates.map { "- line \($0.line) (\($0.reason)): \(codeSpan($0.text))\n" }.joined() + "\n"
            }
            if !placed.warnings.isEmpty {
                reply += "To consider:\n\n" + placed.warnings.map { "- \(codeSpan($0))\n" }.joined() + "\n"
            }
            return reply + "A maintainer can comment `/approve` to open the pull request.\n"
        case .usage(let message):
            return cannotAdd([message])
        case .unreadableEntries(let problem):
            return cannotAdd([problem.description])
        case .lookupFailed(let problem):
            return cannotAdd([problem.description])
        case .invalid(let error), .notAdded(let error):
            switch error {
            case .invalid(let messages), .invalidEntry(_, let messages): return cannotAdd(messages)
            case .duplicate(let where_):
                return cannotAdd(["the paper is already in the list: \(where_); if it is another paper, make its title or links tell them apart"])
            default: return cannotAdd([error.description])
            }
        case .cancelled, .published:
            return cannotAdd(["nothing was checked"])
        }
    }

    private static func cannotAdd(_ problems: [String]) -> String {
        "**fmadd cannot add this paper yet.** Edit the issue to change:\n\n"
            + problems.map { "- " + codeSpan($0.replacingOccurrences(of: "; nothing was written", with: "")) + "\n" }.joined()
            + "\nThis comment is updated when the issue is edited.\n"
    }

    /// `text` as inline code: fenced by more backticks than it holds in a row, on one line.
    static func codeSpan(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        let fence = String(repeating: "`", count: longestBacktickRun(in: line) + 1)
        return fence + (line.hasPrefix("`") || line.hasSuffix("`") ? " \(line) " : line) + fence
    }

    /// `text` as a Markdown code block, fenced by more backticks than it holds in a row.
    static func codeBlock(_ text: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
        return fence + "markdown\n" + text + "\n" + fence + "\n"
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
