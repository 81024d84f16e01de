import FMList

/// The identity keys a link's target carries: an arXiv id, a DOI, a code repository, and the
/// address itself in a normalised form.
extension EntryKeys {
    /// The arXiv identifier of an arXiv link in any form, without its version: `abs/`, `pdf/`,
    /// `html/` (with or without `.pdf` and `vN`), old-style ids (`cs/0501001`, whose subject class
    /// is dropped: `math.GT/0309136` → `math/0309136`), arXiv's DOIs (`10.48550/arXiv.…`) and
    /// Hugging Face paper pages (`huggingface.co/papers/…`), which are named by the arXiv id.
    public static func arXivID(in url: String) -> String? {
        WebAddress(url).flatMap(arXivID(in:))
    }

    static func arXivID(in address: WebAddress) -> String? {
        if address.hostIs("arxiv.org") {
            // `/abs/2401.00153v2`: a kind of page, then the identifier. Read on bytes: every
            // arXiv link of a list comes here.
            return address.path.withUTF8Bytes { path -> String? in
                var kindStart = 0
                while kindStart < path.count && path[kindStart] == UInt8(ascii: "/") { kindStart += 1 }
                var slash = kindStart
                while slash < path.count && path[slash] != UInt8(ascii: "/") { slash += 1 }
                guard slash < path.count,
                      arXivPathKinds.contains(String(decoding: path[kindStart..<slash], as: UTF8.self).lowercased()) else { return nil }
                var start = slash + 1
                while start < path.count && path[start] == UInt8(ascii: "/") { start += 1 }
                return arXivIdentifier(bytes: UnsafeBufferPointer(rebasing: path[start...]))
            }
        }
        if address.host == "huggingface.co" {
            let segments = address.segments
            guard segments.count == 2, segments[0] == "papers" else { return nil }
            return arXivIdentifier(String(segments[1]))
        }
        if address.host == "doi.org" || address.host == "dx.doi.org" {
            let doi = address.path.dropFirst().percentDecoded().lowercased()
            guard doi.hasPrefix(arXivDOIPrefix) else { return nil }
            return arXivIdentifier(String(doi.dropFirst(arXivDOIPrefix.count)))
        }
        return nil
    }

    /// The DOI a link names, lower-cased (DOIs ignore case). Read from `doi.org` links, from any
    /// publisher address whose path holds the DOI (`science.org/doi/10.1126/…`,
    /// `onlinelibrary.wiley.com/doi/full/10.1118/…`, `link.springer.com/article/10.1007/…`,
    /// `frontiersin.org/articles/10.3389/…/full`), and derived for three publishers whose article
    /// address is the DOI's suffix: nature.com (`articles/s41586-023-06555-x` →
    /// `10.1038/s41586-023-06555-x`), bioRxiv and medRxiv (`content/10.1101/2023.04.01.123456v2` →
    /// `10.1101/2023.04.01.123456`) and the ACL Anthology (`2023.acl-long.1` →
    /// `10.18653/v1/2023.acl-long.1`). ScienceDirect's `pii/S…` is not mapped: its DOI cannot be
    /// derived without asking Elsevier. arXiv's own DOIs give an arXiv id instead.
    public static func doi(in url: String) -> String? {
        WebAddress(url).flatMap(doi(in:))
    }

    static func doi(in address: WebAddress) -> String? {
        func segments() -> [Substring] { WebAddress.components(of: address.path.percentDecoded(), separator: "/") }
        let doi: String?
        if address.hostIs("nature.com") {
            doi = natureDOI(segments())
        } else if address.hostIs("biorxiv.org") || address.hostIs("medrxiv.org") {
            doi = preprintDOI(segments())
        } else if address.host == "aclanthology.org" {
            doi = anthologyDOI(segments())
        } else if address.path.utf8.containsSequence("/10.".utf8) {
            doi = embeddedDOI(segments())
        } else {
            doi = nil
        }
        guard let doi, !doi.hasPrefix(arXivDOIPrefix) else { return nil }
        return doi
    }

    /// `github.com/owner/repo` or `gitlab.com/owner/repo`, case-folded, without `.git` and without
    /// deeper paths (`/tree/main/…`, `/blob/…`, `/-/…`).
    public static func repository(in url: String) -> String? {
        WebAddress(url).flatMap(repository(in:))
    }

