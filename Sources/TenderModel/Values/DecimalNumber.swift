/// An exact decimal number as written in a notice: `significand × 10^-scale`.
///
/// Money is never stored as `Double`. The scale is kept as written, so `"150000.00"`
/// renders back as `"150000.00"`; equality and ordering are numeric (`1.0 == 1.00`).
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer, sign included.
    public let significand: Int64
    /// The number of digits after the decimal point.
    public let scale: UInt8

    /// The most significant digits an `Int64` significand always holds.
    public static let maximumDigits = 18
    /// The most digits after the point: keeps every comparison exact in 128 bits.
    public static let maximumScale = 18

    public init(significand: Int64, scale: UInt8 = 0) {
        precondition(Int(scale) <= DecimalNumber.maximumScale, "scale above maximumScale")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int64(integer), scale: 0)
    }

    /// Parses an `xs:decimal` lexical value (`-12.50`, `+3`, `.5`), surrounding
    /// whitespace allowed. Returns `nil` for anything else, or for more than
    /// ``maximumDigits`` significant digits once trailing fractional zeros are dropped.
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ DecimalNumber.parse($0) }) else { return nil }
        self = value
    }

    /// Parses UTF-8 bytes; see ``init(_:)-(String)``.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start].isXMLWhitespace { start += 1 }
        while end > start, bytes[end - 1].isXMLWhitespace { end -= 1 }
        guard start < end else { return nil }

        var negative = false
        if bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        var significand: Int64 = 0
        var digits = 0          // significant digits accumulated (leading zeros skipped)
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        var pendingZeros = 0    // fractional zeros not yet folded in (may be trailing)
        var index = start
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            let digit = Int64(byte &- UInt8(ascii: "0"))
            if sawPoint {
                if digit == 0 {
                    pendingZeros += 1
                    continue
                }
                // Fold pending fractional zeros, then this digit.
                for _ in 0..<pendingZeros {
                    guard digits > 0 || significand != 0 else {
                        scale += 1
                        if scale > maximumScale { return nil }
                        continue
                    }
                    guard digits < maximumDigits else { return nil }
                    significand &*= 10
                    digits += 1
                    scale += 1
                }
                pendingZeros = 0
                guard digits < maximumDigits else { return nil }
                significand = significand &* 10 &+ digit
                digits += 1
                scale += 1
            } else {
                if significand == 0, digit == 0 { continue }
                guard digits < maximumDigits else { return nil }
                significand = significand &* 10 &+ digit
                digits += 1
            }
        }
        guard sawDigit else { return nil }
        // Keep trailing fractional zeros as written while they fit, so "150000.00" round-trips.
        while pendingZeros > 0, digits < maximumDigits, scale < maximumScale {
            significand &*= 10
            if significand != 0 { digits += 1 }
            scale += 1
            pendingZeros -= 1
        }
        guard scale <= maximumScale else { return nil }
        return DecimalNumber(significand: negative ? -significand : significand, scale: UInt8(scale))
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    /// The same number with trailing fractional zeros removed.
    public var normalized: DecimalNumber {
        var significand = significand
        var scale = scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return DecimalNumber(significand: significand, scale: scale)
    }

    /// A `Double` approximation, for ratios and statistics only (never for storage).
    public var doubleValue: Double {
        Double(significand) / DecimalNumber.powerOfTen(Int(scale))
    }

    /// The significand rescaled to `target` as a 128-bit integer: exact, since both scales ≤ 18.
    public func scaled(to target: UInt8) -> Int128 {
        precondition(target >= scale)
        var value = Int128(significand)
        for _ in 0..<(Int(target) - Int(scale)) { value *= 10 }
        return value
    }

    /// The exact sum, or `nil` when it does not fit 18 digits.
    public static func + (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber? {
        let scale = max(lhs.scale, rhs.scale)
        let sum = lhs.scaled(to: scale) + rhs.scaled(to: scale)
        guard let significand = Int64(exactly: sum) else { return nil }
        return DecimalNumber(significand: significand, scale: scale)
    }

    public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return lhs.scaled(to: scale) == rhs.scaled(to: scale)
    }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return lhs.scaled(to: scale) < rhs.scaled(to: scale)
    }

    /// The digits exactly as written (sign, integer part, point, fraction).
    public var description: String {
        var digits = String(significand.magnitude)
        let scale = Int(scale)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }

    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension UInt8 {
    /// XML whitespace: space, tab, line feed, carriage return.
    @inlinable public var isXMLWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}
