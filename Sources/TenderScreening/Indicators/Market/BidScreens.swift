import TenderModel

/// `bid-screens`: a lot whose bid distribution sits in the collusive tail of its market's.
public struct BidScreens: Indicator {
    public typealias Population = BidScreenPopulation

    public static let metadata = IndicatorMetadata(
        id: "bid-screens",
        name: "Bid distribution screens",
        phase: .award,
        detects: "A lot with at least three priced tenders whose statistical screens (coefficient of variation, "
            + "spread, difference between the two lowest bids, relative distance, skewness, kurtosis) sit, "
            + "`minimum-screens` of them at once, in the collusive tail of the distribution of the same screens over "
            + "the lots of its market (buyer country × CPV division).",
        rationale: "Cartels that rig a tender submit cover bids that are meant to lose but look real: they cluster "
            + "a little above the designated winner. That leaves a low variance and spread, a clear gap between the "
            + "winner and the rest, and a peaked, left-skewed distribution. Each screen alone is weak; several at "
            + "once, against what is normal in the same market, is the screening method competition authorities "
            + "use (Swiss COMCO, Imhof 2017) before looking at the bidders.",
        method: "For each lot with at least 3 tenders priced in one currency (placeholders and totals repeated in "
            + "every tender excluded) and every received tender priced: sort the bids b₁ ≤ … ≤ bₙ (mean μ, sample "
            + "s.d. s): cv = s/μ; spread = (bₙ − b₁)/b₁; difference = (b₂ − b₁)/b₁; relative-distance = (b₂ − b₁) / "
            + "s.d.(b₂…bₙ); skewness = n/((n−1)(n−2))·Σz³; kurtosis (n ≥ 4) = n(n+1)/((n−1)(n−2)(n−3))·Σz⁴ − "
            + "3(n−1)²/((n−2)(n−3)). Over all lots of the lot's market (else of the whole input when the market has "
            + "fewer than `minimum-lots`), each screen's `tail` quantile on its collusive side is the cut-off (low "
            + "for cv, spread and skewness; high for difference, relative distance and kurtosis). Flag the lot when "
            + "at least `minimum-screens` screens are beyond their cut-offs.",
        evidence: [
            .init("market", "buyer country and CPV division"), .init("tenders", "priced tenders used"),
            .init("reference", "the lots the cut-offs come from: the market, or `all lots`"),
            .init("referenceLots", "how many lots"),
            .init("cv", "and `cvCutoff`, likewise for each screen"),
            .init("inCollusiveTail", "the screens beyond their cut-offs"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged lot adds to the score"),
            .init("tail", default: .number(0.1), "share of a market's lots on the collusive side of each cut-off"),
            .init("minimum-screens", default: .integer(4), "screens that must be in the tail at once"),
            .init("minimum-lots", default: .integer(30), "fewest lots with 3+ priced tenders for a market's cut-offs"),
        ],
        exclusions: [
            "Lots with fewer than 3 tenders, or where not every received tender is priced (most award notices list "
                + "only the winner): screens on part of the bids mean nothing.",
            "Tenders in several currencies; placeholder prices.",
            "The screens find bid distributions that look rigged; they do not name a cartel (see co-bidding-ring).",
        ],
        references: [
            .init("LIT Imhof 2017", "Simple statistical screens to detect bid rigging (FSES working paper 484)"),
            .init("LIT Huber & Imhof 2019", "Machine learning with screens for detecting bid-rigging cartels"),
            .init("OCP R022", "Wide disparity in bid prices (one-screen version)"),
            .init("OCP R024", "Price close to winning bid (one-screen version)"),
        ],
        example: "In a market where a tenth of the lots have a cv below 0.03, a spread below 0.07, a relative "
            + "distance above 2.2 and a skewness below −1.2, a lot won at 100000 EUR with cover bids of 104000, "
            + "105000 and 106000 EUR (cv 0.0253, spread 0.06, difference 0.04, relative distance 4.0, skewness "
            + "−1.443, kurtosis 2.235) has those 4 screens beyond their cut-offs: flagged."
    )

    let tail: Double
    let minimumScreens: Int
    let minimumLots: Int

    public init(settings: ScreeningSettings) {
        tail = settings.number("tail", of: Self.metadata)
        minimumScreens = settings.integer("minimum-screens", of: Self.metadata)
        minimumLots = settings.integer("minimum-lots", of: Self.metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout BidScreenPopulation) {
        for lot in procedure.awardUnits {
            guard case .success(let screens) = Self.screens(of: lot, in: procedure) else { continue }
            population.add(screens, market: procedure.market(of: lot))
        }
    }

    public func evaluate(_ procedure: Procedure, population: BidScreenPopulation.Summary) -> [Finding] {
        procedure.awardUnits.map { evaluate($0, in: procedure, population) }
    }

    private func evaluate(_ lot: ProcedureLot, in procedure: Procedure,
                          _ population: BidScreenPopulation.Summary) -> Finding {
        let id = Self.metadata.id
        let screens: BidDistributionScreens
        switch Self.screens(of: lot, in: procedure) {
        case .success(let found): screens = found
        case .failure(.notApplicable(let reason)):
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: reason), message: reason)
        case .failure(.insufficient(let missing)):
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: missing),
                           message: "the bids of this lot are not all known")
        }
        let market = procedure.market(of: lot)
        var evidence = Evidence(["market": EvidenceValue(market)])
        guard let reference = population.reference(for: market, minimumLots: minimumLots) else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["\(minimumLots) lots with 3 or more priced tenders"]),
                           message: "too few lots with 3 or more priced tenders to know what is normal",
                           evidence: evidence)
        }
        evidence["reference"] = .text(reference.name)
        evidence["referenceLots"] = .integer(reference.lots)
        var inTail: [String] = []
        for screen in BidDistributionScreens.Screen.allCases {
            guard let value = screens[screen], let cutoff = reference.cutoff(screen, tail: tail) else { continue }
            evidence[screen.key] = .ratio(value)
            evidence[screen.key + "Cutoff"] = .ratio(cutoff)
            if screen.collusiveSideIsLow ? value < cutoff : value > cutoff { inTail.append(screen.rawValue) }
        }
        evidence["inCollusiveTail"] = .list(inTail.map(EvidenceValue.text))
        let limit = Threshold(.integer(minimumScreens), "screens in the collusive tail >=",
                              source: .setting(key: "bid-screens.minimum-screens"))
        if inTail.count >= minimumScreens {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "\(inTail.count) bid screens in the collusive tail of \(reference.name) "
                               + "(\(inTail.joined(separator: ", ")))",
                           evidence: evidence, threshold: limit)
        }
        return Finding(indicator: id, lot: lot.id, status: .clear,
                       message: "\(inTail.count) of the bid screens in the collusive tail of \(reference.name)",
                       evidence: evidence, threshold: limit)
    }

    /// The screens of a lot whose every received tender is priced, at least three of them.
    static func screens(of lot: ProcedureLot, in procedure: Procedure) -> Result<BidDistributionScreens, UnusableGap> {
        guard let result = lot.result else { return .failure(.insufficient(["result notice"])) }
        let received = result.tendersReceivedLowerBound ?? result.tenders.count
        if received < 3 { return .failure(.notApplicable("fewer than 3 tenders")) }
        var bids: [Double] = []
        var currency: String??
        for tender in result.tenders {
            guard let price = procedure.price(of: tender) else { continue }
            if currency == nil { currency = price.currency }
            guard currency == price.currency else { return .failure(.insufficient(["tender values in one currency"])) }
            bids.append(price.value.doubleValue)
        }
        guard bids.count >= received else {
            return .failure(.insufficient(["BT-720 values of all \(received) tenders (\(bids.count) published)"]))
        }
        guard let screens = BidDistributionScreens(bids) else { return .failure(.notApplicable("fewer than 3 tenders")) }
        return .success(screens)
    }
}

extension BidDistributionScreens.Screen {
    /// The evidence key: `cv`, `relativeDistance`…
    var key: String {
        switch self {
        case .relativeDistance: return "relativeDistance"
        default: return rawValue
        }
    }
}
