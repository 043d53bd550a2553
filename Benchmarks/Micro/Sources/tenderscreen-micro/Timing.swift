#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock timing, best of several rounds (the least disturbed by a noisy machine).
enum Timing {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Grows the operation count until a round lasts about 0.3 s, then keeps the best of 5.
    static func bestNanosecondsPerOperation(_ run: (Int) -> Void) -> Double {
        var iterations = 1
        while true {
            let start = now()
            run(iterations)
            let elapsed = now() - start
            if elapsed > 300_000_000 || iterations > 1 << 30 { break }
            iterations *= elapsed < 10_000_000 ? 10 : 2
        }
        var best = Double.infinity
        for _ in 0..<5 {
            let start = now()
            run(iterations)
            best = min(best, Double(now() - start) / Double(iterations))
        }
        return best
    }

    static func describe(_ nanoseconds: Double) -> String {
        if nanoseconds >= 1_000_000 { return format(nanoseconds / 1_000_000) + " ms" }
        if nanoseconds >= 1_000 { return format(nanoseconds / 1_000) + " µs" }
        return format(nanoseconds) + " ns"
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}

/// Keeps a computed value alive so the optimiser cannot drop the work.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
