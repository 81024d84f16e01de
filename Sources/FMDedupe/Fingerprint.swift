import FMList
/// An entry's keys in the form the search compares quickly: hashes and a bag of hashed words.
/// A class, so that the search's arrays share one copy of each.
final class Fingerprint: Sendable {
    /// Subtitles shorter than this are too generic to name one paper (`a survey`).
    static let minimumSubtitleWords = 5

    let keys: EntryKeys
    /// Hashes of the compact title (without spaces) and of the compact parts around its colon;
    /// 0 for none.
    let title: UInt64
    let head: UInt64
    let tail: UInt64
    /// The title's words, ordered by hash (see `TitleSimilarity.words(of:)`).
    let words: [TitleWord]
    /// For a title of one or two words (a name), the hash of its spelling: case-folded, but with
    /// its hyphens and spaces (`PMC-Mamba` is not spelled `PMCMamba`); 0 for longer titles.
    let nameSpelling: UInt64
    /// The hashes under which the exact-key search files the entry.
    let exactKeys: [(hash: UInt64, isTitlePart: Bool)]

    init(title: String?, urls: some Sequence<String>) {
        let keys = EntryKeys(title: title, urls: urls)
        self.keys = keys
        (self.title, head, tail) = keys.title.withUTF8Bytes { bytes in
            guard let colon = keys.colon else { return (Self.compactHash(bytes[...]), 0, 0) }
            let tail = bytes[(colon + 1)...]
            let tailWords = tail.count(where: { $0 == Byte.space }) + 1
            return (Self.compactHash(bytes[...]), Self.compactHash(bytes[..<colon]),
                    tailWords >= Self.minimumSubtitleWords ? Self.compactHash(tail) : 0)
        }
        words = TitleSimilarity.words(of: keys.title)
        nameSpelling = words.count < PairJudge.sentenceWords ? Self.spellingHash(title ?? "") : 0
        exactKeys = Self.exactKeys(keys, title: self.title, head: head, tail: tail, words: words)
    }

    var hasTitle: Bool { title != 0 }

    /// Identity keys carry their kind, so an arXiv id never meets an address; the title's parts
    /// share the title's kind, so `Models Genesis` meets the head of `Models Genesis: …`.
    private static func exactKeys(_ keys: EntryKeys, title: UInt64, head: UInt64, tail: UInt64,
                                  words: [TitleWord]) -> [(hash: UInt64, isTitlePart: Bool)] {
        // Labelled as returned: a relabelling conversion would cast every element at run time.
        var result: [(hash: UInt64, isTitlePart: Bool)] = []
        result.reserveCapacity(4 + keys.arXivIDs.count + keys.dois.count + keys.urls.count + keys.repositories.count)
        if title != 0 { result.append((title, false)) }
        if head != 0 { result.append((head, true)) }
        if tail != 0 { result.append((tail, true)) }
        // The same words in another order: `Genesis models` and `Models genesis`.
        if words.count > 1 { result.append((words.reduce(Salt.wordSet) { StableHash.combine($0, $1.hash) }, false)) }
        for id in keys.arXivIDs { result.append((StableHash.of(id, salt: Salt.arXiv), false)) }
        for doi in keys.dois { result.append((StableHash.of(doi, salt: Salt.doi), false)) }
        for url in keys.urls { result.append((StableHash.of(url, salt: Salt.url), false)) }
        for repository in keys.repositories { result.append((StableHash.of(repository, salt: Salt.code), false)) }
        return result
    }

    /// Lower-cased, white space collapsed, without the closing punctuation.
    private static func spellingHash(_ title: String) -> UInt64 {
        var text = Substring(title.lowercased())
        while let last = text.last, last.isWhitespace || last == "." || last == "?" || last == "!" { text.removeLast() }
        var hash = StableHash(salt: Salt.spelling)
        for word in text.split(whereSeparator: \.isWhitespace) {
            hash.add(word)
            hash.add(Byte.space)
        }
        return hash.value
    }

    /// The hash of a normalised title without its spaces; 0 for an empty one.
    private static func compactHash(_ normalized: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        guard !normalized.isEmpty else { return 0 }
        var hash = StableHash(salt: Salt.title)
        for byte in normalized where byte != Byte.space { hash.add(byte) }
        return hash.value
    }

    private enum Salt {
        static let title: UInt64 = 1
        static let wordSet: UInt64 = 2
        static let arXiv: UInt64 = 3
        static let doi: UInt64 = 4
        static let url: UInt64 = 5
        static let code: UInt64 = 6
        static let spelling: UInt64 = 7
    }
}
