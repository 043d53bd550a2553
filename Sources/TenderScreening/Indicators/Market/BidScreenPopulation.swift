/// The screens of every lot that has them, by market: the distributions cut-offs come from.
public struct BidScreenPopulation: SettingsFreePopulation {
    /// Per market (`nil` key: market unknown), per screen, the values seen.
    var markets: [String: ScreenSamples] = [:]

    public init() {}

    mutating func add(_ screens: BidDistributionScreens, market: String?) {
        markets[market ?? "", default: ScreenSamples()].add(screens)
    }

    public mutating func merge(_ other: BidScreenPopulation) {
        for (market, samples) in other.markets { markets[market, default: ScreenSamples()].merge(samples) }
    }

    public func finalize() -> Summary {
        var all = ScreenSamples()
        for market in markets.keys.sorted() { all.merge(markets[market]!) }
        var sorted: [String: ScreenSamples] = [:]
        for (market, samples) in markets where !market.isEmpty { sorted[market] = samples.sorted() }
        return Summary(markets: sorted, all: all.sorted())
    }

    /// Sorted samples per market and over all lots.
    public struct Summary: Sendable, PopulationDescribing {
        var markets: [String: ScreenSamples]
        var all: ScreenSamples

        /// The market's distribution when it has `minimumLots`, else all lots', else none.
        func reference(for market: String?, minimumLots: Int) -> Reference? {
            if let market, let samples = markets[market], samples.lots >= minimumLots {
                return Reference(name: market, samples: samples)
            }
            guard all.lots >= minimumLots else { return nil }
            return Reference(name: "all lots", samples: all)
        }

        public var description: Evidence {
            Evidence(["lots": .integer(all.lots), "markets": .integer(markets.count)])
        }
    }

    struct Reference {
        var name: String
        var samples: ScreenSamples
        var lots: Int { samples.lots }

        /// The `tail` quantile of `screen` on its collusive side.
        func cutoff(_ screen: BidDistributionScreens.Screen, tail: Double) -> Double? {
            let values = samples.values[BidDistributionScreens.Screen.allCases.firstIndex(of: screen)!]
            guard !values.isEmpty else { return nil }
            return Quartiles.quantile(values, screen.collusiveSideIsLow ? tail : 1 - tail)
        }
    }
}

/// Each screen's values, in ``BidDistributionScreens/Screen`` order.
struct ScreenSamples: Sendable {
    var lots = 0
    var values: [[Double]] = Array(repeating: [], count: BidDistributionScreens.Screen.allCases.count)

    mutating func add(_ screens: BidDistributionScreens) {
        lots += 1
        for (index, value) in screens.values.enumerated() { if let value { values[index].append(value) } }
    }

    mutating func merge(_ other: ScreenSamples) {
        lots += other.lots
        for index in values.indices { values[index] += other.values[index] }
    }

    func sorted() -> ScreenSamples {
        var copy = self
        copy.values = values.map { $0.sorted() }
        return copy
    }
}
