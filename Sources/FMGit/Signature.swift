import CLibGit2
import Foundation

/// The author or the committer of a commit, resolved as git resolves them.
enum SignatureRole: String {
    case author, committer

    /// `GIT_AUTHOR` or `GIT_COMMITTER`, the prefix of the role's variables.
    var variablePrefix: String { "GIT_" + rawValue.uppercased() }
}

/// A name, an email and a moment, ready to become a `git_signature`.
struct SignatureValue: Equatable {
    let name: String
    let email: String
    /// Seconds since 1970 (UTC).
    let time: Int64
    /// The time zone's offset from UTC, in minutes.
    let offsetMinutes: Int32
}

extension Repository {
    /// The author or committer of a new commit, as `git commit` finds it: the name from
    /// `GIT_AUTHOR_NAME` (`GIT_COMMITTER_NAME`), else `author.name` (`committer.name`), else
    /// `user.name`; the email likewise, then `EMAIL`; the date from `GIT_AUTHOR_DATE`
    /// (`GIT_COMMITTER_DATE`), else now.
    func signature(
        _ role: SignatureRole, environment: [String: String], now: Date = Date()
    ) throws(GitError) -> SignatureValue {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let prefix = role.variablePrefix
        func first(_ variable: String, _ keys: [String]) throws(GitError) -> String? {
            if let value = nonEmpty(environment[variable]) { return value }
            for key in keys {
                if let value = nonEmpty(try configValue(key)) { return value }
            }
            return nil
        }
        let name = try first(prefix + "_NAME", [role.rawValue + ".name", "user.name"])
        let email = try first(prefix + "_EMAIL", [role.rawValue + ".email", "user.email"]) ?? nonEmpty(environment["EMAIL"])
        guard let name, let email else { throw GitError.missingIdentity }
        let time: GitDate
        if let value = nonEmpty(environment[prefix + "_DATE"]) {
            guard let parsed = GitDate(parsing: value) else { throw GitError.invalidDate(variable: prefix + "_DATE", value: value) }
            time = parsed
        } else {
            let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
            time = GitDate(seconds: seconds, offsetMinutes: GitDate.localOffsetMinutes(at: seconds))
        }
        return SignatureValue(name: name, email: email, time: time.seconds, offsetMinutes: Int32(time.offsetMinutes))
    }

    /// Runs `body` with the author and committer signatures of a new commit, freed afterwards.
    func withSignatures<T>(
        environment: [String: String],
        _ body: (_ author: UnsafeMutablePointer<git_signature>, _ committer: UnsafeMutablePointer<git_signature>) throws(GitError) -> T
    ) throws(GitError) -> T {
        let now = Date()
        let author = try makeSignature(signature(.author, environment: environment, now: now))
        defer { git_signature_free(author) }
        let committer = try makeSignature(signature(.committer, environment: environment, now: now))
        defer { git_signature_free(committer) }
        return try body(author, committer)
    }

    private func makeSignature(_ value: SignatureValue) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        let code = git_signature_new(&signature, value.name, value.email, git_time_t(value.time), Int32(value.offsetMinutes))
        try check(code, "use \(value.name) <\(value.email)> as the commit's author or committer")
        guard let signature else { throw GitError.missingIdentity }
        return signature
    }
}

/// A moment as git records it in a commit: seconds since 1970 and the offset of the time zone
/// it was written in. Reads the forms of `GIT_AUTHOR_DATE` that git documents: its own
/// (`@1112911993 +0200`, `1112911993 +0200`), ISO 8601 (`2005-04-07T22:13:13+02:00`) and
/// RFC 2822 (`Thu, 07 Apr 2005 22:13:13 +0200`). Without an offset, the local time zone's.
struct GitDate: Equatable {
    let seconds: Int64
    let offsetMinutes: Int

