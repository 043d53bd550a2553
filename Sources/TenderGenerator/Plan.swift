import TenderModel

/// The risk schemes the generator plants, with ground truth.
public enum SchemeKind: String, CaseIterable, Sendable {
    case cartelRotation = "cartel-rotation"
    case favouredSupplier = "favoured-supplier"
    case thresholdSplitting = "threshold-splitting"
    case deadlineAbuse = "deadline-abuse"
    case identicalBids = "identical-bids"
}

/// Legitimate situations a naive rule would flag, recorded apart from the schemes.
public enum CamouflageKind: String, CaseIterable, Sendable {
    case nicheSingleBid = "niche-single-bid"
    case justifiedUrgency = "justified-urgency"
    case frameworkAtEstimate = "framework-at-estimate"
}

/// Shares of procedures given to each scheme and camouflage kind (niche single bids are not
/// planted: they follow from the niche markets' competition).
public struct SchemeRates: Sendable, Hashable {
    public var cartelRotation = 0.02
    public var favouredSupplier = 0.015
    public var thresholdSplitting = 0.015
    public var deadlineAbuse = 0.02
    public var identicalBids = 0.01
    public var justifiedUrgency = 0.015
    public var frameworkAtEstimate = 0.015

    public init() {}

    public static let standard = SchemeRates()

    /// Every rate under its truth-file key, in the truth file's order.
    var entries: [(key: String, value: Double)] {
        [
            ("cartel-rotation", cartelRotation), ("favoured-supplier", favouredSupplier),
            ("threshold-splitting", thresholdSplitting), ("deadline-abuse", deadlineAbuse),
            ("identical-bids", identicalBids), ("justified-urgency", justifiedUrgency),
            ("framework-at-estimate", frameworkAtEstimate),
        ]
    }
}

enum ProcedureType: Int {
    case open, restricted, negotiatedWithCall, competitiveDialogue, negotiatedWithoutCall

    var code: StaticString {
        switch self {
        case .open: "open"
        case .restricted: "restricted"
        case .negotiatedWithCall: "neg-w-call"
        case .competitiveDialogue: "comp-dial"
        case .negotiatedWithoutCall: "neg-wo-call"
        }
    }

    /// A separate stage for requests to participate (BT-1311), tenders invited later.
    var twoStage: Bool {
        self == .restricted || self == .negotiatedWithCall || self == .competitiveDialogue
    }
}

/// The ways a deadline-abuse procedure breaks the time rules (one or more).
struct DeadlineAbuse: OptionSet {
    let rawValue: UInt8
    static let shortPeriod = DeadlineAbuse(rawValue: 1)
    static let standstill = DeadlineAbuse(rawValue: 2)
    static let slowDecision = DeadlineAbuse(rawValue: 4)
    static let movedEarlier = DeadlineAbuse(rawValue: 8)
}

/// What a procedure is in the simulation.
enum Role {
    case background
    /// Turn `turn` of ring `ring`'s procedures; `winner` the member whose turn it is.
    case cartel(ring: Int, turn: Int, winner: Int)
    case favoured(pair: Int)
    case splitting(series: Int, part: Int, estimate: Int64)
    case deadlineAbuse(DeadlineAbuse)
    case identicalBids
    case justifiedUrgency
    case frameworkAtEstimate
}

/// A procedure as the sequential planner fixes it: who buys what, when, and its role.
struct ProcedurePlan {
    var buyer: Int
    var division: Int
    var cpv: Int
    /// A CPV code of the series' class, for threshold splitting.
    var cpvOverride: String?
    var dispatch: Int32
    var type: ProcedureType
    var role: Role = .background
}

struct Ring {
    var id: Int
    var country: Int
    var division: Int
    var members: [Int]
    var procedures: [Int] = []
}

struct Pair {
    var id: Int
    var buyer: Int
    var supplier: Int
    var procedures: [Int] = []
}

struct Series {
    var id: Int
    var buyer: Int
    var cpvClass: String
    var threshold: Int64
    var supplier: Int?
    var procedures: [Int] = []
    var estimates: [Int64] = []
}

/// The whole plan: the market, every procedure's plan and the scheme groups.
struct MarketPlan {
    var seed: UInt64
    var market: Market
    var plans: [ProcedurePlan]
    var rings: [Ring] = []
    var pairs: [Pair] = []
    var series: [Series] = []

    /// First and last dispatch dates of calls for competition: 2024–2025, one threshold period.
    static let firstDay = CalendarDate(year: 2024, month: 1, day: 8)!.daysSinceEpoch
    static let lastDay = CalendarDate(year: 2025, month: 10, day: 31)!.daysSinceEpoch

