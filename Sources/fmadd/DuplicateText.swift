import Foundation
import FMDedupe
import FMList

/// Clusters of duplicates as a person or a program reads them.
enum DuplicateText {
    /// The clusters as text for a terminal; a title's or a file name's control characters
    /// are shown as escapes, never sent to the terminal.
    static func describe(_ clusters: [DuplicateCluster], path: String) -> String {
        let path = ControlCharacters.escaped(path, keeping: ["\t"])
        guard !clusters.isEmpty else { return "\(path): no duplicates\n" }
        var out = ""
        for cluster in clusters {
            let reasons = cluster.reasons.map { reason in
                var text = "\(reason.firstLine)~\(reason.secondLine): \(reason.evidence.key.rawValue)"
                if let value = reason.evidence.value { text += " " + ControlCharacters.escaped(value, keeping: ["\t"]) }
                return text + String(format: ", title similarity %.2f", reason.evidence.similarity)
            }
            out += "\(cluster.confidence.rawValue) (\(reasons.joined(separator: "; "))):\n"
            for entry in cluster.entries {
                let place = [entry.section, entry.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
                out += "  \(path):\(entry.line) [\(ControlCharacters.escaped(place, keeping: ["\t"]))] \(ControlCharacters.escaped(entry.text.trimmingWhitespace(), keeping: ["\t"]))\n"
            }
        }
        let count = { (c: DuplicateConfidence) in clusters.filter { $0.confidence == c }.count }
        out += "\(path): \(clusters.count) cluster\(clusters.count == 1 ? "" : "s"): \(count(.duplicate)) duplicate, \(count(.likely)) likely, \(count(.possible)) possible\n"
        return out
    }

    /// The clusters as JSON, its strings' control characters escaped.
    static func json(_ clusters: [DuplicateCluster]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(DuplicateReport(clusters: clusters))) ?? Data("{}".utf8)
        return ControlCharacters.escapedJSON(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
