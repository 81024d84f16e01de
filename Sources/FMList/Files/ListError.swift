import Foundation

/// Failures of reading or writing a list file. Each message says what to do next.
public enum ListError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, offset: Int)
    case markdownParserFailed(path: String)
    case configuration(path: String, reason: String)
    case unwritable(path: String, reason: String)
    /// Another fmadd run is changing a list in the same folder.
    case busy(path: String, waited: Int, reason: String?)
    /// A configured list file outside the repository (or the configuration's folder).
    case outsideRepository(path: String, configuration: String, root: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason); check that the file exists and is readable"
        case .invalidUTF8(let path, let offset):
            return "\(path) is not valid UTF-8 at byte offset \(offset); re-save it as UTF-8 (for example with `iconv -f LATIN1 -t UTF-8`)"
        case .markdownParserFailed(let path):
            return "the Markdown parser could not read \(path); report this with the file attached"
        case .configuration(let path, let reason):
            return "\(path): \(reason); see `fmadd schema config` for the expected shape"
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason); nothing was changed"
        case .busy(let path, let waited, let reason):
            if let reason { return "cannot lock the folder of \(path): \(reason); nothing was changed" }
            return "another fmadd is changing \(path) (waited \(waited) s); nothing was changed: run again when it is done, or set FMADD_LOCK_TIMEOUT to wait longer"
        case .outsideRepository(let path, let configuration, let root):
            return "\(configuration) names the list \(path), which is outside \(root); fmadd only changes lists inside the repository: name a file inside it in `list:`"
        }
    }
}
