import FMList
import Foundation
import struct FMTestSupport.SplitMix64

/// Lists for the tests: the repository's fixture, the shared corpus, and small inline ones.
enum ListFixtures {
    static func view(_ markdown: String, configuration: Configuration = .healthcareDefault) throws -> ListView {
        ListView(document: try Document(bytes: Array(markdown.utf8)), configuration: configuration)
    }

    static func view(at url: URL, configuration: Configuration = .healthcareDefault) throws -> ListView {
        ListView(document: try Document(bytes: try Paths.bytes(url)), configuration: configuration)
    }

    static var olderHealthcareList: URL { Paths.fixtures.appendingPathComponent("healthcare-older.md") }
    static var upstreamHealthcareList: URL { Paths.healthcareList }

    /// A list in the healthcare list's shape, with `count` distinct papers and every tenth one
    /// listed again under another spelling: another case, hyphenation and punctuation, the arXiv
    /// `pdf/` link for `abs/`, sometimes another section, venue or code link. Deterministic.
    static func generated(count: Int) -> (markdown: String, plantedPairs: Int) {
        var generator = SplitMix64(seed: 42)
        let sections = ["LFM methods", "VFM methods", "BFM methods", "MFM methods"]
        let nouns = ["transformer", "segmenter", "encoder", "agent", "tokenizer", "adapter", "retriever", "decoder"]
        let domains = ["pathology", "radiology", "genomics", "dermatology", "cardiology", "oncology", "ophthalmology"]
        var entries: [[String]] = Array(repeating: [], count: sections.count)
        var planted = 0
        for k in 0..<count {
            let name = "Med\(Self.syllables(k))"
            let title = "\(name): a \(nouns[k % nouns.count]) for \(domains[(k / 8) % domains.count]) at scale \(k)"
            let id = String(format: "%02d%02d.%05d", 15 + k % 10, 1 + k % 12, k)
            let code = k % 3 == 0 ? "" : " [[Code]](https://github.com/lab\(k % 17)/\(name))"
            let section = Int(generator.next() % UInt64(sections.count))
            entries[section].append("- [Venue\(k % 5)] \(title). [[Paper]](https://arxiv.org/abs/\(id))\(code)")
            guard k % 10 == 9 else { continue }
            planted += 1
            let spelling = title.uppercased().replacingOccurrences(of: ":", with: " -")
            let otherCode = k % 20 == 9 ? " [[Code]](https://github.com/fork\(k)/\(name)-port)" : code
            let again = Int(generator.next() % UInt64(sections.count))
            entries[again].append("- \(spelling) [[paper]](https://arxiv.org/pdf/\(id)v2.pdf)\(otherCode)")
        }
        var lines = ["# Generated list", ""]
        for (k, section) in sections.enumerated() {
            lines += ["## \(section)", "**2024**", ""] + entries[k] + [""]
        }
        return (lines.joined(separator: "\n"), planted)
    }

    /// Distinct model names: `k` written in syllables.
    private static func syllables(_ k: Int) -> String {
        let parts = ["Ka", "Lo", "Mi", "Nu", "Pe", "Ra", "Si", "To", "Vu", "Ze"]
        return String(k).map { parts[Int(String($0)) ?? 0] }.joined()
    }
}
