import Foundation
import FMSchema
import FMTestSupport
import Testing

/// `fmadd export --format bibtex|csl-json`, read back by the tools reference managers are built
/// on: bibtexparser for BibTeX, the CSL-JSON schema and citeproc-py for CSL-JSON.
@Suite struct CitationExportTests {
    let upstream = Paths.healthcareList.path

    /// A list that names one paper in two sections, two papers whose keys would be the same,
    /// and a title with every character BibTeX gives a meaning to.
    static let list = """
        # Papers

        ## LFM methods

        **2024**

        - [Nature Medicine] Towards a general model. [[Paper]](https://www.nature.com/articles/s41591-024-02857-3)
        - [arXiv] Towards another model. [[paper]](https://arxiv.org/abs/2404.01234v2) [[Code]](https://github.com/o/r)
        - [MICCAI 2024] R&D at 100% for $5: a_b #1 {x} ~y^z \\w. [[Paper]](https://example.org/paper)

        ## VFM methods

        **2024**

        - [arXiv] Towards another model. [[Paper]](https://arxiv.org/pdf/2404.01234.pdf)

        **2006**

        - [ApJ] An old-style identifier. [[Paper]](https://arxiv.org/abs/astro-ph/0601001)

        """

    func writeList() throws -> String {
        let folder = try TemporaryFolder.make()
        let path = folder.appendingPathComponent("README.md").path
        try Data(Self.list.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The titles of the paper entries that `fmadd export` gives, as written (less a final full stop).
    func exportedTitles(_ path: String) throws -> [String] {
        let export = try Fmadd.run(["export", path])
        #expect(export.status == 0, "\(export.stderr)")
        return try export.stdout.split(separator: "\n").compactMap { line in
            try JSONValue(jsonText: String(line))["title"]?.stringValue
        }.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    @Test func onePaperListedTwiceIsOneRecordWithBothSectionsAndKeysAreUnique() throws {
        let path = try writeList()
        let bibtex = try Fmadd.run(["export", "--format", "bibtex", path])
        #expect(bibtex.status == 0, "\(bibtex.stderr)")
        let keys = bibtex.stdout.matches(of: /@\w+\{([^,]+),/).map { String($0.output.1) }
        #expect(keys == ["towards2024", "2404.01234", "rd2024", "astro-ph-0601001"])
        #expect(bibtex.stdout.contains("note = {LFM methods; VFM methods}"))
        #expect(bibtex.stdout.contains("eprint = {2404.01234},\n  archivePrefix = {arXiv}"))
        #expect(bibtex.stdout.contains("@inproceedings{rd2024,") && bibtex.stdout.contains("booktitle = {MICCAI 2024}"))
        #expect(bibtex.stdout.contains("doi = {10.1038/s41591-024-02857-3}"))
        #expect(try Fmadd.run(["export", "--format", "bibtex", path]).stdout == bibtex.stdout)
    }

    @Test func aTakenKeyGetsALetter() throws {
        let folder = try TemporaryFolder.make()
        let path = folder.appendingPathComponent("README.md").path
        let entries = (1...3).map { "- [Nature] Towards model \($0). [[Paper]](https://example.org/\($0))" }
        try Data(("# Papers\n\n## LFM methods\n\n**2024**\n\n" + entries.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let bibtex = try Fmadd.run(["export", "--format", "bibtex", path])
        let keys = bibtex.stdout.matches(of: /@\w+\{([^,]+),/).map { String($0.output.1) }
        #expect(keys == ["towards2024", "towards2024a", "towards2024b"])
    }

    /// bibtexparser reads one entry for each paper, no block it cannot parse, no key twice, and
    /// (LaTeX decoded) every title as the list writes it: as LaTeX prints it, `--` is a dash and
    /// `^` a circumflex.
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason)), arguments: ["upstream", "fixture"])
    func bibtexparserReadsEveryPaper(_ which: String) throws {
        let path = which == "upstream" ? upstream : try writeList()
        let bibtex = try Fmadd.run(["export", "--format", "bibtex", path])
        #expect(bibtex.status == 0, "\(bibtex.stderr)")
        let file = try TemporaryFolder.make().appendingPathComponent("list.bib")
        try Data(bibtex.stdout.utf8).write(to: file)
        let read = try Peers.run("python", ["-c", """
            import json, sys, bibtexparser
            from bibtexparser.middlewares import LatexDecodingMiddleware
            library = bibtexparser.parse_file(sys.argv[1], append_middleware=[LatexDecodingMiddleware()])
            print(json.dumps({"failed": len(library.failed_blocks), "keys": [e.key for e in library.entries],
                              "titles": [e.fields_dict["title"].value for e in library.entries]}))
            """, file.path])
        let result = try JSONValue(jsonText: read)
        #expect(result["failed"]?.intValue == 0)
        let keys = result["keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Set(keys).count == keys.count)
        #expect(keys.count == bibtex.stdout.matches(of: /(?m)^@/).count)
        let titles = Set(result["titles"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let exported = try exportedTitles(path).map {
            $0.replacingOccurrences(of: "--", with: "\u{2013}").replacingOccurrences(of: "^", with: "\u{02C6}")
        }
        #expect(exported.allSatisfy(titles.contains), "\(exported.filter { !titles.contains($0) })")
        #expect(keys.count <= exported.count && !keys.isEmpty)
    }

    /// CSL-JSON that the CSL schema accepts and citeproc-py formats, one reference a record.
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason)), arguments: ["upstream", "fixture"])
    func cslJSONValidatesAndCiteprocReadsIt(_ which: String) throws {
        let path = which == "upstream" ? upstream : try writeList()
        let csl = try Fmadd.run(["export", "--format", "csl-json", path])
        #expect(csl.status == 0, "\(csl.stderr)")
        let items = try #require(try JSONValue(jsonText: csl.stdout).arrayValue)
        let bibtex = try Fmadd.run(["export", "--format", "bibtex", path]).stdout
        #expect(items.count == bibtex.matches(of: /(?m)^@/).count)
        let file = try TemporaryFolder.make().appendingPathComponent("list.json")
        try Data(csl.stdout.utf8).write(to: file)
        let schema = Paths.fixtures.appendingPathComponent("csl/csl-data.json").path
        _ = try Peers.run("check-jsonschema", ["--schemafile", schema, file.path])
        let formatted = try Peers.run("python", ["-W", "ignore", "-c", """
            import glob, json, os, sys, citeproc
            from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
            from citeproc.source.json import CiteProcJSON
            source = CiteProcJSON(json.load(open(sys.argv[1])))
            style = sorted(glob.glob(os.path.join(os.path.dirname(citeproc.__file__), "data/styles/*.csl")))[0]
            bibliography = CitationStylesBibliography(CitationStylesStyle(style, validate=False), source, formatter.plain)
            for key in source: bibliography.register(Citation([CitationItem(key)]))
            print(json.dumps([str(item) for item in bibliography.bibliography()]))
            """, file.path])
        let references = try #require(try JSONValue(jsonText: formatted).arrayValue?.compactMap(\.stringValue))
        #expect(references.count == items.count)
        let titles = items.compactMap { $0["title"]?.stringValue }
        #expect(titles.allSatisfy { title in references.contains { $0.contains(title) } })
    }
}
