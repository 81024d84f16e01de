import FMList
import FMRules

/// libFuzzer's entry point: every valid UTF-8 input must parse and render back byte for byte,
/// must give the same blocks whole and in pieces, and the list view and rules must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoundTrip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? Document(bytes: bytes) else { return 0 }  // invalid UTF-8 is refused
    if document.render() != bytes { fatalError("round trip changed the bytes") }
    let whole = document.blocks
    if let pieces = try? Document(bytes: bytes, path: "", parallelThreshold: 0, pieces: 3), pieces.blocks != whole {
        fatalError("parsing in pieces changed the blocks")
    }
    var next = 1
    for index in document.topLevel {
        if document.blocks[index].lines.lowerBound != next { fatalError("blocks do not partition the lines") }
        next = document.blocks[index].lines.upperBound + 1
    }
    if next != document.lines.count + 1 { fatalError("blocks do not cover the last line") }
    let view = ListView(document: document, configuration: .healthcareDefault)
    let findings = Linter().findings(in: view)
    var edits: [LineEdit] = []
    for finding in findings {
        guard let fix = finding.fix, !fix.edits.contains(where: { e in edits.contains { $0.overlaps(e) || $0 == e } }) else { continue }
        edits += fix.edits
    }
    _ = document.applying(edits)
    return 0
}
