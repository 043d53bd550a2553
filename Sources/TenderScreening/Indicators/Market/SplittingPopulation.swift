import TenderModel

/// Purchases under the threshold, by class (buyer, legal basis, category, CPV class): one
/// small entry per such procedure, never the procedure itself.
public struct SplittingPopulation: IndicatorPopulation {
    struct Entry: Sendable, Hashable {
        var date: CalendarDate
        var value: Double
        var threshold: Double
        var procedure: String
        var suppliers: [String]
    }

    /// The settings `finalize` needs to find the series once.
    let windowDays: Int
    let minimumPurchases: Int
    var purchases: [String: [Entry]] = [:]

    init(windowDays: Int, minimumPurchases: Int) {
        self.windowDays = windowDays
        self.minimumPurchases = minimumPurchases
    }

    public mutating func merge(_ other: SplittingPopulation) {
        for (key, entries) in other.purchases { purchases[key, default: []] += entries }
    }

    public func finalize() -> Summary {
        var series: [String: Series] = [:]
        for entries in purchases.values {
            let sorted = entries.sorted { ($0.date, $0.procedure) < ($1.date, $1.procedure) }
            for found in Series.all(in: sorted, windowDays: windowDays, minimumPurchases: minimumPurchases) {
                for member in found.members { series[member] = found }
            }
        }
        return Summary(series: series, classes: purchases.count)
    }

    /// The series each flagged procedure belongs to.
    public struct Summary: Sendable, PopulationDescribing {
        var series: [String: Series]
        var classes: Int

        public var description: Evidence {
            Evidence(["classes": .integer(classes), "proceduresInSeries": .integer(series.count)])
        }
    }

    /// Purchases of one class that together exceed the threshold within the window.
    struct Series: Sendable {
        var members: Set<String>
        var purchases: Int
        var total: Double
        var first: CalendarDate
        var last: CalendarDate
        /// The supplier that won in every purchase, when one did.
        var sameSupplier: String?

        /// Every series among `entries` (sorted by date): windows of `windowDays` with enough
        /// purchases summing over the highest threshold among them; overlapping windows join.
        static func all(in entries: [Entry], windowDays: Int, minimumPurchases: Int) -> [Series] {
            guard entries.count >= max(2, minimumPurchases) else { return [] }
            var covered = [Bool](repeating: false, count: entries.count)
            var end = 0
            for start in entries.indices {
                end = max(end, start)
                while end + 1 < entries.count, entries[start].date.days(to: entries[end + 1].date) <= windowDays { end += 1 }
                let window = entries[start...end]
                guard window.count >= minimumPurchases else { continue }
                let sum = window.reduce(0) { $0 + $1.value }
                let threshold = window.map(\.threshold).max() ?? .infinity
                if sum > threshold { for index in start...end { covered[index] = true } }
            }
            var series: [Series] = []
            var run: [Entry] = []
            func close() {
                if !run.isEmpty { series.append(Series(run)) }
                run = []
            }
            for (index, entry) in entries.enumerated() {
                if !covered[index] { close(); continue }
                if let previous = run.last, previous.date.days(to: entry.date) > windowDays { close() }
                run.append(entry)
            }
            close()
            return series
        }

        private init(_ run: [Entry]) {
            members = Set(run.map(\.procedure))
            purchases = run.count
            total = run.reduce(0) { $0 + $1.value }
            first = run[0].date
            last = run[run.count - 1].date
            var common = Set(run[0].suppliers)
            for entry in run.dropFirst() { common.formIntersection(entry.suppliers) }
            sameSupplier = common.min()
        }
    }
}
