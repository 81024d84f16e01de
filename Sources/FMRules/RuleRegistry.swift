/// Every rule fmadd has, in the order `fmadd rules` lists them.
///
/// One rule, one file in `Rules/`, named after its type; a test fails when a file in `Rules/`
/// is missing here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        DuplicateHeadingRule.self,
        PlaceholderEntryRule.self,
        EmptyLinkTargetRule.self,
        MalformedLinkRule.self,
        TocBrokenLinkRule.self,
        TocTextMismatchRule.self,
        TocMissingHeadingRule.self,
        TocNestingRule.self,
        DoubledListMarkerRule.self,
        YearOrderRule.self,
        SwallowedYearMarkerRule.self,
        UnparsableEntryRule.self,
        EntrySchemaRule.self,
        DuplicateEntryRule.self,
        PossibleDuplicateRule.self,
        TableCellCountRule.self,
        MixedLabelCaseRule.self,
        LinkSpacingRule.self,
        TrailingWhitespaceRule.self,
        TabInTableCellRule.self,
        TableAlignmentRule.self,
        BlankLineAroundTableRule.self,
        CountBadgeRule.self,
    ]

    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.description.id == id }?.description
    }
}
