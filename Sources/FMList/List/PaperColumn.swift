/// What a column of a paper table holds, read from its header (`| Date | Authors | Title | Code |`,
/// `| Year | Title | Journal | … | Code | Weights | … |`, `| Date | Keywords | Institute | Paper |`)
/// or stated in `.fmadd.yml` (`table.columns`). A table of a paper category is a paper table when
/// one of its columns holds the title; each body row is then an entry.
public enum PaperColumn: String, Hashable, Sendable, Codable, CaseIterable {
    /// The title, with the paper's link in it (`Title [(paper)](u)`) or around it (`[Title](u)`).
    case title
    /// The paper's link alone.
    case paper
    case code
    /// `202406`, `2024-06`, `2024-06-30` or `2024`.
    case date
    case venue
    case authors
    /// Any other column, kept as an extra cell keyed by its header; its links are links of that key.
    case other

    /// The columns of a table, or nil when none holds a title. A header named in `configured`
    /// (compared without case) means what it says there; a column headed `Paper` holds the title
    /// (`[Title](u)`) when no column is called so.
    public static func columns(of header: TableRow, configured: [String: PaperColumn] = [:]) -> [PaperColumn]? {
        var columns = header.cells.map { cell -> PaperColumn in
            let name = headerName(cell)
            if let stated = configured.first(where: { $0.key.lowercased() == name })?.value { return stated }
            return recognised(name)
        }
        if !columns.contains(.title), let paper = header.cells.indices.first(where: { columns[$0] == .paper && headerName(header.cells[$0]) == "paper" }) {
            columns[paper] = .title
        }
        guard columns.filter({ $0 == .title }).count == 1 else { return nil }
        return columns
    }

    /// A header's text in lower case, without emphasis or padding: what headers are compared by.
    public static func headerName(_ cell: TableCell) -> String {
        headerText(cell).lowercased()
    }

    /// A header's text as written, without emphasis or padding.
    public static func headerText(_ cell: TableCell) -> String {
        cell.text.trimmingWhitespace().filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingWhitespace()
    }

    private static func recognised(_ name: String) -> PaperColumn {
        switch name {
        case "title", "paper title", "paper name", "papers", "article": return .title
        case "paper", "pdf", "link", "paper link", "arxiv": return .paper
        case "code", "github", "repo", "repository", "implementation", "source code": return .code
        case "date", "year", "time", "published", "publication date", "month": return .date
        case "venue", "journal", "conference", "publication", "pub", "published in", "journal/conference": return .venue
        case "author", "authors", "first author": return .authors
        default: return .other
        }
    }
}

/// How a paper table writes its date cells, read from them.
public enum TableDateForm: String, Hashable, Sendable {
    /// `202406`
    case yearMonthCompact
    /// `2024-06`
    case yearMonth
    /// `2024-06-30`
    case yearMonthDay
    /// `2024`
    case year

    /// The form of one cell's text, nil when it is no date.
    public static func of(_ text: String) -> TableDateForm? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        let dash = UInt8(ascii: "-")
        switch bytes.count {
        case 4 where digits(0..<4): return .year
        case 6 where digits(0..<6): return .yearMonthCompact
        case 7 where digits(0..<4) && bytes[4] == dash && digits(5..<7): return .yearMonth
        case 10 where digits(0..<4) && bytes[4] == dash && digits(5..<7) && bytes[7] == dash && digits(8..<10): return .yearMonthDay
        default: return nil
        }
    }

    /// A cell's date as a draft's `date` (`2024-06`, `2024-06-30`) and its year.
    public static func read(_ text: String) -> (date: String?, year: Int)? {
        guard let form = of(text), let year = Int(text.prefix(4)), (1900...2099).contains(year) else { return nil }
        switch form {
        case .year: return (nil, year)
        case .yearMonthCompact: return ("\(text.prefix(4))-\(text.dropFirst(4))", year)
        case .yearMonth, .yearMonthDay: return (text, year)
        }
    }

    /// A draft's date (or year alone) written in this form; nil when the draft says too little.
    public func cell(date: String?, year: Int?) -> String? {
        if self == .year { return (year ?? date.flatMap { Int($0.prefix(4)) }).map(String.init) }
        guard let date, date.utf8.count >= 7 else { return nil }
        switch self {
        case .yearMonthCompact: return String(date.prefix(4)) + String(date.dropFirst(5).prefix(2))
        case .yearMonth: return String(date.prefix(7))
        case .yearMonthDay: return date.utf8.count == 10 ? date : nil
        case .year: return nil
        }
    }

    /// How a person would write it, for a message.
    public var example: String {
        switch self {
        case .yearMonthCompact: return "YYYYMM"
        case .yearMonth: return "YYYY-MM"
        case .yearMonthDay: return "YYYY-MM-DD"
        case .year: return "YYYY"
        }
    }
}
