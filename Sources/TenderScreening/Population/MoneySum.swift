import TenderModel

/// An exact running total of non-negative amounts in one currency.
///
/// Money is summed in a 128-bit integer at the finest scale seen, so partial totals merge to
/// the same result whatever the order (a `Double` sum would not: floating-point addition is not
/// associative, and population indicators must not depend on how the work was split).
struct MoneySum: Sendable, Hashable {
    /// The total as an integer number of `10^-scale` units.
    private(set) var units: Int128 = 0
    private(set) var scale: UInt8 = 0
    /// Set when the total ran past 128 bits (values of 10^20 and more): it is then unusable.
    private(set) var overflowed = false

    init() {}

    init(_ value: DecimalNumber) {
        add(value)
    }

    mutating func add(_ value: DecimalNumber) {
        add(units: Int128(value.significand), scale: value.scale, overflowed: false)
    }

    mutating func add(_ other: MoneySum) {
        add(units: other.units, scale: other.scale, overflowed: other.overflowed)
    }

    private mutating func add(units other: Int128, scale otherScale: UInt8, overflowed otherOverflowed: Bool) {
        guard !overflowed, !otherOverflowed else {
            overflowed = true
            return
        }
        let target = max(scale, otherScale)
        guard let mine = Self.rescale(units, from: scale, to: target),
              let theirs = Self.rescale(other, from: otherScale, to: target) else {
            overflowed = true
            return
        }
        let (sum, overflow) = mine.addingReportingOverflow(theirs)
        guard !overflow else {
            overflowed = true
            return
        }
        units = sum
        scale = target
    }

    private static func rescale(_ value: Int128, from: UInt8, to target: UInt8) -> Int128? {
        var value = value
        for _ in Int(from)..<Int(target) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }

    /// An approximation for ratios, `nil` when the total overflowed.
    var doubleValue: Double? {
        guard !overflowed else { return nil }
        var divisor = 1.0
        for _ in 0..<scale { divisor *= 10 }
        return Double(units) / divisor
    }

    /// The total as a decimal (fraction digits dropped while it does not fit 18 digits), for
    /// evidence; `nil` when it overflowed or is too large even without fraction digits.
    var decimal: DecimalNumber? {
        guard !overflowed else { return nil }
        var value = units
        var scale = scale
        while Int64(exactly: value) == nil, scale > 0 {
            value = (value + 5) / 10
            scale -= 1
        }
        return Int64(exactly: value).map { DecimalNumber(significand: $0, scale: scale) }
    }

    /// Evidence: the total in `currency`, or `unknown` when it overflowed.
    func evidence(currency: String) -> EvidenceValue {
        if let decimal { return .amount(Amount(value: decimal, currency: currency)) }
        return .unknown
    }
}
