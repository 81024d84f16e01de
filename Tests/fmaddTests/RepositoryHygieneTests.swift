import Foundation
import FMTestSupport
import Testing

/// What the repository holds: sources and fixtures, no build products.
@Suite struct RepositoryHygieneTests {
    static func trackedFiles() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", Paths.repository.path, "ls-files", "-z"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.repository.appendingPathComponent(".git").path),
                   "needs the repository's git folder: run from a clone"))
    func noTrackedFileIsABinaryOrLargerThanAMegabyte() throws {
        let files = try Self.trackedFiles()
        #expect(!files.isEmpty)
        for file in files {
            let url = Paths.repository.appendingPathComponent(file)
            guard let handle = try? FileHandle(forReadingFrom: url) else { continue }  // deleted in the work tree
            let head = handle.readData(ofLength: 4)
            try handle.close()
            let magic = [UInt8](head)
            let isExecutable = magic == [0x7F, 0x45, 0x4C, 0x46] || magic == [0xCF, 0xFA, 0xED, 0xFE] || magic == [0xFE, 0xED, 0xFA, 0xCF]
            #expect(!isExecutable, "\(file) is an executable binary: build products stay out of the repository")
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            #expect(file.hasPrefix("Tests/Fixtures/") || size <= 1 << 20, "\(file) is \(size) bytes: over 1 MB outside Tests/Fixtures")
        }
    }
}
