/// What a column of a dataset table holds, read from its header: the first column is the
/// dataset's name (the text of its paper's link), then `Link`, `Modality` (or `Type`, `Text
/// Types`), `Scale` (or `Size`) and `Task`. `add` writes a row by these columns and `export`
/// reads one by them.
public enum DatasetColumn: Hashable, Sendable {
    case name, link, modality, scale, task
    /// A column fmadd does not fill (a description, a year).
    case other

    public static func columns(of header: TableRow) -> [DatasetColumn] {
        header.cells.indices.map { index in
            if index == 0 { return .name }
            let name = header.cells[index].text.trimmingWhitespace().lowercased()
            if name.contains("link") { return .link }
            if name.contains("modalit") || name.contains("type") { return .modality }
            if name.contains("scale") || name.contains("size") { return .scale }
            if name.contains("task") { return .task }
            return .other
        }
    }
}
