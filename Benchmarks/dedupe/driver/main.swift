// Prints the duplicate clusters of a list as `fmadd dedupe --json` does, for the benchmark to run
// until that command exists (run.sh builds it in a package of its own under .build/).
//
//   dedupe-driver [--scope section|category|list] [--threshold T] [--min-confidence C] [--time] [--parse-only] FILE
//
// --time prints the time of each stage to standard error; --parse-only stops after reading the list.
import FMDedupe
import FMList
import Foundation

struct Options {
    var scope: Configuration.DedupeScope?
    var threshold: Double?
    var minimumConfidence = DuplicateConfidence.possible
    var timing = false
    var parseOnly = false
    var path: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--scope": scope = rest.popFirst().flatMap(Configuration.DedupeScope.init(rawValue:))
            case "--threshold": threshold = rest.popFirst().flatMap(Double.init)
            case "--min-confidence":
                minimumConfidence = rest.popFirst().flatMap(DuplicateConfidence.init(rawValue:)) ?? .possible
            case "--time": timing = true
            case "--parse-only": parseOnly = true
            default: path = argument
            }
        }
    }
}

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
guard let path = options.path else {
    fail("usage: dedupe-driver [--scope S] [--threshold T] [--min-confidence C] [--time] FILE", code: 64)
}
var configuration = Configuration.healthcareDefault
if let threshold = options.threshold { configuration.dedupeThreshold = threshold }
let start = Date()
do {
    let view = ListView(document: try Document(contentsOf: path), configuration: configuration)
    let parsed = Date()
    if options.parseOnly { exit(0) }
    let clusters = DuplicateFinder(configuration: configuration)
        .clusters(in: view, scope: options.scope, minimumConfidence: options.minimumConfidence)
    let found = Date()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    FileHandle.standardOutput.write(try encoder.encode(DuplicateReport(clusters: clusters)) + Data("\n".utf8))
    if options.timing {
        let times = [parsed.timeIntervalSince(start), found.timeIntervalSince(parsed), Date().timeIntervalSince(found)]
        FileHandle.standardError.write(Data(String(format: "parse %.3f s, dedupe %.3f s, output %.3f s, %d clusters\n",
                                                   times[0], times[1], times[2], clusters.count).utf8))
    }
} catch {
    fail("\(error)", code: 1)
}
