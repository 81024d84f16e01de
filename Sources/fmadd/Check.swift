import ArgumentParser
import Foundation
import FMEditor
import FMGit
import FMList
import FMRules

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, junit

    /// The reporter for this format; text is coloured on a terminal unless NO_COLOR is set.
    var reporter: any Reporter {
        switch self {
        case .text: return TextReporter(color: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter(version: Fmadd.version)
        case .junit: return JUnitReporter()
        }
    }
}

extension Fmadd {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report what is wrong with a list, one finding a line.",
            discussion: "Exit status: 0 without errors, 1 with errors (with --staged also when a staged list or configuration cannot be read, so the hook stops the commit), 2 when the file cannot be read, 64 on a usage error.")

        @OptionGroup var list: ListOptions

        @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        @Flag(help: "Check the lists as they are staged for the next commit, as the pre-commit hook does: without FILE, every list a staged .fmadd.yml names and the one at the top; only what the commit adds or changes, unless --all.")
        var staged = false

        @Flag(help: "With --staged: check the whole staged list, not only the lines the commit adds or changes.")
        var all = false

        func validate() throws {
            if all && !staged { throw ValidationError("--all goes with --staged") }
        }

        func run() throws {
            if staged { try checkStaged() }
            var clock = PhaseClock()
            var reports: [Report] = []
            for (path, configuration) in try reportingFailures({ try list.resolveAll() }) {
                reports.append(try reportingFailures {
                    let document = try Document(contentsOf: path)
                    clock.mark("parse")
                    let view = ListView(document: document, configuration: configuration)
                    clock.mark("view")
                    let findings = Linter().findings(in: view, timings: clock.ruleTimer)
                    clock.mark("rules")
                    return Report(file: path, findings: findings)
                })
            }
            let output = format.reporter.render(reports)
            FileHandle.standardOutput.write(Data(output.utf8))
            clock.mark("report")
            // Leave without tearing down the list model: the operating system frees it at once.
            exitNow(reports.contains { $0.errorCount > 0 } ? Exit.findings : .success)
        }

        /// The staged lists, read from the index: the commit's content, not the work tree's.
        /// Without FILE, every list the repository configures: each `.fmadd.yml` in the index
        /// names its list relative to its own folder, and the list at the top (README.md, or
        /// what the top's configuration names) is checked too. A staged list or configuration
        /// that cannot be read is an error of the commit (exit 1, so the hook stops it).
        private func checkStaged() throws -> Never {
            let repository = try reportingFailures { try Repository() }
            guard let workTree = repository.workTree else {
                printError("fmadd: error: --staged needs a repository with a work tree")
                throw Exit.failure
            }
            var unreadable = false
            var lists: [(path: String, configuration: Configuration)] = []
            if let config = list.config, list.files.isEmpty {
                let configuration = try reportingFailures { try Configuration.load(path: config) }
                let path = Self.listPath(of: configuration, workTree: workTree)
                lists.append((try reportingFailures { try repository.relativePath(ofFile: path) }, configuration))
            } else if list.files.isEmpty {
                let configured = try reportingFailures { try stagedConfigurations(in: repository, workTree: workTree) }
                lists = configured.lists
                unreadable = configured.unreadable
            } else {
                for file in list.files {
                    let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
                    let configuration = try reportingFailures {
                        try list.config.map { try Configuration.load(path: $0) }
                            ?? Configuration.discover(from: URL(fileURLWithPath: path).deletingLastPathComponent().path)
                    }
                    lists.append((try reportingFailures { try repository.relativePath(ofFile: path) }, configuration))
                }
            }

            var reports: [Report] = []
            for (path, configuration) in lists {
                guard let stagedBytes = try reportingFailures({ try repository.stagedContent(of: path) }) else {
                    continue  // the list is not in the index: nothing of it is committed
                }
                let headBytes = try reportingFailures { try repository.headContent(of: path) } ?? []
                if !all && stagedBytes == headBytes { continue }
                let document: Document
                do {
                    document = try Document(bytes: stagedBytes, path: path)
                } catch {
                    printError("fmadd: error: \(error)")
                    unreadable = true
                    continue
                }
                var findings = Linter().findings(in: ListView(document: document, configuration: configuration))
                if !all {
                    let changed = ChangedLines.of(old: headBytes, new: stagedBytes)
                    findings = findings.filter { changed.contains($0.line) }
                }
                reports.append(Report(file: path, findings: findings))
            }
            if !reports.isEmpty {
                FileHandle.standardOutput.write(Data(format.reporter.render(reports).utf8))
            }
            exitNow(unreadable || reports.contains { $0.errorCount > 0 } ? Exit.findings : .success)
        }

        /// The list of every `.fmadd.yml` in the index, each read from the index, and the list
        /// at the top when no staged configuration is there.
        private func stagedConfigurations(
            in repository: Repository, workTree: String
        ) throws -> (lists: [(path: String, configuration: Configuration)], unreadable: Bool) {
            var lists: [(path: String, configuration: Configuration)] = []
            var unreadable = false
            for configPath in try repository.stagedPaths(named: Configuration.fileName) {
                let bytes = try repository.stagedContent(of: configPath) ?? []
                do {
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        throw ListError.invalidUTF8(path: configPath, offset: Self.firstInvalidUTF8Offset(bytes))
                    }
                    var configuration = try Configuration.parse(yaml: text, path: configPath)
                    configuration.source = workTree + "/" + configPath
                    let path = try repository.relativePath(ofFile: Self.listPath(of: configuration, workTree: workTree))
                    if !lists.contains(where: { $0.path == path }) { lists.append((path, configuration)) }
                } catch {
                    printError("fmadd: error: \(error)")
                    unreadable = true
                }
            }
            // Without a staged configuration at the top, the top's list is the one the work
            // tree's configuration names (README.md without one), as `fmadd check` finds it.
            if try repository.stagedContent(of: Configuration.fileName) == nil {
                let configuration = try Configuration.discover(from: workTree)
                let path = try repository.relativePath(ofFile: Self.listPath(of: configuration, workTree: workTree))
                if !lists.contains(where: { $0.path == path }) { lists.insert((path, configuration), at: 0) }
            }
            return (lists, unreadable)
        }

        /// The configured list file, relative to the configuration's folder, or to the top for
        /// a configuration from outside the work tree (`--config`) or none.
        private static func listPath(of configuration: Configuration, workTree: String) -> String {
            let configFolder = configuration.source.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path }
            let folder = configFolder.flatMap { $0 == workTree || $0.hasPrefix(workTree + "/") ? $0 : nil } ?? workTree
            return URL(fileURLWithPath: folder).appendingPathComponent(configuration.listFile).standardizedFileURL.path
        }

        private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
            var offset = 0
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput, .error: return offset
                }
            }
        }
    }
}
