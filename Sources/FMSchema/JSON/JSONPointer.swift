import Foundation

/// JSON Pointer (RFC 6901) helpers.
enum JSONPointer {
    /// Escapes one reference token: `~` as `~0`, `/` as `~1`.
    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The reference tokens of a pointer (`""` has none); nil when it does not start with `/`
    /// or holds a `~` not followed by 0 or 1.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var pendingTilde = false
            for character in raw {
                if pendingTilde {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                    pendingTilde = false
                } else if character == "~" {
                    pendingTilde = true
                } else {
                    token.append(character)
                }
            }
            if pendingTilde { return nil }
            tokens.append(token)
        }
        return tokens
    }

    /// The value at `tokens` below `root`, or nil when there is none.
    static func resolve(_ tokens: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for token in tokens {
            guard let next = child(of: current, token) else { return nil }
            current = next
        }
        return current
    }

    static func child(of value: JSONValue, _ token: String) -> JSONValue? {
        switch value {
        case .object(let object):
            return object[token]
        case .array(let elements):
            guard let index = arrayIndex(token), index < elements.count else { return nil }
            return elements[index]
        default:
            return nil
        }
    }

    /// An array index token: digits without leading zeros.
    private static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }
}
