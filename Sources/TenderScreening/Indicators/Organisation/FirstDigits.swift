import Glibc
import TenderModel

/// Counts of the leading digits 1…9 of a set of amounts, and how far they are from Benford's law.
struct FirstDigits: Sendable, Hashable {
    /// `counts[d - 1]`: amounts whose first significant digit is d.
    private(set) var counts = [Int](repeating: 0, count: 9)

    init() {}

    init(counts: [Int]) {
        precondition(counts.count == 9)
        self.counts = counts
    }

    var total: Int { counts.reduce(0, +) }

    /// Counts the first significant digit of a positive amount (exact: read from the digits).
    mutating func add(_ value: DecimalNumber) {
        var magnitude = value.significand.magnitude
        guard magnitude > 0 else { return }
        while magnitude >= 10 { magnitude /= 10 }
        counts[Int(magnitude) - 1] += 1
    }

    mutating func merge(_ other: FirstDigits) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Benford's first-digit probabilities P(d) = log10(1 + 1/d), d = 1…9.
    static let benford: [Double] = (1...9).map { log10(1 + 1 / Double($0)) }

    /// Mean absolute deviation of the observed proportions from Benford's (Nigrini).
    var meanAbsoluteDeviation: Double {
        let n = Double(total)
        guard n > 0 else { return 0 }
        var sum = 0.0
        for (count, expected) in zip(counts, Self.benford) { sum += abs(Double(count) / n - expected) }
        return sum / 9
    }

    /// Pearson's χ² against Benford's counts (8 degrees of freedom).
    var chiSquare: Double {
        let n = Double(total)
        guard n > 0 else { return 0 }
        var sum = 0.0
        for (count, probability) in zip(counts, Self.benford) {
            let expected = n * probability
            sum += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        return sum
    }

    /// P(χ²₈ ≥ x): with an even number of degrees of freedom the survival function is exact,
    /// e^(−x/2) · Σ_{i<4} (x/2)^i / i!.
    static func chiSquarePValue(_ x: Double) -> Double {
        let half = x / 2
        var term = 1.0
        var sum = 1.0
        for i in 1..<4 {
            term *= half / Double(i)
            sum += term
        }
        return min(1, exp(-half) * sum)
    }

    /// The MAD a sample of `n` values drawn from Benford's law has on average (normal approximation
    /// of each proportion): (1/9) Σ √(2·P(d)(1 − P(d)) / (π·n)) ≈ 0.2349 / √n.
    static func expectedMeanAbsoluteDeviation(_ n: Int) -> Double {
        guard n > 0 else { return 0 }
        var sum = 0.0
        for probability in benford { sum += (2 * probability * (1 - probability) / (Double.pi * Double(n))).squareRoot() }
        return sum / 9
    }
}
