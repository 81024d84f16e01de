import ArgumentParser

@main
struct Fmadd: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fmadd",
        abstract: "Keeps a curated Markdown list of papers healthy.",
        discussion: """
            Checks a list against its rules (`fmadd check`). Categories, label spellings and rule \
            settings come from `.fmadd.yml` in the list's repository.
            """,
        version: version,
        subcommands: [Add.self, Check.self, Dedupe.self, Fix.self, Hook.self, PR.self, Rules.self, Schema.self, Validate.self],
        defaultSubcommand: Add.self)
}
