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
}
