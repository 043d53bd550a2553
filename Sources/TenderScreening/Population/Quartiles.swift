/// Quartiles of a sample (linear interpolation between order statistics, as R's type 7
/// and numpy's default), the input to Tukey fences.
public struct Quartiles: Sendable, Hashable, PopulationDescribing {
    public var count: Int
    public var q1: Double
    public var q3: Double

    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        q1 = Self.quantile(sorted, 0.25)
        q3 = Self.quantile(sorted, 0.75)
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    public func fence(_ side: Fence.Side) -> Fence {
        Fence(side: side, count: count, q1: q1, q3: q3)
    }

    public var description: Evidence {
        Evidence(["count": .integer(count), "q1": .ratio(q1), "q3": .ratio(q3),
                  "lowerFence": .ratio(fence(.lower).value), "upperFence": .ratio(fence(.upper).value)])
    }

    /// A fenced population for the report: how many entities it holds (under `key`), then the
    /// quartiles of the eligible ones (`count` 0 when none is).
    static func evidence(_ quartiles: Quartiles?, entities key: String, count: Int) -> Evidence {
        var evidence = Evidence()
        evidence[key] = .integer(count)
        if let quartiles {
            for (key, value) in quartiles.description { evidence[key] = value }
        } else {
            evidence["count"] = .integer(0)
        }
        return evidence
    }
}
