import Glibc
import TenderModel

/// `heterogeneous-supplier`: a lot won by a supplier that wins in unusually many unrelated markets.
public struct HeterogeneousSupplier: Indicator {
    public typealias Population = SupplierMarketsPopulation

    public static let metadata = IndicatorMetadata(
        id: "heterogeneous-supplier",
        name: "Heterogeneous supplier",
        phase: .award,
        detects: "A lot won by a supplier whose sole-winner contracts span unusually many CPV divisions: its "
            + "variety (distinct first `digits` digits of the lots' main CPV) is at least the upper Tukey fence of "
            + "all suppliers with at least `minimum-contracting-processes` procedures (or a fixed `threshold`).",
        rationale: "Real firms specialise: a builder does not also deliver laboratory reagents and IT consulting. "
            + "A supplier winning across many unrelated markets may be a front or shell company used to channel "
            + "contracts, reselling to the firms that do the work, or a politically connected firm that wins "
            + "whatever it bids for.",
        method: "For each lot or group with exactly one winning tender from exactly one organisation (groups and "
            + "several winners excluded, as Cardinal does: a consortium's members need not supply every item), "
            + "credit the winner with the lot's CPV division (BT-262 of the lot, else of the procedure, first "
            + "`digits` digits) and the procedure. variety = distinct divisions. Over suppliers with at least "
            + "`minimum-contracting-processes` such procedures, Q1 and Q3 give the upper fence Q3 + 1.5·IQR, "
            + "rounded up as Cardinal does; a lot is flagged when one of its winners is such a supplier with "
            + "variety at or above it. With fewer than `minimum-suppliers` suppliers, or an IQR of 0 (then the "
            + "fence is the common variety itself and would condemn a quarter of all suppliers), lots are not "
            + "judged, unless `threshold` fixes the variety.",
        evidence: [
            .init("supplier", "the winner's organisation key (the most varied among several winners)"),
            .init("contractingProcesses", "procedures in which it won a lot alone"),
            .init("variety", "distinct CPV divisions of those lots"),
            .init("divisions", "the divisions, sorted"),
        ],
        settings: [
            .init("weight", default: .number(5), "points a flagged lot adds to the score"),
            .init("digits", default: .integer(2), "CPV digits that make a market (2: division)"),
            .init("minimum-contracting-processes", default: .integer(20),
                  "fewest sole-winner procedures for a supplier to be judged (Cardinal's default)"),
            .init("minimum-suppliers", default: .integer(20), "fewest judged suppliers for a fence"),
            .init("threshold", default: .text("fence"), "a fixed variety at or above which to flag, instead of the fence"),
        ],
        exclusions: [
            "Suppliers keyed by a notice-local id: their wins cannot be joined.",
            "Lots with several winners or won by a group: they add nothing to variety.",
            "Wholesalers and facility-service firms are legitimately broad; the fence compares suppliers of the "
                + "same input, so a country's generalists set the norm there.",
        ],
        references: [
            .init("OCP R048", "Open Contracting Partnership, Red Flags (2024): heterogeneous supplier"),
            .init("Cardinal R048", "open-contracting/cardinal-rs: digits 2, minimum_contracting_processes 20, "
                + "upper fence from the data or a threshold"),
            .init("opentender DISTINCT_MARKET", "DIGIWHIST / opentender.eu: supplier active in many markets"),
        ],
        example: "Among 24 suppliers with 20 or more sole-winner procedures, varieties are 1 (×8), 2 (×8), 3 (×7) and "
            + "9: Q1 1, Q3 3, fence ⌈3 + 1.5·2⌉ = 6. A lot won by the supplier active in 9 divisions is flagged; a "
            + "lot won by one active in 3 is clear."
    )

    let digits: Int
    let minimumProcesses: Int
    let minimumSuppliers: Int
    let fixedThreshold: Double?

    public init(settings: ScreeningSettings) {
        let metadata = Self.metadata
        digits = settings.integer("digits", of: metadata)
        minimumProcesses = settings.integer("minimum-contracting-processes", of: metadata)
        minimumSuppliers = settings.integer("minimum-suppliers", of: metadata)
        fixedThreshold = settings.value("threshold", of: metadata).number
    }

    public func makePopulation() -> SupplierMarketsPopulation {
        SupplierMarketsPopulation(minimumProcesses: minimumProcesses)
    }

    public func observe(_ procedure: Procedure, into population: inout SupplierMarketsPopulation) {
        population.add(procedure, digits: digits)
    }

