import FMDedupe
import FMList
import Foundation
import Synchronization

/// What a rule sees: the document, its list view and the configuration, with the lines that hold
/// code or HTML marked so that rules leave them alone.
public struct RuleContext: Sendable {
    public let view: ListView
    public var document: Document { view.document }
    public var configuration: Configuration { view.configuration }

    public init(view: ListView) {
        let finder = DuplicateFinder(configuration: view.configuration)
        self.init(view: view, finder: finder) { finder.candidates(in: view) }
    }

    /// The context of a list that shares most entries with `other`'s (the list before and after
    /// `add --from`): the duplicate search reuses the fingerprints `other` made of the entries
    /// that are the same. `lineInOther` maps a line of `view` to its line in `other`'s list,
    /// nil for a line it does not have.
    public init(view: ListView, reusingFingerprintsOf other: RuleContext, lineInOther: @escaping @Sendable (Int) -> Int?) {
        let finder = DuplicateFinder(configuration: view.configuration)
        let known = other.duplicateCandidates, otherView = other.view
        self.init(view: view, finder: finder) {
            finder.candidates(in: view, reusing: known.value, of: otherView, lineThere: lineInOther)
        }
    }

    private init(view: ListView, finder: DuplicateFinder, candidates compute: @escaping @Sendable () -> DuplicateFinder.Candidates) {
        self.view = view
        let candidates = Lazy(compute)
        duplicateCandidates = candidates
        duplicateClusters = Lazy { finder.clusters(in: view, prepared: candidates.value) }
    }

    /// The list's duplicates, found once for the rules that report them (in the configured scope).
    public var duplicates: [DuplicateCluster] { duplicateClusters.value }
    private let duplicateClusters: Lazy<[DuplicateCluster]>

    /// Reads what the duplicate search compares (the fingerprint of every entry) ahead of the
    /// search itself, on all cores.
    public func prepareDuplicates() { _ = duplicateCandidates.value }
    private let duplicateCandidates: Lazy<DuplicateFinder.Candidates>

    private var linksByLine: [[InlineLink]] { view.linksByLine }

    /// The links on line `line`; none inside code blocks.
    public func links(onLine line: Int) -> [InlineLink] { line <= linksByLine.count ? linksByLine[line - 1] : [] }

    /// Lines that hold at least one link, in order.
    public var linesWithLinks: [Int] {
        linksByLine.indices.filter { !linksByLine[$0].isEmpty }.map { $0 + 1 }
    }

    /// Whether line `line` is code or HTML, where Markdown rules do not apply.
    public func isVerbatim(_ line: Int) -> Bool { line <= view.verbatim.count && view.verbatim[line - 1] != .none }

    /// Whether line `line` lies in a code block.
    public func isCode(_ line: Int) -> Bool { line <= view.verbatim.count && view.verbatim[line - 1] == .code }

    /// The column of byte `offset` of line `line`.
    public func column(ofByte offset: Int, line: Int) -> Int {
        Column.of(byteOffset: offset, in: document.lineBytes(line))
    }
}

/// A value computed the first time a rule asks for it, and shared by the rules running at once.
final class Lazy<Value: Sendable>: Sendable {
    private let computed = Mutex<Value?>(nil)
    private let compute: @Sendable () -> Value

    init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    /// Computed under the lock: a second rule asking meanwhile waits for the first's answer.
    var value: Value {
        computed.withLock { computed in
            if let computed { return computed }
            let value = compute()
            computed = value
            return value
        }
    }
}
