/// A JSON number.
///
/// JSON does not separate integers from floating-point numbers; JSON Schema calls a number an
/// integer when its value has no fractional part (`1.0` is an integer). `JSONNumber` keeps the
/// `Double` value, and the exact value when the number is an integer that fits in 64 bits, so
/// that integers beyond 2^53 compare exactly and `multipleOf` can work on exact decimals.
/// A number beyond `Double`'s range (`1e400`, or `1e-400`, which rounds to 0) also keeps its
/// exact decimal value and the text it was written as: it compares exactly (`1e401` is more
/// than `1e400`) and is shown as written, never as `null`.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value as a `Double` (rounded for integers beyond 2^53; infinite beyond its range).
    public let double: Double
    /// The exact value, when the number is an integer that fits in an `Int64`.
    public let exactInteger: Int64?
    /// The exact value and the text, when the number is beyond `Double`'s range.
    let beyondRange: BeyondRange?

    public init(_ value: Int) {
        self.init(Int64(value))
    }

    public init(_ value: Int64) {
        double = Double(value)
        exactInteger = value
        beyondRange = nil
    }

    public init(_ value: Double) {
        double = value
        exactInteger = value.rounded(.towardZero) == value ? Int64(exactly: value) : nil
        beyondRange = nil
    }

    /// A number written in decimal (`-12`, `1.5`, `2.5e-3`, `1e400`; also YAML's `.5` and `5.`),
    /// or nil when `text` is not one. Beyond `Double`'s range the exact value is kept.
    public init?(decimalText text: some StringProtocol) {
        guard let decimal = ExactDecimal(text) else { return nil }
        if decimal.digits.isEmpty {
            self.init(decimal.negative ? -0.0 : 0.0)
            return
        }
        if decimal.exponent >= 0, decimal.digits.count + decimal.exponent <= 18 {
            var value: Int64 = 0
            for digit in decimal.digits { value = value * 10 + Int64(digit) }
            for _ in 0 ..< decimal.exponent { value *= 10 }
            self.init(decimal.negative ? -value : value)
            return
        }
        let double = Double(String(text)) ?? (decimal.negative ? -Double.infinity : .infinity)
        if double.isFinite && double != 0 {
            self.init(double)
            return
        }
        self.init(double: double, beyondRange: BeyondRange(decimal: decimal, text: String(text)))
    }

    private init(double: Double, beyondRange: BeyondRange) {
        self.double = double
        exactInteger = nil
        self.beyondRange = beyondRange
    }

    /// True when the value has no fractional part (JSON Schema's `integer`).
    public var isInteger: Bool {
        if let beyondRange { return beyondRange.decimal.exponent >= 0 }
        return exactInteger != nil || (double.isFinite && double.rounded(.towardZero) == double)
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) == 0
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or more than `rhs`.
    private static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if let left = lhs.exactInteger, let right = rhs.exactInteger { return left < right ? -1 : (left == right ? 0 : 1) }
        // Rounding to a Double keeps the order: different Doubles decide. The same Double for two
        // numbers of which one is beyond the range is ±infinity or 0, where the exact values decide.
        if lhs.double != rhs.double { return lhs.double < rhs.double ? -1 : 1 }
        guard lhs.beyondRange != nil || rhs.beyondRange != nil,
              let left = lhs.exactDecimal, let right = rhs.exactDecimal else { return 0 }
        return ExactDecimal.compare(left, right)
    }

    /// The exact value of a number beyond the range, or of a zero; nil for other Doubles.
    private var exactDecimal: ExactDecimal? {
        if let beyondRange { return beyondRange.decimal }
        return double == 0 ? ExactDecimal(negative: false, digits: [], exponent: 0) : nil
    }

    /// Hashes the `Double` value: equal numbers always have equal `Double` values.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }

    /// The number as JSON text: integers without a fraction, others in the shortest form that
    /// reads back as the same `Double`, and numbers beyond its range as they were written.
    public var description: String {
        if let beyondRange { return beyondRange.text }
        if let exactInteger { return String(exactInteger) }
        if double.isNaN || double.isInfinite { return "null" }
        return "\(double)"
    }
}

