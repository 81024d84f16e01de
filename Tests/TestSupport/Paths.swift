import Foundation

/// Where the tests find the repository, its fixtures and the shared corpus.
public enum Paths {
    public static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    public static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    public static let corpus = shared.appendingPathComponent("corpus")

    /// Every `*.md` list of the shared corpus (not SOURCES.md), and of the folders named in
    /// `FMADD_CORPUS` (colon-separated) when it is set.
    public static func corpusFiles() -> [URL] {
        var folders = [corpus]
        if let extra = ProcessInfo.processInfo.environment["FMADD_CORPUS"] {
            folders += extra.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        var files: [URL] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".md") && $0 != "SOURCES.md" }.sorted().map { folder.appendingPathComponent($0) }
        }
        return files
    }

    public static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
