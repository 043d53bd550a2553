import TenderModel

/// An exact sum of decimal amounts (values at stake): 128-bit integer arithmetic at the
/// largest scale added, so the total does not depend on the order of the additions (for
/// non-negative terms, even when it overflows).
public struct DecimalSum: Sendable, Hashable, CustomStringConvertible {
    private var significand: Int128 = 0
    private var scale: UInt8 = 0
    /// The total does not fit 38 digits (then it is not shown).
    public private(set) var overflowed = false

    public init() {}

    public mutating func add(_ value: DecimalNumber) {
        add(Int128(value.significand), scale: value.scale)
    }

    public mutating func add(_ other: DecimalSum) {
        if other.overflowed { overflowed = true }
        add(other.significand, scale: other.scale)
    }

    /// The total as written in reports (`1234.50`), `nil` when it overflowed.
    public var text: String? {
        overflowed ? nil : description
    }

    /// The digits with the decimal point (`1234.50`); `overflow` when it overflowed.
    public var description: String {
        guard !overflowed else { return "overflow" }
        var digits = String(significand.magnitude)
        let scale = Int(scale)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }

    /// The total as an amount, when it fits one (18 digits).
    public func amount(currency: String?) -> Amount? {
        guard !overflowed, let significand = Int64(exactly: significand) else { return nil }
        return Amount(value: DecimalNumber(significand: significand, scale: scale), currency: currency)
    }

    private mutating func add(_ other: Int128, scale otherScale: UInt8) {
        guard !overflowed else { return }
        let target = max(scale, otherScale)
        guard let lhs = Self.rescaled(significand, from: scale, to: target),
              let rhs = Self.rescaled(other, from: otherScale, to: target) else {
            overflowed = true
            return
        }
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        guard !overflow else {
            overflowed = true
            return
        }
        significand = sum
        scale = target
    }

    private static func rescaled(_ value: Int128, from scale: UInt8, to target: UInt8) -> Int128? {
        var value = value
        for _ in scale..<target {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
        }
        return value
    }
}
