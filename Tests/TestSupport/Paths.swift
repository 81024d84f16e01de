import Foundation

/// Where the tests find the repository, its fixtures and the shared corpus.
public enum Paths {
    public static let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    public static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    public static let corpus = shared.appendingPathComponent("corpus")
    /// The healthcare list, as kept among the fixtures (`Tests/Fixtures/NOTICE.md`): the tests that
    /// need one real list need nothing beside the repository.
    public static let healthcareList = fixtures.appendingPathComponent("upstream-healthcare-fm.md")

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

/// What some tests need beside the repository. Without it they are skipped and say why; with
/// `FMADD_REQUIRE_ALL=1` (which `.ci/run` sets) they run anyway and fail on what is missing.
public enum Needs {
    static let requireAll = ProcessInfo.processInfo.environment["FMADD_REQUIRE_ALL"] == "1"

    /// `../shared/corpus`, the real lists.
    public static let corpus = requireAll || FileManager.default.fileExists(atPath: Paths.corpus.path)
    public static let corpusReason: String = "needs ../shared/corpus beside the repository (a clone has only Tests/Fixtures)"

    /// `../shared/bench/gen_list.py`, the generator of large lists.
    public static let listGenerator = requireAll || FileManager.default.fileExists(atPath: Paths.shared.appendingPathComponent("bench/gen_list.py").path)
    public static let listGeneratorReason: String = "needs ../shared/bench/gen_list.py beside the repository to make a large list"

    /// The Python tools that `bash .ci/setup` installs in `.build/peers-venv`.
    public static let peers = requireAll || FileManager.default.isExecutableFile(atPath: Peers.bin.appendingPathComponent("python").path)
    public static let peersReason: String = "needs the Python tools in .build/peers-venv: run `bash .ci/setup` first"

    /// `rsvg-convert` (Debian: librsvg2-bin), which `bash .ci/setup` installs, to draw an SVG.
    public static let rsvgConvert = requireAll || rsvgConvertPath != nil
    public static let rsvgConvertReason: String = "needs rsvg-convert (Debian: librsvg2-bin): run `bash .ci/setup` first"
    /// Where `rsvg-convert` is on PATH, if it is.
    public static var rsvgConvertPath: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return folders.map { String($0) + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The release binary that `bash .ci/setup` builds.
    public static let releaseBinary = requireAll || FileManager.default.isExecutableFile(atPath: Paths.repository.appendingPathComponent(".build/release/fmadd").path)
    public static let releaseBinaryReason: String = "needs .build/release/fmadd: run `bash .ci/setup` first"
}
