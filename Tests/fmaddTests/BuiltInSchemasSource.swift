import Foundation
import FMTestSupport

/// Writes `Sources/FMSchema/BuiltIn/BuiltInSchemas.swift`, the schemas of `Schemas/` as Swift source, so
/// that the binary holds them and needs no file beside it.
///
/// The file is generated and committed (a build-tool plugin would generate it at build time, but
/// SwiftPM builds a plugin's tool with the build's sanitizers, and a tool built with
/// `--sanitize=fuzzer` does not link: libFuzzer brings its own `main`). `GeneratedFilesTests`
/// fails when the file is stale; `Scripts/regenerate` writes it.
enum BuiltInSchemasSource {
    static let schemas = Paths.repository.appending(path: "Schemas")

    /// The schema files of `Schemas/`, by name.
    static func schemaFiles() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: schemas.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { name in (name, try String(contentsOf: schemas.appending(path: name), encoding: .utf8)) }
    }

    static func render(_ schemas: [(name: String, text: String)]) -> String {
        var source = """
            // Generated from the files of Schemas/ by Tests/fmaddTests/BuiltInSchemasSource.swift. Do not edit:
            // change the schema files, then run `Scripts/regenerate`.

            /// The schemas of `Schemas/`, compiled into the binary: file name and text.
            enum BuiltInSchemas {
                static let all: [(name: String, text: String)] = [

            """
        for schema in schemas {
            source += "        (name: \(String(reflecting: schema.name)), text: \(rawLiteral(schema.text))),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    /// A raw multi-line string literal of `text`, with more `#` than any run of `#` in the text,
    /// so nothing in it can close the literal or start an interpolation or an escape. The
    /// closing delimiter is at the start of its line, so no indentation is stripped.
    private static func rawLiteral(_ text: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "#" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let hashes = String(repeating: "#", count: longestRun + 1)
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }
}
