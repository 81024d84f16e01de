import Testing
@testable import FMSchema

/// One rule of a built-in schema broken on purpose: the change to a valid example, and every
/// finding expected, in order.
struct BadInput: Sendable, CustomTestStringConvertible {
    let schema: String
    let rule: String
    let path: [String]
    /// The new value at `path`; nil removes the property.
    let value: JSONValue?
    let expected: [String]

    var testDescription: String { "\(schema): \(rule)" }

    /// `expected` holds `error: message` or `warning: message`.
    init(_ schema: String, _ rule: String, _ path: [String], _ value: JSONValue?, _ expected: String...) {
        self.schema = schema
        self.rule = rule
        self.path = path
        self.value = value
        self.expected = expected
    }
}

@Suite struct BadInputTests {
    static let longTitle = String(repeating: "Foundation models ", count: 22) + "for medicine"

    static let cases: [BadInput] = [
        // entry: title
        BadInput("entry", "empty title", ["title"], "", "error: title: must be at least 3 characters long, got 0"),
        BadInput("entry", "title with Markdown link syntax", ["title"], "A [model](https://x.org) for pathology",
                 #"error: title: must not contain "](" (Markdown link syntax)"#),
        BadInput("entry", "title with a pipe", ["title"], "Vision | language",
                 #"error: title: must not contain "|" (it would break a table)"#),
        BadInput("entry", "title with a line break", ["title"], "Segment anything\nin medical images",
                 "error: title: must be on one line (no line break)"),
        BadInput("entry", "title with U+202E", ["title"], "Segment anything \u{202E}in medical images",
                 "error: title: must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)"),
        BadInput("entry", "title with a control character", ["title"], "Segment\u{07} anything",
                 "error: title: must not contain control characters"),
        BadInput("entry", "title with a leading space", ["title"], " Segment anything in medical images",
                 "error: title: must not start with a space"),
        BadInput("entry", "title with a trailing space", ["title"], "Segment anything in medical images ",
                 "error: title: must not end with a space"),
        BadInput("entry", "title too long", ["title"], .string(longTitle),
                 "error: title: must be at most 400 characters long, got 408"),
        // entry: links
        BadInput("entry", "javascript: link", ["links", "paper"], "javascript:alert(1)",
                 #"error: links.paper: must be an https URL, got "javascript:alert(1)""#),
        BadInput("entry", "file: link", ["links", "code"], "file:///etc/passwd",
                 #"error: links.code: must be an https URL, got "file:///etc/passwd""#),
        BadInput("entry", "data: link", ["links", "paper"], "data:text/html,<script>alert(1)</script>",
                 #"error: links.paper: must be an https URL, got "data:text/html,<script>alert(1)</script>""#),
        BadInput("entry", "link without a scheme", ["links", "code"], "github.com/x/y",
                 #"error: links.code: must be an https URL, got "github.com/x/y""#),
        BadInput("entry", "link with a space", ["links", "paper"], "https://example.org/a paper.pdf",
                 #"error: links.paper: must not contain spaces (write a space as %20), got "https://example.org/a paper.pdf""#),
        BadInput("entry", "plain http link is a warning", ["links", "code"], "http://example.org/code",
                 #"warning: links.code: should be an https URL (plain http is accepted), got "http://example.org/code""#),
        BadInput("entry", "other labels follow the link rules", ["links", "huggingface"], "huggingface.co/x",
                 #"error: links.huggingface: must be an https URL, got "huggingface.co/x""#),
        BadInput("entry", "label not in lower case", ["links", "Code"], "https://github.com/x/y",
                 #"error: links.Code: must be a link label in lower case, such as paper, code, project or dataset, got "Code""#),
        BadInput("entry", "missing paper link", ["links", "paper"], nil, "error: links.paper: is required"),
        // entry: other properties
        BadInput("entry", "year 1899", ["year"], 1899, "error: year: must be a year between 1900 and 2099, got 1899"),
        BadInput("entry", "year 2100", ["year"], 2100, "error: year: must be a year between 1900 and 2099, got 2100"),
        BadInput("entry", "year as text", ["year"], "2024", #"error: year: must be a year between 1900 and 2099, got "2024""#),
        BadInput("entry", "venue with a bracket", ["venue"], "Nature] [Medicine",
                 #"error: venue: must not contain "[" or "]" (the venue is written inside brackets), got "Nature] [Medicine""#),
        BadInput("entry", "category in upper case", ["category"], "LFM",
                 #"error: category: must be a category key in lower case, such as lfm, vfm, bfm or mfm, got "LFM""#),
        BadInput("entry", "unknown top-level property", ["abstract"], "A study of things",
                 "error: abstract: is not allowed; allowed: category, year, date, venue, title, authors, links, note, resource, cells, listed"),
        BadInput("entry", "misspelt top-level property", ["Title"], "Segment anything",
                 #"error: Title: is not allowed (did you mean "title"?); allowed: category, year, date, venue, title, authors, links, note, resource, cells, listed"#),
        BadInput("entry", "missing title", ["title"], nil, "error: title: is required"),

        // dataset
        BadInput("dataset", "name with a pipe", ["name"], "CT | MRI",
                 #"error: name: must not contain "|" (it would split the table cell), got "CT | MRI""#),
        BadInput("dataset", "name with spaces around it", ["name"], "  TotalSegmentator ",
                 #"warning: name: should not start or end with a space, got "  TotalSegmentator ""#),
        BadInput("dataset", "link without a scheme", ["link"], "nihcc.app.box.com",
                 #"error: link: must be an https URL, got "nihcc.app.box.com""#),
        BadInput("dataset", "paper link with javascript:", ["paper"], "javascript:void(0)",
                 #"error: paper: must be an https URL, got "javascript:void(0)""#),
        BadInput("dataset", "modality on two lines", ["modality"], "3D CT\n3D PET",
                 "error: modality: must be on one line, without control characters"),
        BadInput("dataset", "a new modality is accepted", ["modality"], "Spatial transcriptomics"),
        BadInput("dataset", "unknown property", ["size"], "10 GB",
                 "error: size: is not allowed; allowed: category, name, paper, link, modality, scale, task, description, listed"),

        // config
        BadInput("config", "misspelt setting", ["yearmarker"], "bold",
                 #"error: yearmarker: is not allowed (did you mean "yearMarker"?); allowed: list, categories, labels, yearMarker, yearOrder, rules, dedupe, distinct, commitMessage, mailto, sortWithinYear, table"#),
        BadInput("config", "rule severity", ["rules", "label-case"], "warn",
                 #"error: rules.label-case: must be off, warning or error, got "warn""#),
        BadInput("config", "category without a heading", ["categories", "lfm", "heading"], nil,
                 "error: categories.lfm.heading: is required"),
        BadInput("config", "category of an unknown kind", ["categories", "lfm", "kind"], "paper",
                 #"error: categories.lfm.kind: must be one of "papers", "datasets", got "paper""#),
        BadInput("config", "threshold above 1", ["dedupe", "threshold"], 1.5,
                 "error: dedupe.threshold: must be at most 1, got 1.5"),
        BadInput("config", "year marker spelling", ["yearMarker"], "Bold",
                 #"error: yearMarker: must be one of "bold", "heading", got "Bold""#),
    ]

    @Test(arguments: cases)
    func eachBrokenRuleGivesItsMessage(_ input: BadInput) throws {
        let registry = try SchemaRegistry.builtIn
        let example = try #require(registry.document(input.schema)?["examples"]?.arrayValue?.first)
        let instance = try Self.replacing(input.path, in: example, with: input.value)
        let findings = try Validator(schema: input.schema, registry: registry).validate(instance)
        #expect(findings.map(\.description) == input.expected)
    }

    @Test func findingsLocateTheFailure() throws {
        let registry = try SchemaRegistry.builtIn
        let example = try #require(registry.document("entry")?["examples"]?.arrayValue?.first)
        let instance = try Self.replacing(["links", "code"], in: example, with: "github.com/x/y")
        let finding = try #require(try Validator(schema: "entry", registry: registry).validate(instance).first)
        #expect(finding.instanceLocation == "/links/code")
        #expect(finding.propertyPath == "links.code")
        #expect(finding.keyword == "pattern")
        #expect(finding.schemaLocation == "https://fmadd.dev/schemas/entry.schema.json#/$defs/link/allOf/0/pattern")
        #expect(finding.severity == .error)
    }

    @Test func aWarningDoesNotMakeTheInstanceInvalid() throws {
        let registry = try SchemaRegistry.builtIn
        let example = try #require(registry.document("entry")?["examples"]?.arrayValue?.first)
        let instance = try Self.replacing(["links", "paper"], in: example, with: "http://example.org/paper")
        let validator = try Validator(schema: "entry", registry: registry)
        #expect(validator.isValid(instance))
        #expect(validator.validate(instance).map(\.severity) == [.warning])
    }

    /// `value` with the member at `path` replaced (or removed when `newValue` is nil).
    static func replacing(_ path: [String], in value: JSONValue, with newValue: JSONValue?) throws -> JSONValue {
        guard let key = path.first else { return try #require(newValue) }
        var object = try #require(value.objectValue)
        if path.count == 1 {
            object[key] = newValue
        } else {
            object[key] = try replacing(Array(path.dropFirst()), in: object[key] ?? .object([:]), with: newValue)
        }
        return .object(object)
    }
}
