/// A JSON number.
///
/// JSON does not separate integers from floating-point numbers; JSON Schema calls a number an
/// integer when its value has no fractional part (`1.0` is an integer). `JSONNumber` keeps the
/// `Double` value, and the exact value when the number is an integer that fits in 64 bits, so
/// that integers beyond 2^53 compare exactly and `multipleOf` can work on exact decimals.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value as a `Double` (rounded for integers beyond 2^53; infinite beyond its range).
    public let double: Double
    /// The exact value, when the number is an integer that fits in an `Int64`.
    public let exactInteger: Int64?

    public init(_ value: Int) {
        self.init(Int64(value))
    }

    public init(_ value: Int64) {
        double = Double(value)
        exactInteger = value
    }

    public init(_ value: Double) {
        double = value
        exactInteger = value.rounded(.towardZero) == value ? Int64(exactly: value) : nil
    }

    /// True when the value has no fractional part (JSON Schema's `integer`).
    public var isInteger: Bool {
        exactInteger != nil || (double.isFinite && double.rounded(.towardZero) == double)
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.exactInteger, let right = rhs.exactInteger { return left == right }
        return lhs.double == rhs.double
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.exactInteger, let right = rhs.exactInteger { return left < right }
        return lhs.double < rhs.double
    }

    /// Hashes the `Double` value: equal numbers always have equal `Double` values.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }

    /// The number as JSON text: integers without a fraction, others in the shortest form that
    /// reads back as the same `Double`.
    public var description: String {
        if let exactInteger { return String(exactInteger) }
        if double.isNaN || double.isInfinite { return "null" }
        return "\(double)"
    }
}

extension JSONNumber {
    /// The value as `significand × 10^exponent` with an exact integer significand, read from the
    /// exact integer or from the shortest decimal form of the `Double` (which is the decimal that
    /// was written, for numbers written with at most 15 significant digits).
    var decimal: (significand: Int64, exponent: Int)? {
        if let exactInteger { return normalized(exactInteger, 0) }
        guard double.isFinite else { return nil }
        let text = "\(double)"
        var significand: Int64 = 0
        var exponent = 0
        var negative = false
        var seenPoint = false
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (times10, overflow1) = significand.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                significand = sum
                if seenPoint { exponent -= 1 }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard let power = Int(String(Substring(utf8))) else { return nil }
                exponent += power
                utf8 = utf8[utf8.endIndex...]
            default:
                return nil
            }
        }
        return normalized(negative ? -significand : significand, exponent)
    }

    private func normalized(_ significand: Int64, _ exponent: Int) -> (significand: Int64, exponent: Int) {
        var significand = significand
        var exponent = exponent
        while significand != 0 && significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        return (significand, exponent)
    }

    /// Whether `self` divided by `divisor` is an integer, computed on exact decimals so that
    /// `0.0075` is a multiple of `0.0001`; falls back to `Double` division when a value has more
    /// digits than an `Int64` holds.
    func isMultiple(of divisor: JSONNumber) -> Bool {
        guard double.isFinite, divisor.double != 0 else { return false }
        guard let value = decimal, let step = divisor.decimal, step.significand != 0 else {
            let quotient = double / divisor.double
            return quotient.isFinite && quotient.rounded(.towardZero) == quotient
        }
        if value.significand == 0 { return true }
        let numerator = value.significand.magnitude
        let denominator = step.significand.magnitude
        let shift = value.exponent - step.exponent
        if shift >= 0 {
            // numerator × 10^shift divisible by denominator: carry the remainder digit by digit.
            var remainder = numerator % denominator
            var steps = shift
            while remainder != 0 && steps > 0 {
                let product = remainder.multipliedFullWidth(by: 10)
                remainder = denominator.dividingFullWidth(product).remainder
                steps -= 1
            }
            return remainder == 0
        }
        // numerator divisible by denominator × 10^-shift; a divisor larger than the value is not.
        var scaled = denominator
        for _ in 0 ..< -shift {
            let (product, overflow) = scaled.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            scaled = product
        }
        return numerator % scaled == 0
    }
}
