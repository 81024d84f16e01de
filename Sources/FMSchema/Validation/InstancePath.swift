/// Where a value sits in an instance, as evaluation descends into it.
enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

typealias InstancePath = [PathComponent]

extension Array where Element == PathComponent {
    /// JSON Pointer: `/links/code`, `/authors/2`, `""` for the whole instance.
    var jsonPointer: String {
        var pointer = ""
        for component in self {
            switch component {
            case .key(let key): pointer += "/" + JSONPointer.escape(key)
            case .index(let index): pointer += "/\(index)"
            }
        }
        return pointer
    }

    /// Readable form: `links.code`, `authors[2]`, `links["my label"]`, `""` for the whole instance.
    var readable: String {
        var text = ""
        for component in self {
            switch component {
            case .key(let key) where Self.isPlainName(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                text += "[" + JSONValue.string(key).jsonText + "]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Letters, digits, `_`, `-` and `$`, not starting with a digit.
    private static func isPlainName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0" ... "9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || ("0" ... "9").contains(scalar)
                || scalar == "_" || scalar == "-" || scalar == "$"
        }
    }
}
