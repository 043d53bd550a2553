#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How likely a count at least this high is by chance: P(X ≥ k) for X ~ Binomial(n, p).
///
/// The co-bidding indicators ask whether two firms price close to each other more often
/// than any two tenderers of the input do; `p` is that input-wide rate. Computed term by
/// term from the first one (log space, then a ratio per step), with `log` and `exp` only.
func binomialUpperTail(_ k: Int, of n: Int, rate p: Double) -> Double {
    guard k > 0 else { return 1 }
    guard k <= n, p > 0 else { return 0 }
    guard p < 1 else { return 1 }
    var logTerm = Double(k) * log(p) + Double(n - k) * log1p(-p)
    for j in 0..<k {
        logTerm += log(Double(n - j)) - log(Double(j + 1))
    }
    var term = exp(logTerm)
    var sum = term
    let odds = p / (1 - p)
    var i = k
    while i < n {
        term *= Double(n - i) / Double(i + 1) * odds
        sum += term
        i += 1
    }
    return min(1, sum)
}