    static func repository(in address: WebAddress) -> String? {
        guard address.host == "github.com" || address.host == "gitlab.com" else { return nil }
        let segments = address.segments
        guard segments.count >= 2 else { return nil }
        let owner = segments[0].lowercased()
        var name = segments[1].lowercased()
        if name.hasSuffix(".git") { name.removeLast(4) }
        guard !owner.isEmpty, !name.isEmpty, !reservedOwners.contains(owner) else { return nil }
        return "\(address.host)/\(owner)/\(name)"
    }

    /// The address without what does not change the page it opens: the scheme, `www.`, the port,
    /// the fragment, a trailing slash and tracking parameters (`utm_*`, `ref`, `fbclid`, …). The
    /// host is lower-cased; the path keeps its case. Three publishers' second addresses for one
    /// paper are folded into the first: OpenReview's `pdf?id=` (→ `forum?id=`), IEEE Xplore's
    /// `abstract/document/N/…` (→ `document/N`) and ScienceDirect's `abs/pii/X` and `pii/X/pdfft`
    /// (→ `pii/X`). Nil for anything that is not a web address.
    public static func normalizedURL(_ url: String) -> String? {
        WebAddress(url).map(normalizedURL(of:))
    }

    static func normalizedURL(of address: WebAddress) -> String {
        var path = canonicalPath(of: address)
        while path.utf8.last == UInt8(ascii: "/") { path.removeLast() }
        let query = address.queryItems.filter { !isTrackingParameter($0, host: address.host) }
        return address.host + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    // MARK: arXiv

    private static let arXivPathKinds: Set<String> = ["abs", "pdf", "html", "format", "ps", "src"]
    private static let arXivDOIPrefix = "10.48550/arxiv."

    /// `2401.00153v2.pdf` → `2401.00153`; `cs.AI/0501001v1` → `cs/0501001`.
    static func arXivIdentifier(_ text: some StringProtocol) -> String? {
        text.withUTF8Bytes { arXivIdentifier(bytes: $0) }
    }

    private static func arXivIdentifier(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var id = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        if id.starts(with: "arxiv:".utf8) { id.removeFirst(6) }
        while id.last == UInt8(ascii: "/") { id.removeLast() }
        if id.count > 4 && id.suffix(4).elementsEqual(".pdf".utf8) { id.removeLast(4) }
        if let v = id.lastIndex(of: UInt8(ascii: "v")), v + 1 < id.count, id[(v + 1)...].allSatisfy(isDigit) {
            id.removeSubrange(v...)
        }
        if let slash = id.firstIndex(of: UInt8(ascii: "/")) {
            // Old style: archive, optional subject class, `/`, seven digits.
            let number = id[(slash + 1)...]
            let archive = id[..<slash].prefix { $0 != UInt8(ascii: ".") }
            guard number.count == 7, number.allSatisfy(isDigit), !archive.isEmpty,
                  archive.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") }) else { return nil }
            return String(decoding: archive + [UInt8(ascii: "/")] + number, as: UTF8.self)
        }
        // New style: `YYMM.NNNNN` (four or five digits after the dot).
        guard id.count == 9 || id.count == 10, id[4] == UInt8(ascii: "."),
              id[..<4].allSatisfy(isDigit), id[5...].allSatisfy(isDigit) else { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Drops a trailing `vN`.
    private static func withoutVersion(_ id: Substring) -> Substring {
        guard let v = id.lastIndex(of: "v") else { return id }
        let number = id[id.index(after: v)...]
        guard !number.isEmpty, isDigits(number) else { return id }
        return id[..<v]
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: DOI

    private static let doiPageSuffixes: Set<String> = [
        "full", "abstract", "pdf", "epdf", "fulltext", "html", "meta", "summary", "references", "figures", "suppl",
    ]

    /// A DOI written in the path: from the segment `10.NNNN` on, without the page-type segments
    /// publishers put after it.
    private static func embeddedDOI(_ segments: [Substring]) -> String? {
        guard let start = segments.firstIndex(where: isDOIPrefix), start + 1 < segments.count else { return nil }
        var parts = segments[start...].map { $0.lowercased() }
        while parts.count > 2, let last = parts.last, doiPageSuffixes.contains(last) { parts.removeLast() }
        var doi = parts.joined(separator: "/")
        if doi.hasSuffix(".pdf") { doi.removeLast(4) }
        return doi
    }

    private static func isDOIPrefix(_ segment: Substring) -> Bool {
        guard segment.hasPrefix("10.") else { return false }
        let registrant = segment.dropFirst(3)
        return (4...9).contains(registrant.count) && isDigits(registrant)
    }

    /// nature.com's `articles/s41586-023-06555-x` is DOI `10.1038/s41586-023-06555-x`. Only the
    /// article numbers of this form are mapped: older ones (`sdata201635`) differ from their DOI.
    private static func natureDOI(_ segments: [Substring]) -> String? {
        guard segments.count == 2, segments[0] == "articles" else { return nil }
        var article = segments[1].lowercased()
        if article.hasSuffix(".pdf") { article.removeLast(4) }
        let parts = article.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].hasPrefix("s"), parts[0].count == 6, isDigits(parts[0].dropFirst()),
              isDigits(parts[1]), isDigits(parts[2]), parts[3].count == 1 else { return nil }
        return "10.1038/" + article
    }

    private static let preprintPageSuffixes = [
        ".full.pdf", ".full-text", ".full", ".abstract", ".supplementary-material", ".article-info", ".article-metrics",
    ]

    /// bioRxiv and medRxiv: `content/10.1101/2023.04.01.123456v2.full.pdf` → `10.1101/2023.04.01.123456`.
    private static func preprintDOI(_ segments: [Substring]) -> String? {
        guard let prefix = segments.firstIndex(of: "10.1101"), prefix + 1 < segments.count else { return nil }
        var id = Substring(segments[prefix + 1].lowercased())
        for suffix in preprintPageSuffixes where id.hasSuffix(suffix) {
            id = id.dropLast(suffix.count)
            break
        }
        id = withoutVersion(id)
        guard id.split(separator: ".").allSatisfy(isDigits) else { return nil }
        return "10.1101/" + id
    }

    /// The ACL Anthology's ids since 2020 (`2023.acl-long.1`) are the suffixes of DOIs `10.18653/v1/…`.
    private static func anthologyDOI(_ segments: [Substring]) -> String? {
        guard segments.count == 1 else { return nil }
        var id = Substring(segments[0].lowercased())
        if id.hasSuffix(".pdf") { id = id.dropLast(4) }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, isDigits(parts[0]), isDigits(parts[2]),
              !parts[1].isEmpty else { return nil }
        return "10.18653/v1/" + id
    }

    // MARK: Repositories and addresses

    /// First path segments of GitHub and GitLab pages that are not owners.
    private static let reservedOwners: Set<String> = [
        "orgs", "topics", "features", "sponsors", "marketplace", "about", "settings", "explore", "search",
        "collections", "trending", "login", "join", "users", "apps", "site", "security", "pricing",
        "enterprise", "notifications", "new", "codespaces", "dashboard", "groups", "help",
    ]

    private static func canonicalPath(of address: WebAddress) -> String {
        switch address.host {
        case "openreview.net" where address.segments == ["pdf"]:
            return "/forum"
        case "ieeexplore.ieee.org":
            let segments = address.segments
            if let document = segments.firstIndex(of: "document"), document + 1 < segments.count {
                return "/document/" + segments[document + 1]
            }
        case "sciencedirect.com":
            let segments = address.segments
            if let pii = segments.firstIndex(of: "pii"), pii + 1 < segments.count {
                return "/science/article/pii/" + segments[pii + 1]
            }
        default:
            break
        }
        return address.path
    }

    private static func isTrackingParameter(_ parameter: Substring, host: String) -> Bool {
        let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if name.hasPrefix("utm_") { return true }
        if host == "github.com" && name == "tab" { return true }  // `?tab=readme-ov-file`
        return trackingParameters.contains(name)
    }

    private static let trackingParameters: Set<String> = [
        "ref", "ref_src", "ref_url", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
        "si", "spm", "_hsenc", "_hsmi", "via",
    ]
}
