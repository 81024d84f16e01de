/// GitHub's heading anchors: lower case, punctuation, symbols and emoji removed, spaces turned to
/// hyphens, and `-1`, `-2`, … added to repeated headings (the algorithm of github-slugger).
public struct AnchorGenerator: Sendable {
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug of `text` before de-duplication: letters, marks, numbers, connector punctuation,
    /// spaces and hyphens are kept.
    public static func slug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                result.append(scalar)
            default:
                if scalar == " " { result.append("-") } else if scalar == "-" { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// The anchor of the next heading with text `text`, unique within the document.
    public mutating func anchor(for text: String) -> String {
        let original = Self.slug(text)
        var result = original
        while occurrences[result] != nil {
            let count = (occurrences[original] ?? 0) + 1
            occurrences[original] = count
            result = "\(original)-\(count)"
        }
        occurrences[result] = 0
        return result
    }
}
