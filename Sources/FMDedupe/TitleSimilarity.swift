import FMList
/// A word of a normalised title, hashed: what the similarity compares.
struct TitleWord: Hashable, Sendable {
    var hash: UInt64
    /// The hash of the word without its digits, its `+` and a `v` before digits (`dino2` → `dino`,
    /// `7b` → `b`, `stunetv2` → `stunet`); 0 when nothing is left, that is, for a number or a version.
    var stem: UInt64

    init(_ word: UnsafeBufferPointer<UInt8>) {
        let (hash, stem) = word.allSatisfy { $0 < 0x80 }
            ? Self.hashes(ascii: word)
            : Self.hashes(scalars: String(decoding: word, as: UTF8.self).unicodeScalars)
        self.hash = hash
        self.stem = stem
    }

    private static func hashes(ascii word: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var whole = StableHash(), stem = StableHash()
        var hasStem = false
        let count = word.count
        var k = 0
        while k < count {
            let byte = word[k]
            whole.add(byte)
            let isDigit = byte &- 0x30 < 10
            let isVersionMark = byte == UInt8(ascii: "v") && k + 1 < count && word[k + 1] &- 0x30 < 10
            if !isDigit && byte != UInt8(ascii: "+") && !isVersionMark {
                stem.add(byte)
                hasStem = true
            }
            k += 1
        }
        return (whole.value, hasStem ? stem.value : 0)
    }

    private static func hashes(scalars: String.UnicodeScalarView) -> (UInt64, UInt64) {
        let scalars = Array(scalars)
        func isNumber(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.numericType != nil }
        var whole = StableHash(), stem = StableHash()
        var hasStem = false
        for (k, scalar) in scalars.enumerated() {
            let inStem = !isNumber(k) && scalar != "+" && !(scalar == "v" && isNumber(k + 1))
            UTF8.encode(scalar) { byte in
                whole.add(byte)
                if inStem { stem.add(byte) }
            }
            hasStem = hasStem || inStem
        }
        return (whole.value, hasStem ? stem.value : 0)
    }
}

/// Token similarity of two titles: the Jaccard index of their words, |A ∩ B| / |A ∪ B|, counted as
/// multisets (a word written twice counts twice), on normalised words. Word order does not count,
/// nor does hyphenation, since normalised words are joined across hyphens.
enum TitleSimilarity {
    /// The title's words, a repeated word numbered by its occurrence, ordered by hash.
    static func words(of normalizedTitle: String) -> [TitleWord] {
        var words = normalizedTitle.withUTF8Bytes { bytes in
            var words: [TitleWord] = []
            words.reserveCapacity(bytes.count / 6 + 1)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == Byte.space {
                if end > start { words.append(TitleWord(UnsafeBufferPointer(rebasing: bytes[start..<end]))) }
                start = end + 1
            }
            return words
        }
        words.sort { $0.hash < $1.hash }
        var previous: UInt64?
        var occurrence = 0
        var renamed = false
        for k in words.indices {
            let base = words[k].hash
            occurrence = base == previous ? occurrence + 1 : 1
            previous = base
            if occurrence > 1 {
                // `foundation foundation` is not `foundation`: the second is a word of its own.
                words[k].hash = StableHash.combine(base, UInt64(occurrence))
                renamed = true
            }
        }
        if renamed { words.sort { $0.hash < $1.hash } }
        return words
    }

    static func jaccard(_ a: [TitleWord], _ b: [TitleWord]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        let common = commonCount(a, b)
        return Double(common) / Double(a.count + b.count - common)
    }

    static func commonCount(_ a: [TitleWord], _ b: [TitleWord]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i].hash == b[j].hash {
                common += 1
                i += 1
                j += 1
            } else if a[i].hash < b[j].hash {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }

    /// True when the titles differ in a number or in a version of one name: `DoctorDino` and
    /// `DoctorDino2`, `Meditron-7B` and `Meditron-70B`, `CTFold` and `CTFold++`, `STU-Net` and
    /// `STU-Net-v2`, `Llama` and `Llama 2`. Such titles name different models however alike the
    /// rest is.
    static func differInVersion(_ a: [TitleWord], _ b: [TitleWord]) -> Bool {
        let onlyA = difference(a, b), onlyB = difference(b, a)
        if onlyA.contains(where: { $0.stem == 0 }) || onlyB.contains(where: { $0.stem == 0 }) { return true }
        let stemsA = Set(onlyA.map(\.stem))
        return onlyB.contains { stemsA.contains($0.stem) }
    }

    private static func difference(_ a: [TitleWord], _ b: [TitleWord]) -> [TitleWord] {
        var result: [TitleWord] = []
        var j = 0
        for word in a {
            while j < b.count && b[j].hash < word.hash { j += 1 }
            if j == b.count || b[j].hash != word.hash { result.append(word) }
        }
        return result
    }
}