/// A number beyond `Double`'s range: its exact value, and its text for messages. A class, so
/// that every other number (and every `JSONValue`) stays as small as it was.
final class BeyondRange: Sendable {
    let decimal: ExactDecimal
    let text: String

    init(decimal: ExactDecimal, text: String) {
        self.decimal = decimal
        self.text = text
    }
}

/// A decimal number exactly: `digits` (no leading or trailing zeros; none for zero) times
/// 10^`exponent`.
struct ExactDecimal: Sendable, Hashable {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// Reads `[-+]digits[.digits][e[-+]digits]`, with digits on at least one side of the point.
    init?(_ text: some StringProtocol) {
        var bytes = text.utf8[...]
        negative = bytes.first == UInt8(ascii: "-")
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var seenDigit = false
        var seenPoint = false
        while let byte = bytes.first, byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                seenDigit = true
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if seenPoint { exponent -= 1 }
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            let negativeExponent = bytes.first == UInt8(ascii: "-")
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty else { return nil }
            var power = 0
            for byte in bytes {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                // Held at 10^15: such a number is beyond any other written with fewer digits.
                power = min(power * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000_000_000)
            }
            exponent += negativeExponent ? -power : power
        }
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { exponent = 0 }
        self.digits = digits
        self.exponent = exponent
    }

    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let leftSign = lhs.digits.isEmpty ? 0 : (lhs.negative ? -1 : 1)
        let rightSign = rhs.digits.isEmpty ? 0 : (rhs.negative ? -1 : 1)
        if leftSign != rightSign || leftSign == 0 { return leftSign < rightSign ? -1 : (leftSign == rightSign ? 0 : 1) }
        return leftSign * compareMagnitudes(lhs, rhs)
    }

    /// Compares |lhs| and |rhs|, both non-zero: first the place of the leading digit, then the digits.
    private static func compareMagnitudes(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let leftOrder = lhs.digits.count + lhs.exponent
        let rightOrder = rhs.digits.count + rhs.exponent
        if leftOrder != rightOrder { return leftOrder < rightOrder ? -1 : 1 }
        for (left, right) in zip(lhs.digits, rhs.digits) where left != right { return left < right ? -1 : 1 }
        return lhs.digits.count == rhs.digits.count ? 0 : (lhs.digits.count < rhs.digits.count ? -1 : 1)
    }

    /// Whether `self` is an integer multiple of `divisor` (non-zero, at most 18 digits).
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        guard !divisor.digits.isEmpty, divisor.digits.count <= 18 else { return false }
        if digits.isEmpty { return true }
        var step: UInt64 = 0
        for digit in divisor.digits { step = step * 10 + UInt64(digit) }
        let shift = exponent - divisor.exponent
        // The digits are normalised: with a negative shift the value would need to be divisible by 10.
        guard shift >= 0 else { return false }
        var remainder: UInt64 = 0
        for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % step }
        // remainder × 10^shift mod step, by squaring.
        var power: UInt64 = 10 % step
        var left = shift
        while left > 0 && remainder != 0 {
            if left & 1 == 1 { remainder = step.dividingFullWidth(remainder.multipliedFullWidth(by: power)).remainder }
            power = step.dividingFullWidth(power.multipliedFullWidth(by: power)).remainder
            left >>= 1
        }
        return remainder == 0
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
        if beyondRange != nil || divisor.beyondRange != nil {
            guard let value = exactValue, let step = divisor.exactValue else { return false }
            return value.isMultiple(of: step)
        }
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

    /// The exact decimal value: kept beyond the range, else read from `decimal`.
    private var exactValue: ExactDecimal? {
        if let beyondRange { return beyondRange.decimal }
        guard let decimal else { return nil }
        return ExactDecimal("\(decimal.significand)e\(decimal.exponent)")
    }
}