    public func evaluate(_ procedure: Procedure, population: SupplierMarketsSummary) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            lot.result == nil ? nil : evaluate(lot, of: procedure, population)
        }
    }

    private func evaluate(_ lot: ProcedureLot, of procedure: Procedure, _ population: SupplierMarketsSummary) -> Finding {
        let id = Self.metadata.id
        let winners = procedure.winners(of: lot)
        guard !winners.isEmpty else { return AwardAttribution.noWinner(in: lot, indicator: id) }
        let suppliers = winners.filter(\.isStable)
        guard !suppliers.isEmpty else { return AwardAttribution.unknownWinner(in: lot, indicator: id) }
        // The most varied eligible winner (ties: the smaller key), else the busiest one for evidence.
        let known = suppliers.map { ($0, population.suppliers[$0.value] ?? SupplierMarkets()) }
        let eligible = known.filter { $0.1.processes >= minimumProcesses }
        let chosen = eligible.max { $0.1.divisions.count < $1.1.divisions.count
            || ($0.1.divisions.count == $1.1.divisions.count && $0.0 > $1.0) }
            ?? known.max { $0.1.processes < $1.1.processes || ($0.1.processes == $1.1.processes && $0.0 > $1.0) }!
        let (supplier, markets) = chosen
        let evidence = Evidence(["supplier": .text(supplier.value), "contractingProcesses": .integer(markets.processes),
                                 "variety": .integer(markets.divisions.count),
                                 "divisions": .list(markets.divisions.sorted().map { .text($0) })])
        guard markets.processes >= minimumProcesses else {
            return Finding(indicator: id, lot: lot.id,
                           status: .notApplicable(reason: "the winner won alone in \(markets.processes) procedures "
                               + "(fewer than \(minimumProcesses))"),
                           message: "too few sole-winner procedures to weigh the winner's variety", evidence: evidence)
        }
        let threshold: Threshold
        let limit: Double
        if let fixedThreshold {
            limit = fixedThreshold
            threshold = Threshold(.number(fixedThreshold), ">=", source: .setting(key: "\(id).threshold"))
        } else {
            guard let quartiles = population.quartiles, quartiles.count >= minimumSuppliers else {
                let count = population.quartiles?.count ?? 0
                return Finding(indicator: id, lot: lot.id,
                               status: .notApplicable(reason: "only \(count) suppliers with \(minimumProcesses) or more "
                                   + "procedures (fewer than \(minimumSuppliers))"),
                               message: "too few suppliers for a fence", evidence: evidence)
            }
            let fence = quartiles.fence(.upper)
            guard quartiles.q3 > quartiles.q1 else {
                return Finding(indicator: id, lot: lot.id,
                               status: .notApplicable(reason: "the upper fence is degenerate (Q1 = Q3 = "
                                   + "\(rounded(quartiles.q3)))"),
                               message: "fence degenerate", evidence: evidence,
                               threshold: Threshold(.number(ceil(fence.value)), ">=", source: .fence(fence)))
            }
            limit = ceil(fence.value)
            threshold = Threshold(.number(limit), ">=", source: .fence(fence))
        }
        let variety = markets.divisions.count
        let message = "the winner won alone in \(variety) CPV divisions over \(markets.processes) procedures"
        let status: FindingStatus = Double(variety) >= limit ? .flagged : .clear
        return Finding(indicator: id, lot: lot.id, status: status, message: message, evidence: evidence,
                       threshold: threshold)
    }
}

/// The markets one supplier won alone in.
struct SupplierMarkets: Sendable, Hashable {
    /// Procedures in which it won at least one lot alone.
    var processes = 0
    /// Distinct CPV prefixes of those lots.
    var divisions: Set<String> = []

    mutating func merge(_ other: SupplierMarkets) {
        processes += other.processes
        divisions.formUnion(other.divisions)
    }
}

/// `heterogeneous-supplier`'s fold: per supplier, its sole-winner procedures and their CPV divisions.
/// It carries `minimum-contracting-processes`: the fence is over eligible suppliers.
public struct SupplierMarketsPopulation: IndicatorPopulation {
    let minimumProcesses: Int
    var suppliers: [String: SupplierMarkets] = [:]

    init(minimumProcesses: Int) {
        self.minimumProcesses = minimumProcesses
    }

    mutating func add(_ procedure: Procedure, digits: Int) {
        var won: [String: SupplierMarkets] = [:]
        for lot in procedure.awardUnits {
            guard let winners = lot.result?.winners, winners.count == 1, winners[0].tenderers.count == 1 else { continue }
            let supplier = winners[0].tenderers[0].organization.key
            guard supplier.isStable else { continue }
            var markets = won[supplier.value] ?? SupplierMarkets(processes: 1)
            if let cpv = procedure.cpv(of: lot), cpv.utf8.count >= digits { markets.divisions.insert(String(cpv.prefix(digits))) }
            won[supplier.value] = markets
        }
        for (supplier, markets) in won { suppliers[supplier, default: SupplierMarkets()].merge(markets) }
    }

    public mutating func merge(_ other: SupplierMarketsPopulation) {
        for (supplier, markets) in other.suppliers { suppliers[supplier, default: SupplierMarkets()].merge(markets) }
    }

    public func finalize() -> SupplierMarketsSummary {
        let varieties = suppliers.values.filter { $0.processes >= minimumProcesses }.map { Double($0.divisions.count) }
        return SupplierMarketsSummary(suppliers: suppliers, quartiles: Quartiles(varieties))
    }
}

/// Every supplier's markets and the quartiles of the eligible suppliers' varieties.
public struct SupplierMarketsSummary: Sendable, PopulationDescribing {
    var suppliers: [String: SupplierMarkets]
    var quartiles: Quartiles?

    public var description: Evidence {
        Quartiles.evidence(quartiles, entities: "suppliers", count: suppliers.count)
    }
}