    static func make(procedures count: Int, seed: UInt64, rates: SchemeRates) -> MarketPlan {
        var random = Xoshiro256(seed: seed, stream: UInt64.max, salt: 0x6D61726B6574)
        let market = Market.build(procedures: count, random: &random)
        var plan = MarketPlan(seed: seed, market: market, plans: [])
        plan.plans.reserveCapacity(count)
        let countryWeights = Catalogue.countries.map(\.weight)
        let divisionWeights = Catalogue.divisions.map(\.weight)
        let typeWeights = Catalogue.procedureTypes.map(\.weight)
        for _ in 0..<count {
            let country = random.weighted(countryWeights)
            let buyer = plan.pickBuyer(country: country, &random)
            let division = random.weighted(divisionWeights)
            let type = Catalogue.procedureTypes[random.weighted(typeWeights)].type
            plan.plans.append(ProcedurePlan(
                buyer: buyer, division: division, cpv: random.below(Catalogue.divisions[division].cpvs.count),
                dispatch: randomWorkday(&random), type: type))
        }

        // Schemes take procedures from one shuffled list, so no procedure gets two roles.
        var free = Array(0..<count)
        random.shuffle(&free)
        func take(_ wanted: Int) -> [Int] {
            let taken = Array(free.suffix(min(wanted, free.count)))
            free.removeLast(taken.count)
            return taken
        }
        func quota(_ rate: Double) -> Int { Int((Double(count) * rate).rounded()) }

        plan.plantRings(quota(rates.cartelRotation), take: take, &random)
        plan.plantPairs(quota(rates.favouredSupplier), take: take, &random)
        plan.plantSeries(quota(rates.thresholdSplitting), take: take, &random)
        for index in take(quota(rates.deadlineAbuse)) {
            var abuse: DeadlineAbuse = []
            let variants: [DeadlineAbuse] = [.shortPeriod, .standstill, .slowDecision, .movedEarlier]
            abuse.insert(variants[random.weighted([0.35, 0.30, 0.20, 0.15])])
            if random.chance(0.25) { abuse.insert(variants[random.weighted([0.35, 0.30, 0.20, 0.15])]) }
            plan.plans[index].role = .deadlineAbuse(abuse)
            plan.plans[index].type = .open
            if abuse == .shortPeriod, !plan.market.buyers[plan.plans[index].buyer].utility, random.chance(0.3) {
                plan.plans[index].type = .restricted
            }
            plan.plans[index].division = plan.competitiveDivision(plan.plans[index].division, &random)
        }
        for index in take(quota(rates.identicalBids)) {
            plan.plans[index].role = .identicalBids
            plan.plans[index].type = .open
            plan.plans[index].division = plan.competitiveDivision(plan.plans[index].division, &random)
        }
        for index in take(quota(rates.justifiedUrgency)) {
            plan.plans[index].role = .justifiedUrgency
            plan.plans[index].type = random.chance(0.75) ? .open : .restricted
        }
        for index in take(quota(rates.frameworkAtEstimate)) {
            plan.plans[index].role = .frameworkAtEstimate
            plan.plans[index].type = .open
        }
        return plan
    }

    private func pickBuyer(country: Int, _ random: inout Xoshiro256) -> Int {
        market.buyersByCountry[country][random.weighted(market.buyerWeightsByCountry[country])]
    }

    /// A division that is not niche (schemes that need several bidders).
    private func competitiveDivision(_ division: Int, _ random: inout Xoshiro256) -> Int {
        guard Catalogue.divisions[division].niche else { return division }
        let candidates = Catalogue.divisions.indices.filter { !Catalogue.divisions[$0].niche }
        return random.pick(candidates)
    }

    static func randomWorkday(_ random: inout Xoshiro256) -> Int32 {
        nearestWorkday(firstDay + Int32(random.below(Int(lastDay - firstDay) + 1)))
    }

    private static func spreadDates(_ count: Int, _ random: inout Xoshiro256) -> [Int32] {
        (0..<count).map { _ in randomWorkday(&random) }.sorted()
    }

    // MARK: cartels

    private mutating func plantRings(_ quota: Int, take next: (Int) -> [Int], _ random: inout Xoshiro256) {
        var remaining = quota
        let countryWeights = Catalogue.countries.map(\.weight)
        while remaining >= 5 {
            let size = min(remaining, 6 + random.below(11))
            let country = random.weighted(countryWeights)
            var division = random.weighted(Catalogue.divisions.map(\.weight))
            division = competitiveDivision(division, &random)
            let pool = market.pool(country: country, division: division)
            guard pool.suppliers.count >= 5 else { continue }
            let members = random.sample(pool.suppliers, min(3 + random.below(3), pool.suppliers.count - 2))
            let procedures = next(size)
            let dates = Self.spreadDates(procedures.count, &random)
            var ring = Ring(id: rings.count + 1, country: country, division: division, members: members)
            var order = members
            random.shuffle(&order)
            for (turn, index) in procedures.enumerated() {
                // Mostly a strict rotation; sometimes a member takes an extra turn.
                let winner = random.chance(0.85) ? order[turn % order.count] : random.pick(members)
                plans[index].buyer = pickBuyer(country: country, &random)
                plans[index].division = division
                plans[index].cpv = random.below(Catalogue.divisions[division].cpvs.count)
                plans[index].dispatch = dates[turn]
                plans[index].type = random.chance(0.85) ? .open : .restricted
                plans[index].role = .cartel(ring: rings.count, turn: turn, winner: winner)
                ring.procedures.append(index)
            }
            rings.append(ring)
            remaining -= procedures.count
        }
    }

