#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TenderModel

/// The statistical screens of one lot's bid distribution (Imhof 2017; Huber & Imhof 2019).
struct BidDistributionScreens: Sendable, Hashable {
    /// One screen: its name, and on which side of the market's distribution collusion sits.
    enum Screen: String, CaseIterable, Sendable {
        /// Coefficient of variation s/μ: cover bids cluster, so low.
        case cv
        /// Spread (bₙ − b₁)/b₁: low.
        case spread
        /// Difference between the two lowest, (b₂ − b₁)/b₁: high (cover bids sit above the winner).
        case difference
        /// Relative distance (b₂ − b₁)/s of the losing bids: high (a gap, then a tight cluster).
        case relativeDistance = "relative-distance"
        /// Skewness: low (negative: bids bunched at the top).
        case skewness
        /// Excess kurtosis: high (peaked). Needs four bids.
        case kurtosis

        var collusiveSideIsLow: Bool {
            switch self {
            case .cv, .spread, .skewness: return true
            case .difference, .relativeDistance, .kurtosis: return false
            }
        }
    }

    /// Values in ``Screen`` order; `nil` where a screen is undefined (kurtosis of 3 bids,
    /// relative distance when the losing bids are all equal).
    var values: [Double?]

    subscript(screen: Screen) -> Double? {
        values[Screen.allCases.firstIndex(of: screen)!]
    }

    /// The screens of `bids` (positive prices in one currency), at least three of them.
    init?(_ bids: [Double]) {
        guard bids.count >= 3 else { return nil }
        let b = bids.sorted()
        let n = Double(b.count)
        let mean = b.reduce(0, +) / n
        let sd = Self.standardDeviation(b, mean: mean)
        let losing = Array(b.dropFirst())
        let losingSd = Self.standardDeviation(losing, mean: losing.reduce(0, +) / Double(losing.count))
        let gap = b[1] - b[0]
        var skewness: Double?
        var kurtosis: Double?
        if sd > 0 {
            let z3 = b.reduce(0) { $0 + pow(($1 - mean) / sd, 3) }
            skewness = n / ((n - 1) * (n - 2)) * z3
            if b.count >= 4 {
                let z4 = b.reduce(0) { $0 + pow(($1 - mean) / sd, 4) }
                kurtosis = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * z4 - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
            }
        }
        values = [
            sd / mean,
            (b[b.count - 1] - b[0]) / b[0],
            gap / b[0],
            losingSd > 0 ? gap / losingSd : nil,
            skewness,
            kurtosis,
        ]
    }

    private static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return 0 }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
