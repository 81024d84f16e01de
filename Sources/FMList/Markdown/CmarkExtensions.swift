import CCmarkGFM

/// GitHub's extensions of cmark-gfm, registered once per process.
enum CmarkExtensions {
    /// cmark-gfm guards its registration with a plain flag: two threads parsing their first
    /// document at once both register, and the second renumbers the table's node types under
    /// the first one's parser, whose cells then read as nothing. Swift's lazy `static let` runs
    /// it exactly once.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    static func ensureRegistered() { registered }
}
