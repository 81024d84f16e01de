import Foundation

/// Folders the tests read: the repository (from this file's real path) and the shared data
/// beside it.
enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // FMSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let schemas = repositoryRoot.appending(path: "Schemas")
    static let shared = repositoryRoot.deletingLastPathComponent().appending(path: "shared")
    static let testSuite = shared.appending(path: "vendor-data/JSON-Schema-Test-Suite/tests/draft2020-12")
    /// A few files of the suite kept among the fixtures, for a clone with nothing beside it.
    static let fixtureSuite = repositoryRoot.appending(path: "Tests/Fixtures/JSON-Schema-Test-Suite/tests/draft2020-12")
    /// Whether the whole suite is there, or must be (`FMADD_REQUIRE_ALL=1`, as in CI).
    static let hasWholeSuite = ProcessInfo.processInfo.environment["FMADD_REQUIRE_ALL"] == "1"
        || FileManager.default.fileExists(atPath: testSuite.path)
}
