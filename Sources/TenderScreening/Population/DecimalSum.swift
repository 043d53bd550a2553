import TenderModel

/// An exact sum of decimal amounts (values at stake, buyers' spending): 128-bit integer
/// arithmetic at the largest scale added, so the total does not depend on the order of the
/// additions (for non-negative terms, even when it overflows). Partial totals of population
/// indicators and roll-ups merge to the same result however the work was split, which a
/// `Double` sum would not (floating-point addition is not associative).
public struct DecimalSum: Sendable, Hashable, CustomStringConvertible {
    private(set) var significand: Int128 = 0
    private(set) var scale: UInt8 = 0
    /// The total does not fit 38 digits (then it is not shown).
    public private(set) var overflowed = false

    public init() {}

    init(_ value: DecimalNumber) {
        add(value)
    }

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

extension DecimalSum {
    /// An approximation for ratios, `nil` when the total overflowed.
    var doubleValue: Double? {
        guard !overflowed else { return nil }
        var divisor = 1.0
        for _ in 0..<scale { divisor *= 10 }
        return Double(significand) / divisor
    }

    /// The total as a decimal (fraction digits dropped while it does not fit 18 digits), for
    /// evidence; `nil` when it overflowed or is too large even without fraction digits.
    var decimal: DecimalNumber? {
        guard !overflowed else { return nil }
        var value = significand
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
