import Foundation

/// The year a paper appeared, where its link tells it offline: an arXiv id (`2401.00153` → 2024,
/// old style `cs/0501001` → 2005), a bioRxiv or medRxiv DOI (`10.1101/2023.10.03.560734`), a
/// Nature article id (`s41586-023-06555-x`).
public enum YearHint {
    public static func year(fromLink url: String) -> Int? {
        let text = url.lowercased()
        if text.contains("arxiv.org/") {
            if let match = text.firstMatch(of: /(?:abs|pdf|html)\/(\d{2})(\d{2})\.\d{4,5}/), let yy = Int(match.1), let mm = Int(match.2), (1...12).contains(mm) {
                return century(yy)
            }
            if let match = text.firstMatch(of: /(?:abs|pdf)\/[a-z\-]+(?:\.[a-z]{2})?\/(\d{2})(\d{2})\d{3}/), let yy = Int(match.1) {
                return century(yy)
            }
        }
        if text.contains("10.1101/"), let match = text.firstMatch(of: /10\.1101\/(\d{4})\.\d{2}\.\d{2}/), let year = Int(match.1) {
            return year
        }
        if text.contains("nature.com/articles/"), let match = text.firstMatch(of: /s\d{5}-(\d{3})-\d{4,5}/), let y = Int(match.1) {
            return 2000 + y % 100
        }
        return nil
    }

    /// arXiv ids count years from 1991: `91`…`99` are 1991–1999, the rest 2000 on.
    private static func century(_ yy: Int) -> Int {
        yy >= 91 ? 1900 + yy : 2000 + yy
    }
}
