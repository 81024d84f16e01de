import CYaml

/// How many values a YAML text stands for once its aliases are expanded.
///
/// An alias (`*a`) repeats the whole value its anchor (`&a`) names, so nine lines of nine aliases
/// each stand for 9^9 values: a "billion laughs" of 3 KB. Yams' composer shares the anchored
/// node, but everything that walks the tree afterwards (the conversion to JSON, the decoder, and
/// Yams' own duplicate-key check, which hashes a key that is an alias of a list) walks it
/// expanded. This counts on libyaml's events, before anything is composed: each scalar, list and
/// mapping is one value, an alias the values of its anchor.
enum YAMLExpansion {
    /// The number of values `yaml` expands to, or nil when it is more than `limit` (counting
    /// stops there). A text libyaml cannot read counts what was read before the error, which
    /// the composer then reports with its line.
    static func count(_ yaml: String, limit: Int) -> Int? {
        var text = yaml
        return text.withUTF8 { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return 0 }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            // The open lists and mappings: their anchor and the values counted in them so far.
            var open: [(anchor: String?, count: Int)] = []
            var total = 0
            func add(_ size: Int) {
                if open.isEmpty { total = Self.sum(total, size, limit) } else { open[open.count - 1].count = Self.sum(open[open.count - 1].count, size, limit) }
            }
            func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return total }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return total
                case YAML_SCALAR_EVENT:
                    if let name = anchor(event.data.scalar.anchor) { sizes[name] = 1 }
                    add(1)
                case YAML_ALIAS_EVENT:
                    add(anchor(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((anchor(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((anchor(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { continue }
                    if let name = closed.anchor { sizes[name] = closed.count }
                    add(closed.count)
                default:
                    break
                }
                // Only the innermost open value and the total change on an event.
                if total > limit || (open.last?.count ?? 0) > limit { return nil }
            }
        }
    }

    /// `a + b`, held at `limit + 1` so that counts beyond the limit cannot overflow.
    private static func sum(_ a: Int, _ b: Int, _ limit: Int) -> Int {
        min(a + b, limit + 1)
    }

    /// How many values a document of `bytes` bytes may expand to (a list written out has at most
    /// a value every two bytes).
    static func limit(forBytes bytes: Int) -> Int {
        max(10_000, 50 * bytes)
    }
}