    init(seconds: Int64, offsetMinutes: Int) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let date = GitDate.internalForm(text) ?? GitDate.iso8601(text) ?? GitDate.rfc2822(text) else { return nil }
        self = date
    }

    static func localOffsetMinutes(at seconds: Int64) -> Int {
        TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    }

    /// `@SECONDS [±hhmm]` or `SECONDS ±hhmm`.
    private static func internalForm(_ text: String) -> GitDate? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, words.count <= 2 else { return nil }
        let hasAt = first.hasPrefix("@")
        let digits = hasAt ? first.dropFirst() : first
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let seconds = Int64(digits) else { return nil }
        if words.count == 1 { return hasAt ? GitDate(seconds: seconds, offsetMinutes: 0) : nil }
        guard let offset = offset(words[1]) else { return nil }
        return GitDate(seconds: seconds, offsetMinutes: offset)
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][Z| ±hh:mm|±hhmm|±hh]`.
    private static func iso8601(_ text: String) -> GitDate? {
        var scanner = Scan(text)
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2), scanner.take("T") || scanner.take(" ") || scanner.take("t"),
            let clock = scanner.clock()
        else { return nil }
        if scanner.take(".") { _ = scanner.digits() }
        let rest = scanner.rest.trimmingCharacters(in: .whitespaces)
        let offset: Int?
        if rest.isEmpty { offset = nil } else if rest == "Z" || rest == "z" { offset = 0 } else {
            guard let parsed = GitDate.offset(Substring(rest)) else { return nil }
            offset = parsed
        }
        return make(year: year, month: month, day: day, clock: clock, offset: offset)
    }

    /// `[Day, ]DD Mon YYYY HH:MM[:SS] [±hhmm]`.
    private static func rfc2822(_ text: String) -> GitDate? {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let first = words.first, first.hasSuffix(",") || weekdays.contains(first.lowercased().prefix(3).description) && first.count <= 4 {
            words.removeFirst()
        }
        guard words.count == 4 || words.count == 5, let day = Int(words[0]),
            let month = months.firstIndex(of: words[1].lowercased().prefix(3).description).map({ $0 + 1 }),
            words[0].allSatisfy(\.isASCIIDigit), words[2].count == 4, let year = Int(words[2])
        else { return nil }
        var scanner = Scan(words[3])
        guard let clock = scanner.clock(), scanner.rest.isEmpty else { return nil }
        var offset: Int?
        if words.count == 5 {
            guard let parsed = GitDate.offset(Substring(words[4])) else { return nil }
            offset = parsed
        }
        return make(year: year, month: month, day: day, clock: clock, offset: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `±hhmm`, `±hh:mm` or `±hh`, in minutes.
    private static func offset(_ text: Substring) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        var digits = text.dropFirst()
        if digits.count == 5, digits.dropFirst(2).first == ":" { digits = digits.prefix(2) + digits.suffix(2) }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy(\.isASCIIDigit),
            let hours = Int(digits.prefix(2)), let minutes = Int(digits.count == 4 ? digits.suffix(2) : "0"),
            hours < 24, minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    private static func make(year: Int, month: Int, day: Int, clock: (Int, Int, Int), offset: Int?) -> GitDate? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), (1970...2999).contains(year)
        else { return nil }
        let local = Int64(daysSince1970(year: year, month: month, day: day)) * 86_400
            + Int64(clock.0 * 3600 + clock.1 * 60 + clock.2)
        let minutes = offset ?? localOffsetMinutes(at: local)
        return GitDate(seconds: local - Int64(minutes * 60), offsetMinutes: minutes)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to the date, in the proleptic Gregorian calendar.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A cursor over the characters of a date.
    private struct Scan {
        private var remaining: Substring
        init(_ text: String) { remaining = Substring(text) }
        var rest: String { String(remaining) }

        mutating func take(_ character: Character) -> Bool {
            guard remaining.first == character else { return false }
            remaining = remaining.dropFirst()
            return true
        }

        mutating func digits() -> Substring {
            let run = remaining.prefix(while: \.isASCIIDigit)
            remaining = remaining.dropFirst(run.count)
            return run
        }

        mutating func number(digits count: Int) -> Int? {
            let run = remaining.prefix(count)
            guard run.count == count, run.allSatisfy(\.isASCIIDigit) else { return nil }
            remaining = remaining.dropFirst(count)
            return Int(run)
        }

        /// `HH:MM[:SS]`.
        mutating func clock() -> (Int, Int, Int)? {
            guard let hours = number(digits: 2), take(":"), let minutes = number(digits: 2), hours < 24, minutes < 60 else { return nil }
            var seconds = 0
            if take(":") {
                guard let parsed = number(digits: 2), parsed <= 60 else { return nil }
                seconds = parsed
            }
            return (hours, minutes, seconds)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
