import ArgumentParser
import CMalloc

@main
struct Fmadd: ParsableCommand {
    static let version = "0.1.0"

    static func main() {
        keepFreedMemory()
        main(nil)
    }

    /// A list of 100,000 entries makes arrays of megabytes that grow and are let go. By default
    /// the C allocator gives each to the kernel and takes fresh pages for the next, and every
    /// fresh page costs a fault and a page of zeros: on a virtual machine, more than filling it.
    /// One run of fmadd is short, so it keeps what it frees for its next allocations.
    private static func keepFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 30)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        #endif
    }

    static let configuration = CommandConfiguration(
        commandName: "fmadd",
        abstract: "Keeps a curated Markdown list of papers healthy.",
        discussion: """
            Checks a list against its rules (`fmadd check`). Categories, label spellings and rule \
            settings come from `.fmadd.yml` in the list's repository.
            """,
        version: version,
        subcommands: [Add.self, Check.self, Dedupe.self, Export.self, Fix.self, Hook.self, Init.self, IssueForm.self, PR.self, Refresh.self, Rules.self, Schema.self, Stats.self, Validate.self],
        defaultSubcommand: Add.self)
}
