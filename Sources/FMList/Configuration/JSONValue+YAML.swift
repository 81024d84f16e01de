import FMSchema
import Foundation
import Yams

extension JSONValue {
    /// Reads YAML (one document) as the JSON value it stands for, so that YAML files (such as
    /// .fmadd.yml) are validated by the same schemas as JSON.
    ///
    /// Plain scalars follow the YAML 1.2 core schema: `true`/`false`, `null`/`~`/empty,
    /// integers (also `0x…`, `0o…`), floats. So `off`, `yes`, `no` and `2024-05-01` stay strings
    /// (YAML 1.1 would make booleans and dates of them); quoted scalars are always strings.
    /// Mapping order is kept and keys become strings; a repeated key, a key that is a mapping
    /// or a sequence, and `.inf`/`.nan` (which JSON cannot hold) are refused with their line.
    /// An empty document is `null`. A document that expands through aliases to more values than
    /// `YAMLSyntaxError.expansionLimit(forBytes:)` allows is refused before it is composed.
    public init(yaml: String) throws(YAMLSyntaxError) {
        let limit = YAMLSyntaxError.expansionLimit(forBytes: yaml.utf8.count)
        guard YAMLExpansion.count(yaml, limit: limit) != nil else { throw YAMLSyntaxError(expandsBeyond: limit) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, try Self.coreSchema())
        } catch let error as YamlError {
            throw YAMLSyntaxError(error)
        } catch {
            throw YAMLSyntaxError(line: 1, column: 1, problem: "\(error)")
        }
        self = try node.map(Self.value(of:)) ?? .null
    }

    /// Tags plain scalars by the YAML 1.2 core schema
    /// (https://yaml.org/spec/1.2.2/#1032-tag-resolution); Yams' default follows YAML 1.1.
    private static func coreSchema() throws -> Resolver {
        try Resolver.basic
            .appending(.null, "^(?:~|null|Null|NULL|)$")
            .appending(.bool, "^(?:true|True|TRUE|false|False|FALSE)$")
            .appending(.int, "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
            .appending(.float, "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$")
    }

    private static func value(of node: Node) throws(YAMLSyntaxError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try value(of: scalar, tag: Tag.Name(rawValue: node.tag.rawValue))
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence {
                elements.append(try value(of: element))
            }
            return .array(elements)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw YAMLSyntaxError(at: key.mark, problem: "a mapping key must be a plain value, not a mapping or a list")
                }
                if object[keyScalar.string] != nil {
                    throw YAMLSyntaxError(at: key.mark, problem: "duplicate key \"\(keyScalar.string)\"")
                }
                object[keyScalar.string] = try Self.value(of: value)
            }
            return .object(object)
        case .alias:
            // compose() resolves aliases to the nodes they name; none is left here.
            throw YAMLSyntaxError(at: node.mark, problem: "unresolved alias")
        }
    }

    /// A scalar by its resolved tag: an explicit one (`!!str 123`), or the core schema's.
    private static func value(of scalar: Node.Scalar, tag: Tag.Name) throws(YAMLSyntaxError) -> JSONValue {
        let text = scalar.string
        switch tag {
        case .null:
            return .null
        case .bool:
            return .bool(text.lowercased() == "true")
        case .int:
            // A decimal integer beyond 64 bits is read as JSON reads it (exactly, beyond a Double's range).
            guard let number = integer(text).map(JSONNumber.init) ?? JSONNumber(decimalText: text) else {
                throw YAMLSyntaxError(at: scalar.mark, problem: "\"\(text)\" is not an integer JSON can hold")
            }
            return .number(number)
        case .float:
            // `.inf` and `.nan` are not decimals: JSON cannot hold them. `1e400` is kept exactly.
            guard let number = JSONNumber(decimalText: text) else {
                throw YAMLSyntaxError(at: scalar.mark, problem: "\"\(text)\" is not a number JSON can hold")
            }
            return .number(number)
        default:
            return .string(text)
        }
    }

    /// Decimal, `0x` hexadecimal or `0o` octal, with an optional sign.
    private static func integer(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let magnitude: Int64? = if digits.hasPrefix("0x") {
            Int64(digits.dropFirst(2), radix: 16)
        } else if digits.hasPrefix("0o") {
            Int64(digits.dropFirst(2), radix: 8)
        } else {
            Int64(digits)
        }
        return magnitude.map { negative ? -$0 : $0 }
    }
}

/// YAML that cannot be read, or holds what JSON cannot: where (1-based line and column) and what.
public struct YAMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public let line: Int
    public let column: Int
    public let problem: String
    /// Set when the document expands through aliases to more values than this: its problem is
    /// then not a place in the text but the whole document.
    public let expansionLimit: Int?

    public init(line: Int, column: Int, problem: String) {
        self.line = line
        self.column = column
        self.problem = problem
        expansionLimit = nil
    }

    init(expandsBeyond limit: Int) {
        line = 1
        column = 1
        problem = "expands to more than \(limit) values through aliases (&anchor / *alias); write the values out or remove the aliases"
        expansionLimit = limit
    }

    /// How many values (scalars, lists and mappings, aliases expanded) a YAML document of
    /// `bytes` bytes may stand for: generous for any file written out by hand, far below what
    /// exhausts memory (a 3 KB "billion laughs" stands for 9^9).
    public static func expansionLimit(forBytes bytes: Int) -> Int {
        YAMLExpansion.limit(forBytes: bytes)
    }

    /// The error as a sentence naming the file: `the YAML in FILE expands to more than …`, or
    /// `FILE: line 3, column 5: …`.
    public func describing(file: String) -> String {
        expansionLimit == nil ? "\(file): \(description)" : "the YAML in \(file) \(problem)"
    }

    init(at mark: Mark?, problem: String) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1, problem: problem)
    }

    init(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            self.init(at: mark, problem: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; point at the repetition when it is found.
            let key = duplicates.sorted().first ?? ""
            let repeated = Self.lineRepeating(key, after: context.mark, in: context.text)
            self.init(line: repeated ?? context.mark.line, column: context.mark.column,
                      problem: "duplicate key \"\(key)\" (first on line \(context.mark.line))")
        case .reader(let problem, let offset, _, let yaml):
            let line = offset.map { yaml.utf8.prefix($0).count(where: { $0 == Byte.lineFeed }) + 1 } ?? 1
            self.init(line: line, column: 1, problem: problem)
        default:
            self.init(line: 1, column: 1, problem: error.description)
        }
    }

    /// The first line after `mark` that holds `key:` at the same indentation.
    private static func lineRepeating(_ key: String, after mark: Mark, in yaml: String) -> Int? {
        let indentation = String(repeating: " ", count: max(mark.column - 1, 0))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where offset >= mark.line && line.hasPrefix(indentation + key) {
            let rest = line.dropFirst(indentation.count + key.count).drop { $0 == " " }
            if rest.hasPrefix(":") { return offset + 1 }
        }
        return nil
    }

    /// `line 3, column 5: mapping values are not allowed in this context`, or for a document
    /// that expands too far, `the YAML expands to more than N values through aliases …`.
    public var description: String {
        expansionLimit == nil ? "line \(line), column \(column): \(problem)" : "the YAML \(problem)"
    }

    public var errorDescription: String? { expansionLimit == nil ? "invalid YAML at \(description)" : description }
}
