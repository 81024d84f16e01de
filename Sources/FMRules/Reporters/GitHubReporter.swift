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

    /// Escapes a message the way the Actions runner reads it back.
    private func data(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value, where `:` and `,` also separate.
    private func property(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// The string with each character that is a key of `table` replaced by its value.
    func replacingAll(_ table: [Character: String]) -> String {
        var out = ""
        for character in self {
            if let replacement = table[character] { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// The string with `&`, `<`, `>` and quotes escaped for XML.
    var xmlEscaped: String {
        replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])
    }
}
