import Foundation

/// Folds a title to the form two spellings of the same title share.
///
/// Unicode NFKC, case-folded, diacritics removed, punctuation turned into word breaks and white
/// space collapsed, so `"Über  die Radiologie."` and `"uber die radiologie"` agree. Hyphens and
/// apostrophes join what they separate (`scBioLLaMA-7B` → `scbiollama7b`, `multi-institutional` →
/// `multiinstitutional`), so hyphenation never splits one word into two tokens. `+` stays part of
/// a word: `CTFold++` names another model than `CTFold`.
enum TitleNormalizer {
    static func normalize(_ title: String) -> String {
        var isASCII = true
        for byte in title.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        return isASCII ? normalizeASCII(title) : normalizeUnicode(title)
    }

    /// Splits a title at its first colon (`Name: what it does`) into the normalised parts before
    /// and after it; nil when either part is empty.
    static func parts(of title: String) -> (head: String, tail: String)? {
        guard let colon = title.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let head = normalize(String(title[..<colon]))
        let tail = normalize(String(title[title.index(after: colon)...]))
        guard !head.isEmpty, !tail.isEmpty else { return nil }
        return (head, tail)
    }

    // The common case, and by far the fastest: no normalisation form or folding table needed.
    private static func normalizeASCII(_ title: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(title.utf8.count)
        var pendingBreak = false
        for byte in title.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"):
                append(byte, to: &out, pendingBreak: &pendingBreak)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                append(byte + 32, to: &out, pendingBreak: &pendingBreak)
            case UInt8(ascii: "-"), UInt8(ascii: "'"):
                break
            default:
                pendingBreak = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ byte: UInt8, to out: inout [UInt8], pendingBreak: inout Bool) {
        if pendingBreak { out.append(0x20) }
        pendingBreak = false
        out.append(byte)
    }

    private static func normalizeUnicode(_ title: String) -> String {
        let folded = title.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingBreak = false
        for scalar in folded.unicodeScalars {
            if isJoiner(scalar) { continue }
            if isWordScalar(scalar) {
                if pendingBreak { out.append(" ") }
                pendingBreak = false
                out.append(scalar)
            } else {
                pendingBreak = !out.isEmpty
            }
        }
        return String(out)
    }

    /// Hyphens and apostrophes: they join the parts of one word.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x27, 0x2010, 0x2011, 0x2019, 0x02BC: return true
        default: return false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "+" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true  // marks left after folding belong to their letter (Devanagari vowel signs, kana voicing)
        default:
            return false
        }
    }
}
