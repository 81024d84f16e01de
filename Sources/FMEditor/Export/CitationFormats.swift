import FMSchema

/// Citations as BibTeX: one record a paper, `@article` for a journal, `@inproceedings` for a
/// conference, `@misc` for a preprint (with `eprint` and `archivePrefix` for arXiv) or a page.
public enum BibTeX {
    public static func render(_ citations: [Citation]) -> String {
        citations.map(record).joined(separator: "\n")
    }

    static func record(_ citation: Citation) -> String {
        var fields: [(String, String)] = []
        // Double braces keep the title's capitals as written (`MedSAM`, `CT`).
        fields.append(("title", "{" + escaped(citation.title) + "}"))
        let type: String
        switch citation.kind {
        case .journal:
            type = "article"
            if let venue = citation.venue { fields.append(("journal", escaped(venue))) }
        case .conference:
            type = "inproceedings"
            if let venue = citation.venue { fields.append(("booktitle", escaped(venue))) }
        case .preprint:
            type = "misc"
            if let id = citation.arXivID {
                fields.append(("eprint", id))
                fields.append(("archivePrefix", "arXiv"))
            } else if let venue = citation.venue {
                fields.append(("publisher", escaped(venue)))
            }
        case .other:
            type = "misc"
        }
        if let year = citation.year { fields.append(("year", String(year))) }
        if let doi = citation.doi { fields.append(("doi", verbatim(doi))) }
        if let url = citation.url { fields.append(("url", verbatim(url))) }
        fields.append(("note", escaped(citation.categories.joined(separator: "; "))))
        let body = fields.map { "  \($0.0) = {\($0.1)}," }.joined(separator: "\n")
        return "@\(type){\(citation.key),\n\(body)\n}\n"
    }

    /// Text with BibTeX's special characters escaped, so that LaTeX prints them as written.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// An address or a DOI, which `\url` and `\doi` print as written: only what would end the
    /// field or the line is encoded.
    static func verbatim(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "\\": out += "%5C"
            case " ", "\n", "\r", "\t": out += "%20"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Citations as CSL-JSON (the input of citeproc processors, Zotero and pandoc): one array, one
/// object a paper.
public enum CSLJSON {
    public static func render(_ citations: [Citation]) -> String {
        guard !citations.isEmpty else { return "[]\n" }
        return "[\n" + citations.map { item($0).jsonText }.joined(separator: ",\n") + "\n]\n"
    }

    static func item(_ citation: Citation) -> JSONValue {
        var members: [JSONObject.Member] = [
            (key: "id", value: .string(citation.key)),
            (key: "citation-key", value: .string(citation.key)),
        ]
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key: key, value: .string(value))) }
        }
        switch citation.kind {
        case .journal:
            add("type", "article-journal")
            add("container-title", citation.venue)
        case .conference:
            add("type", "paper-conference")
            add("container-title", citation.venue)
        case .preprint:
            add("type", "article")
            add("publisher", citation.venue ?? "arXiv")
            add("number", citation.arXivID.map { "arXiv:" + $0 })
        case .other:
            add("type", "webpage")
        }
        add("title", citation.title)
        if let year = citation.year {
            members.append((key: "issued", value: .object(JSONObject([
                (key: "date-parts", value: .array([.array([.number(JSONNumber(year))])])),
            ]))))
        }
        add("DOI", citation.doi)
        add("URL", citation.url)
        members.append((key: "categories", value: .array(citation.categories.map { .string($0) })))
        add("note", citation.categories.joined(separator: "; "))
        return .object(JSONObject(members))
    }
}