    // MARK: favoured suppliers

    private mutating func plantPairs(_ quota: Int, take next: (Int) -> [Int], _ random: inout Xoshiro256) {
        var remaining = quota
        let countryWeights = Catalogue.countries.map(\.weight)
        while remaining >= 3 {
            let size = min(remaining, 4 + random.below(5))
            let country = random.weighted(countryWeights)
            let buyer = pickBuyer(country: country, &random)
            let division = competitiveDivision(random.weighted(Catalogue.divisions.map(\.weight)), &random)
            let supplier = random.pick(market.pool(country: country, division: division).suppliers)
            let procedures = next(size)
            let dates = Self.spreadDates(procedures.count, &random)
            var pair = Pair(id: pairs.count + 1, buyer: buyer, supplier: supplier)
            for (turn, index) in procedures.enumerated() {
                plans[index].buyer = buyer
                plans[index].division = division
                plans[index].cpv = random.below(Catalogue.divisions[division].cpvs.count)
                plans[index].dispatch = dates[turn]
                plans[index].type = random.chance(0.8) ? .open : .negotiatedWithCall
                plans[index].role = .favoured(pair: pairs.count)
                pair.procedures.append(index)
            }
            pairs.append(pair)
            remaining -= procedures.count
        }
    }

    // MARK: threshold splitting

    private mutating func plantSeries(_ quota: Int, take next: (Int) -> [Int], _ random: inout Xoshiro256) {
        var remaining = quota
        let countryWeights = Catalogue.countries.map(\.weight)
        while remaining >= 3 {
            let size = min(remaining, 3 + random.below(3))
            let country = random.weighted(countryWeights)
            let buyer = pickBuyer(country: country, &random)
            let buyerEntity = market.buyers[buyer]
            // Supplies and services mostly; works now and then.
            let allowWorks = random.chance(0.1)
            let candidates = Catalogue.divisions.indices.filter { allowWorks || Catalogue.divisions[$0].nature != .works }
            let division = random.pick(candidates)
            let nature = Catalogue.divisions[division].nature
            let threshold = Thresholds.amount(legalBasis: buyerEntity.legalBasis, nature: nature,
                                              legalType: buyerEntity.legalType)
            let base = random.pick(Catalogue.divisions[division].cpvs).code
            let cpvClass = String(base.prefix(5))
            let supplier: Int? = random.chance(0.7) ? random.pick(market.pool(country: country, division: division).suppliers)
                : nil
            let procedures = next(size)
            var day = Self.firstDay + Int32(random.below(Int(Self.lastDay - Self.firstDay) - 150))
            var group = Series(id: series.count + 1, buyer: buyer, cpvClass: cpvClass, threshold: threshold,
                               supplier: supplier)
            let variants = ["000", "100", "200", "300", "400", "500"]
            for (part, index) in procedures.enumerated() {
                let share = random.uniform(0.011, 0.048)
                var estimate = Int64(Double(threshold) * (1 - share))
                estimate -= estimate % 10
                plans[index].buyer = buyer
                plans[index].division = division
                plans[index].cpvOverride = cpvClass + random.pick(variants)
                plans[index].dispatch = nearestWorkday(day)
                plans[index].type = .open
                plans[index].role = .splitting(series: series.count, part: part, estimate: estimate)
                group.procedures.append(index)
                group.estimates.append(estimate)
                day += Int32(12 + random.below(28))
            }
            series.append(group)
            remaining -= procedures.count
        }
    }
}

// MARK: weekdays

/// 0 Sunday … 6 Saturday (day 0, 1970-01-01, was a Thursday).
func weekday(_ day: Int32) -> Int {
    (Int(day) + 4) % 7
}

/// The day, or the Monday after when it falls on a weekend.
func followingWorkday(_ day: Int32) -> Int32 {
    switch weekday(day) {
    case 6: day + 2
    case 0: day + 1
    default: day
    }
}

/// The day, or the closest weekday when it falls on a weekend: Saturday the Friday before,
/// Sunday the Monday after.
func nearestWorkday(_ day: Int32) -> Int32 {
    switch weekday(day) {
    case 6: day - 1
    case 0: day + 1
    default: day
    }
}

/// The EU thresholds of 2024–2025 (Commission Delegated Regulations (EU) 2023/2495 and
/// 2023/2496), the period every call for competition of the synthetic market falls in.
enum Thresholds {
    static func amount(legalBasis: String, nature: Nature, legalType: String) -> Int64 {
        if nature == .works { return 5_538_000 }
        if legalBasis == "32014L0025" { return 443_000 }
        return legalType == "cga" ? 143_000 : 221_000
    }
}
