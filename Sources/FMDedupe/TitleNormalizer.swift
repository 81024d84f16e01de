import FMList
import Foundation

/// Folds a title to the form two spellings of the same title share.
///
/// Unicode NFKC, case-folded, diacritics removed, punctuation turned into word breaks and white
/// space collapsed, so `"Über  die Radiologie."` and `"uber die radiologie"` agree. Hyphens and
/// apostrophes join what they separate (`scBioLLaMA-7B` → `scbiollama7b`, `multi-institutional` →
/// `multiinstitutional`), so hyphenation never splits one word into two tokens. `+` stays part of
/// a word: `CTFold++` names another model than `CTFold`.
enum TitleNormalizer {
    /// A normalised title, and where in it the original's first colon was (`Name: what it does`):
    /// the length in bytes of the part before it, when both parts are non-empty. The part after
    /// starts one byte later, past the space.
    struct Result {
        var title: String
        var colon: Int?
    }

    static func normalize(_ title: String) -> String {
        analyze(title).title
    }

    static func analyze(_ title: String) -> Result {
        title.withUTF8Bytes { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? analyzeASCII(bytes) : analyzeUnicode(title)
        }
    }

    /// The normalised title without its spaces.
    static func compact(_ normalized: String) -> String {
        guard normalized.utf8.contains(Byte.space) else { return normalized }
        return String(decoding: normalized.utf8.filter { $0 != Byte.space }, as: UTF8.self)
    }

    // The common case, and by far the fastest: no normalisation form or folding table needed.
    private static func analyzeASCII(_ title: UnsafeBufferPointer<UInt8>) -> Result {
        var colon: Int?
        // Written straight into the string's storage: the title never grows.
        let normalized = String(unsafeUninitializedCapacity: title.count) { out in
            var count = 0
            var pendingBreak = false
            func append(_ byte: UInt8) {
                if pendingBreak {
                    out[count] = Byte.space
                    count += 1
                }
                pendingBreak = false
                out[count] = byte
                count += 1
            }
            for byte in title {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"):
                    append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    append(byte + 32)
                case UInt8(ascii: "-"), UInt8(ascii: "'"):
                    break
                default:
                    if byte == UInt8(ascii: ":") && colon == nil { colon = count }
                    pendingBreak = count > 0
                }
            }
            if let at = colon, !(at > 0 && at < count) { colon = nil }
            return count
        }
        return Result(title: normalized, colon: colon)
    }

    private static func analyzeUnicode(_ title: String) -> Result {
        // NFKC turns the full-width colon into `:`.
        let folded = title.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out: [Unicode.Scalar] = []
        var pendingBreak = false
        var colon: Int?
        for original in folded.unicodeScalars {
            if isJoiner(original) { continue }
            let scalar = latinLookalike(original) ?? original
            if isWordScalar(scalar) {
                if pendingBreak { out.append(" ") }
                pendingBreak = false
                out.append(scalar)
            } else {
                if scalar == ":" && colon == nil { colon = out.count }
                pendingBreak = !out.isEmpty
            }
        }
        let title = String(String.UnicodeScalarView(out))
        guard let colon, colon > 0, colon < out.count else { return Result(title: title) }
        let bytesBefore = String(String.UnicodeScalarView(out[..<colon])).utf8.count
        return Result(title: title, colon: bytesBefore)
    }

    /// The Latin letter that a Cyrillic or Greek letter (case-folded) looks like: a title that
    /// differs from a listed one only by such letters is the same title made to look new.
    private static func latinLookalike(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0430, 0x03B1: return "a"
        case 0x0432, 0x03B2: return "b"
        case 0x0441, 0x03F2: return "c"
        case 0x0501: return "d"
        case 0x0435, 0x03B5: return "e"
        case 0x04BB, 0x043D, 0x03B7: return "h"
        case 0x0456, 0x03B9: return "i"
        case 0x0458, 0x03F3: return "j"
        case 0x043A, 0x03BA: return "k"
        case 0x04CF: return "l"
        case 0x043C, 0x03BC: return "m"
        case 0x03BD: return "n"
        case 0x043E, 0x03BF: return "o"
        case 0x0440, 0x03C1: return "p"
        case 0x051B: return "q"
        case 0x0455: return "s"
        case 0x0442, 0x03C4: return "t"
        case 0x03C5: return "u"
        case 0x051D: return "w"
        case 0x0445, 0x03C7: return "x"
        case 0x0443: return "y"
        case 0x03B6: return "z"
        default: return nil
        }
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
