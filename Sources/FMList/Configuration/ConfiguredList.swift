import Foundation

extension Configuration {
    /// The list file that `list:` names, beside the configuration file, once it is known to lie
    /// inside the repository around the configuration (links followed), or inside the
    /// configuration's folder when there is no repository: a shared `.fmadd.yml` must not make
    /// fmadd rewrite a file elsewhere. Nil for a configuration that was not read from a file.
    public func configuredListPath() throws(ListError) -> String? {
        guard let source else { return nil }
        let folder = URL(fileURLWithPath: source).deletingLastPathComponent()
        let path = folder.appendingPathComponent(listFile).path
        let root = Self.repositoryRoot(around: folder) ?? Self.resolved(folder.path)
        let resolvedPath = Self.resolved(path)
        guard resolvedPath.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw .outsideRepository(path: listFile, configuration: source, root: root)
        }
        return path
    }

    /// The nearest folder at or above `folder` that holds `.git`, with links resolved.
    static func repositoryRoot(around folder: URL) -> String? {
        var url = URL(fileURLWithPath: resolved(folder.path))
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// `path` with every link and `..` resolved, as far as it exists; the part that does not
    /// exist yet is appended as written, normalised.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while true {
            if let real = realpath(existing.path, nil) {
                defer { free(real) }
                var url = URL(fileURLWithPath: String(cString: real))
                for part in missing.reversed() { url.appendPathComponent(part) }
                return url.standardizedFileURL.path
            }
            let parent = existing.deletingLastPathComponent()
            if parent.path == existing.path { return path }
            missing.append(existing.lastPathComponent)
            existing = parent
        }
    }
}
