import FMList

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
/// diff (`::error file=README.md,line=12,col=3,title=empty-link-target::…`).
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ reports: [Report]) -> String {
        var out = ""
        for report in reports {
            for finding in report.findings {
                let command = finding.severity == .error ? "error" : "warning"
                out += "::\(command) file=\(property(report.file)),line=\(finding.line),col=\(finding.column),title=\(property(finding.ruleID))::\(data(finding.message))\n"
            }
        }
        return out
    }

    /// Escapes a message the way the Actions runner reads it back (actions/toolkit's
    /// `escapeData`); other control characters are shown as escapes, not sent to the log.
    private func data(_ text: String) -> String {
        ControlCharacters.escaped(text, keeping: ["\r", "\n", "\t"])
            .replacingAllScalars(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value, where `:` and `,` also separate (`escapeProperty`).
    private func property(_ text: String) -> String {
        ControlCharacters.escaped(text, keeping: ["\r", "\n", "\t"])
            .replacingAllScalars(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// The string with each scalar that is a key of `table` replaced by its value. Scalars, not
    /// characters: "\r\n" is one `Character`, and each of its two scalars needs its escape.
    func replacingAllScalars(_ table: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The string as XML 1.0 element text: `&`, `<`, `>` and quotes escaped, and the control
    /// characters XML forbids (and DEL, C1) shown as visible escapes; tab and line breaks stay.
    var xmlEscaped: String {
        ControlCharacters.escaped(self, keeping: ["\t", "\n", "\r"])
            .replacingAllScalars(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])
    }

    /// The string as an XML attribute value: as element text, and line breaks as character
    /// references (a parser turns raw ones into spaces).
    var xmlAttributeEscaped: String {
        xmlEscaped.replacingAllScalars(["\n": "&#10;", "\r": "&#13;"])
    }
}
