import Foundation
import FMGit
import FMList
import FMRules
import FMSchema

/// A list file with the configuration it is read with.
public struct ListFile: Sendable {
    /// Where the list is read and written.
    public var path: String
    public var configuration: Configuration
    /// The name reports give the list (findings, annotations, diff headers): relative to the
    /// repository's top for the list a repository configures, so that GitHub and `git apply`
    /// find it; as given otherwise.
    public var name: String

    public init(path: String, configuration: Configuration, name: String? = nil) {
        self.path = path
        self.configuration = configuration
        self.name = name ?? path
    }
}

/// The list files a command works on: those given, or the configured list of the repository
/// around a folder, each with its configuration.
public struct ListFiles: Sendable {
    public var lists: [ListFile]
    /// What a person should know about the configurations (a rule id that no rule has).
    public var warnings: [String]

    /// Each of `files` with its configuration (`config`, or the `.fmadd.yml` found beside it),
    /// or without files the configured list around `folder`. Leftovers of an interrupted write
    /// beside each list are cleared on the way.
    public static func resolve(files: [String], config: String?,
                               from folder: String = FileManager.default.currentDirectoryPath) throws(WorkflowFailure) -> ListFiles {
        let lists = try tryList { () throws(ListError) in try configured(files: files, config: config, from: folder) }
        var warned = Set<String>()
        var warnings: [String] = []
        for list in lists where warned.insert(list.configuration.source ?? "").inserted {
            warnings += unknownRules(in: list.configuration)
        }
        for list in lists {
            let url = URL(fileURLWithPath: absolute(list.path, in: folder))
            AtomicFile.removeLeftovers(in: url.deletingLastPathComponent().path, for: url.lastPathComponent)
        }
        return ListFiles(lists: lists, warnings: warnings)
    }

    /// A rule id in `rules:` that no rule has would silently change nothing: say so, with the
    /// nearest id.
    static func unknownRules(in configuration: Configuration) -> [String] {
        let known = RuleRegistry.all.map { $0.description.id }
        return configuration.rules.keys.sorted().filter { !known.contains($0) }.map { id in
            let nearest = Spelling.closest(to: id, among: known) ?? known.first { $0.contains(id) || id.contains($0) }
            let hint = nearest.map { "did you mean '\($0)'?" } ?? "`fmadd rules` lists them"
            return "\(configuration.source ?? ".fmadd.yml"): `rules:` names an unknown rule '\(id)'; \(hint)"
        }
    }

    private static func configured(files: [String], config: String?, from folder: String) throws(ListError) -> [ListFile] {
        if let config {
            // Read as given: its path is the one its messages name.
            let configuration = try Configuration.load(path: config)
            if files.isEmpty { return [repositoryList(at: try defaultPath(for: configuration, near: folder), configuration, folder)] }
            return files.map { ListFile(path: $0, configuration: configuration) }
        }
        if files.isEmpty {
            let configuration = try Configuration.discover(from: folder)
            return [repositoryList(at: try defaultPath(for: configuration, near: folder), configuration, folder)]
        }
        var result: [ListFile] = []
        for file in files {
            let listFolder = URL(fileURLWithPath: absolute(file, in: folder)).deletingLastPathComponent().path
            result.append(ListFile(path: file, configuration: try Configuration.discover(from: listFolder)))
        }
        return result
    }

    /// The list a repository configures, named relative to the repository's top (as given
    /// outside a repository).
    private static func repositoryList(at path: String, _ configuration: Configuration, _ folder: String) -> ListFile {
        let name = try? Repository(discoveringFrom: folder).relativePath(ofFile: absolute(path, in: folder))
        return ListFile(path: path, configuration: configuration, name: name)
    }

    /// The configured list file, relative to the configuration's folder (and inside its
    /// repository) or the repository's top.
    private static func defaultPath(for configuration: Configuration, near folder: String) throws(ListError) -> String {
        if let path = try configuration.configuredListPath() { return path }
        var url = URL(fileURLWithPath: folder)
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) {
                return relative(url.appendingPathComponent(configuration.listFile).path, to: folder)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return configuration.listFile }
            url = parent
        }
    }

    private static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The configuration file `config`, or without one the `.fmadd.yml` found from `folder`.
    static func configuration(_ config: String?, orFoundFrom folder: String) throws(ListError) -> Configuration {
        if let config { return try Configuration.load(path: config) }
        return try Configuration.discover(from: folder)
    }

    static func absolute(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : (folder.hasSuffix("/") ? folder : folder + "/") + path
    }
}
