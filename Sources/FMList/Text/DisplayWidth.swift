/// How many columns text takes in a monospace view (a terminal, GitHub's code view): East Asian
/// wide characters and emoji take two, combining marks and zero-width joins none. The widths are
/// those of Python's `wcwidth.wcswidth`, which mdformat-tables pads with.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        var lastWidth = 0
        var lastScalar: UInt32 = 0
        var skipNext = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if skipNext { skipNext = false; continue }
            if value >= Byte.space && value < 0x7F {
                total += 1
                lastWidth = 1
                lastScalar = value
                continue
            }
            switch value {
            case 0x200D:  // a zero-width joiner joins the next character to the cluster
                skipNext = true
                continue
            case 0xFE0F:  // emoji presentation widens the character before it
                if lastWidth == 1 && contains(DisplayWidthTables.narrowToWideWithVS16, lastScalar) {
                    total += 1
                    lastWidth = 2
                }
                continue
            case 0x1F3FB...0x1F3FF where lastWidth == 2:  // a skin tone joins the emoji before it
                continue
            case 0x1F1E6...0x1F1FF where lastScalar >= 0x1F1E6 && lastScalar <= 0x1F1FF:
                // Two regional indicators make one flag.
                lastScalar = 0
                continue
            default:
                break
            }
            let width = of(scalar: value)
            total += width
            if width > 0 {
                lastWidth = width
                lastScalar = value
            }
        }
        return total
    }

    /// The width of one character: 0, 1 or 2 (control characters count 0).
    public static func of(scalar value: UInt32) -> Int {
        if value >= Byte.space && value < 0x7F { return 1 }
        if value < Byte.space || (value >= 0x7F && value < 0xA0) { return 0 }
        if contains(DisplayWidthTables.zero, value) { return 0 }
        if contains(DisplayWidthTables.wide, value) { return 2 }
        return 1
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle].lowerBound { high = middle - 1 } else if value > table[middle].upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}
