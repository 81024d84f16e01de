/// A word of a normalised title, hashed: what the similarity compares.
struct TitleWord: Hashable, Sendable {
    var hash: UInt64
    /// The hash of the word without its digits and `+` (`dino2` → `dino`, `7b` → `b`); 0 when
    /// nothing is left, that is, for a number.
    var stem: UInt64

    init(_ word: Substring) {
        var whole = StableHash(), stem = StableHash()
        var hasStem = false
        for scalar in word.unicodeScalars {
            let isNumber = scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
            let inStem = !isNumber && scalar != "+"
            UTF8.encode(scalar) { byte in
                whole.add(byte)
                if inStem { stem.add(byte) }
            }
            hasStem = hasStem || inStem
        }
        hash = whole.value
        self.stem = hasStem ? stem.value : 0
    }
}

/// Token similarity of two titles: the Jaccard index of their word sets, |A ∩ B| / |A ∪ B|, on
/// normalised words. Word order and repeated words do not count; hyphenation does not either,
/// since normalised words are joined across hyphens.
enum TitleSimilarity {
    /// The title's distinct words, ordered by hash.
    static func words(of normalizedTitle: String) -> [TitleWord] {
        var seen = Set<UInt64>()
        var words: [TitleWord] = []
        for word in normalizedTitle.split(separator: " ") {
            let hashed = TitleWord(word)
            if seen.insert(hashed.hash).inserted { words.append(hashed) }
        }
        return words.sorted { $0.hash < $1.hash }
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
    /// `DoctorDino2`, `Meditron-7B` and `Meditron-70B`, `CTFold` and `CTFold++`, `Llama` and
    /// `Llama 2`. Such titles name different models however alike the rest is.
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
