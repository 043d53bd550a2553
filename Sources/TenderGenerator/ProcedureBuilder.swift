import TenderModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messiness of real notices: shares applied to background procedures (and, where they do not
/// hide the planted facts, to scheme procedures).
enum Messiness {
    /// Lot results without the `tenders` statistics row.
    static let missingStatistics = 0.20
    /// Award notices listing only the winning tenders.
    static let onlyWinnersListed = 0.40
    /// Lot results whose winning value is withheld.
    static let withheldValue = 0.02
    /// Lot results with placeholder amounts (0 or 1).
    static let placeholderAmount = 0.03
    /// Award notices without contract conclusion dates (BT-145).
    static let missingConclusionDate = 0.15
    /// Notices written on one line.
    static let compactFile = 0.10
    /// Award notices without ranks.
    static let missingRanks = 0.30
    /// Background procedures with no published estimate.
    static let missingEstimate = 0.06
    /// Background procedures estimated just under an EU threshold (legitimately).
    static let nearThreshold = 0.02
    /// Background lots awarded on quality to a tender that is not the cheapest.
    static let qualityAward = 0.07
    /// Background lots that are framework agreements priced normally.
    static let framework = 0.06
    /// Bids from a supplier of another country.
    static let foreignBidder = 0.12
}

extension MarketPlan {
    /// The complete, deterministic description of procedure `index`: a pure function of the
    /// plan and the seed, so workers can build procedures in any order.
    func spec(for index: Int) -> ProcedureSpec {
        var builder = Builder(plan: self, index: index,
                              random: Xoshiro256(seed: seed, stream: UInt64(index), salt: 0x70726F63))
        builder.build()
        return builder.spec
    }
}

private struct Builder {
    let plan: MarketPlan
    let index: Int
    var random: Xoshiro256
    var spec: ProcedureSpec
    let procedurePlan: ProcedurePlan
    let buyer: BuyerEntity
    let division: Division
    let country: Country
    /// The estimate used for pricing, published or not (whole EUR, per lot).
    var internalEstimates: [Double] = []

    init(plan: MarketPlan, index: Int, random: Xoshiro256) {
        self.plan = plan
        self.index = index
        self.random = random
        procedurePlan = plan.plans[index]
        buyer = plan.market.buyers[procedurePlan.buyer]
        division = Catalogue.divisions[procedurePlan.division]
        country = Catalogue.countries[buyer.organization.country]
        let cpv = division.cpvs[procedurePlan.cpv % division.cpvs.count]
        let town = country.towns[buyer.organization.town].name
        var reference = buyer.referencePrefix + "-"
        reference += String(CalendarDate(daysSinceEpoch: procedurePlan.dispatch).year) + "-"
        let number = 1 + Int(SplitMix64.hash(plan.seed, UInt64(index), 0x726566) % 899)
        reference += padded(number, width: 3)
        spec = ProcedureSpec(
            index: index,
            id: derivedUUID(seed: plan.seed, index: index, salt: 1),
            contractNoticeId: derivedUUID(seed: plan.seed, index: index, salt: 2),
            changeNoticeId: derivedUUID(seed: plan.seed, index: index, salt: 3),
            awardNoticeId: derivedUUID(seed: plan.seed, index: index, salt: 4),
            buyer: procedurePlan.buyer, country: buyer.organization.country, nature: division.nature,
            type: procedurePlan.type, title: Text.escaped(cpv.title + " – " + town), reference: Text.escaped(reference),
            mainCpv: procedurePlan.cpvOverride ?? cpv.code, durationMonths: 12, sdk: 0)
    }

    mutating func build() {
        spec.contractNoticeDay = procedurePlan.dispatch
        spec.sdk = random.below(Catalogue.sdkVersions.count)
        spec.durationMonths = [6, 12, 12, 24, 24, 36, 48][random.below(7)]
        spec.compactContractNotice = random.chance(Messiness.compactFile)
        spec.compactChangeNotice = random.chance(Messiness.compactFile)
        spec.compactAwardNotice = random.chance(Messiness.compactFile)
        spec.ranks = !random.chance(Messiness.missingRanks)
        spec.contractNoticeMinutes = 8 * 60 + random.below(9 * 60)
        spec.awardNoticeMinutes = 8 * 60 + random.below(9 * 60)
        if spec.type == .negotiatedWithoutCall {
            buildDirectAward()
            return
        }
        switch procedurePlan.role {
        case .background: buildBackground()
        case .cartel(let ring, let turn, let winner): buildCartel(ring: ring, turn: turn, winner: winner)
        case .favoured(let pair): buildFavoured(pair: pair)
        case .splitting(let series, let part, let estimate): buildSplitting(series: series, part: part, estimate: estimate)
        case .deadlineAbuse(let abuse): buildDeadlineAbuse(abuse)
        case .identicalBids: buildIdenticalBids()
        case .justifiedUrgency: buildJustifiedUrgency()
        case .frameworkAtEstimate: buildFrameworkAtEstimate()
        }
        spec.awardNoticeDay = awardNoticeDay()
    }

    // MARK: lots and estimates

    /// Creates `count` lots whose estimates add up to the procedure's.
    mutating func makeLots(_ count: Int, total: Double, published: Bool) {
        var shares = (0..<count).map { _ in random.uniform(0.5, 1.5) }
        let sum = shares.reduce(0, +)
        for position in shares.indices { shares[position] /= sum }
        let cpvs = division.cpvs
        for number in 1...count {
            let estimate = count == 1 ? total : Double(Self.round(total * shares[number - 1]))
            internalEstimates.append(estimate)
            let cpv = count == 1 ? spec.mainCpv : (random.chance(0.6) ? spec.mainCpv : random.pick(cpvs).code)
            let title = count == 1 ? "" : "Lot \(number): " + (cpvs.first { $0.code == cpv }?.title ?? cpvs[0].title)
            var lot = LotSpec(number: number, cpv: cpv, title: Text.escaped(title))
            lot.estimate = published ? Int64(estimate) : nil
            let code = random.unit()
            lot.electronicSubmission = code < 0.88 ? .required : code < 0.97 ? .allowed : .notAllowed
            spec.lots.append(lot)
        }
    }

    /// A plausible estimate: lognormal around the market's median, rounded as buyers do.
    mutating func drawTotal() -> Double {
        let value = random.lognormal(median: division.median, sigma: division.sigma)
        return Double(Self.round(min(max(value, 15_000), 90_000_000)))
    }

    static func round(_ value: Double) -> Int64 {
        let step: Double = value < 100_000 ? 100 : value < 1_000_000 ? 1_000 : 10_000
        return Int64(max(step, (value / step).rounded() * step))
    }

    var threshold: Int64 {
        Thresholds.amount(legalBasis: buyer.legalBasis, nature: division.nature, legalType: buyer.legalType)
    }

    mutating func lotCount(_ weights: [Double]) -> Int {
        1 + random.weighted(weights)
    }

    // MARK: dates

    var dispatch: Int32 { procedurePlan.dispatch }

    /// Minimum days for the lot's first-stage deadline (2014/24/EU and 2014/25/EU alike).
    func legalMinimum(_ lot: LotSpec) -> Int {
        if spec.type.twoStage { return 30 }
        return lot.electronicSubmission == .notAllowed ? 35 : 30
    }

    /// Days above the minimum buyers usually leave.
    mutating func extraDays() -> Int {
        random.chance(0.08) ? 0 : min(45, 1 + Int(-log(max(random.unit(), 1e-9)) * 9))
    }

    /// Sets legal deadlines on every lot.
    mutating func setLegalDeadlines() {
        var base = 0
        for position in spec.lots.indices {
            let minimum = legalMinimum(spec.lots[position])
            if position == 0 { base = extraDays() }
            let later = position > 0 && random.chance(0.12) ? 7 : 0
            setDeadline(position, days: minimum + base + later)
        }
    }

    mutating func setDeadline(_ position: Int, days: Int) {
        let day = followingWorkday(dispatch + Int32(days))
        if spec.type.twoStage {
            spec.lots[position].requestsDeadline = day
        } else {
            spec.lots[position].deadline = day
        }
        spec.lots[position].deadlineMinutes = [10 * 60, 12 * 60, 12 * 60, 14 * 60, 16 * 60][random.below(5)]
    }

    /// The deadline the decision period runs from: BT-131 (after changes), or for two-stage
    /// procedures the requests deadline plus a second stage the notices do not date.
    mutating func decisionBase(_ lot: LotSpec) -> Int32 {
        if let changed = lot.changedDeadline { return changed }
        if let deadline = lot.deadline { return deadline }
        return (lot.requestsDeadline ?? dispatch + 30) + Int32(25 + random.below(21))
    }

    mutating func normalDecisionDays() -> Int {
        Int(min(max(random.lognormal(median: 42, sigma: 0.55), 3), 170))
    }

    /// Award decision and conclusion dates, legal, on every lot.
    mutating func setLegalAwardDates() {
        let days = normalDecisionDays()
        let missingConclusion = random.chance(Messiness.missingConclusionDate)
        for position in spec.lots.indices {
            let base = decisionBase(spec.lots[position])
            spec.lots[position].awardDate = base + Int32(days)
            setConclusion(position, missing: missingConclusion)
        }
    }

    mutating func setConclusion(_ position: Int, missing: Bool) {
        guard !missing else {
            spec.lots[position].conclusionDate = nil
            return
        }
        // No standstill applies to a single tenderer: contracts are often signed at once. Only
        // where the statistics say so: without them the single tender cannot be told apart.
        let single = spec.lots[position].tenders.count == 1 && spec.lots[position].statistics == 1
        let days: Int
        if single, random.chance(0.3) {
            days = 2 + random.below(8)
        } else if random.chance(0.06) {
            days = 10 + random.below(2)
        } else {
            days = 10 + Int(min(max(random.lognormal(median: 9, sigma: 0.8), 1), 80))
        }
        spec.lots[position].conclusionDate = spec.lots[position].awardDate + Int32(days)
    }

    func awardNoticeDay() -> Int32 {
        var last: Int32 = 0
        for lot in spec.lots {
            last = max(last, lot.awardDate, lot.conclusionDate ?? 0)
        }
        let delay = Int32(4 + Int(SplitMix64.hash(plan.seed, UInt64(index), 0x63616E) % 32))
        return followingWorkday(last + delay)
    }

    // MARK: bidders and prices

    var pool: MarketPool { plan.market.pool(country: buyer.organization.country, division: procedurePlan.division) }

    /// `count` distinct suppliers of the market (one may come from abroad), excluding `excluded`.
    mutating func bidders(_ count: Int, excluding excluded: [Int] = []) -> [Int] {
        let pool = self.pool
        var candidates: [Int] = []
        var weights: [Double] = []
        for (position, supplier) in pool.suppliers.enumerated() where !excluded.contains(supplier) {
            candidates.append(supplier)
            weights.append(pool.weights[position])
        }
        var chosen: [Int] = []
        while chosen.count < count, !candidates.isEmpty {
            let pick = random.weighted(weights)
            chosen.append(candidates.remove(at: pick))
            weights.remove(at: pick)
        }
        if !chosen.isEmpty, random.chance(Messiness.foreignBidder) {
            let abroad = (buyer.organization.country + 1 + random.below(Catalogue.countries.count - 1))
                % Catalogue.countries.count
            let foreign = plan.market.pool(country: abroad, division: procedurePlan.division).suppliers
            if let supplier = foreign.first(where: { !chosen.contains($0) && !excluded.contains($0) }) {
                chosen[chosen.count - 1] = supplier
            }
        }
        return chosen
    }

    mutating func backgroundBidderCount() -> Int {
        if division.niche { return 1 + random.weighted([0.55, 0.35, 0.10]) }
        if spec.type.twoStage { return 1 + random.weighted([0.10, 0.22, 0.28, 0.20, 0.12, 0.08]) }
        return 1 + random.weighted([0.11, 0.18, 0.20, 0.17, 0.13, 0.09, 0.07, 0.05])
    }

    mutating func cents(_ euros: Double) -> (Int64, Bool) {
        if random.chance(0.4) { return (Int64(euros.rounded()) * 100, random.chance(0.7)) }
        return (Int64((euros * 100).rounded()), true)
    }

    /// Independent competitive prices around the estimate, sorted; the cheapest usually wins.
    mutating func competitiveTenders(_ suppliers: [Int], estimate: Double, qualityAward: Bool) -> ([TenderSpec], Int) {
        var tenders: [TenderSpec] = []
        for supplier in suppliers {
            let factor = suppliers.count == 1 ? exp(-0.07 + 0.08 * random.normal())
                : exp(-0.10 + 0.11 * random.normal())
            let (amount, withCents) = cents(estimate * min(max(factor, 0.45), 1.35))
            tenders.append(TenderSpec(supplier: supplier, cents: amount, withCents: withCents))
        }
        tenders.sort { $0.cents < $1.cents }
        let winner = qualityAward && tenders.count > 1 ? 1 : 0
        return (tenders, winner)
    }

    /// Gives lot `position` its tenders (sorted by price) and winner, and ranks them.
    mutating func award(_ position: Int, tenders: [TenderSpec], winner: Int) {
        spec.lots[position].tenders = tenders
        spec.lots[position].winner = winner
        Self.rank(&spec.lots[position])
    }

    /// Ranks: by price, or the winner first when it was not the cheapest.
    static func rank(_ lot: inout LotSpec) {
        var next = 2
        for position in lot.tenders.indices {
            if position == lot.winner {
                lot.tenders[position].rank = 1
            } else {
                lot.tenders[position].rank = lot.winner == 0 ? position + 1 : next
                next += 1
            }
        }
    }

    // MARK: messiness

    /// Statistics, listing, withheld values and placeholders, for lots where they hide nothing planted.
    mutating func applyMessiness(to position: Int, onlyWinners: Bool, allowValueProblems: Bool,
                                 allowMissingStatistics: Bool = true) {
        var lot = spec.lots[position]
        lot.statistics = allowMissingStatistics && random.chance(Messiness.missingStatistics) ? nil : lot.tenders.count
        if onlyWinners {
            for tender in lot.tenders.indices where tender != lot.winner { lot.tenders[tender].listed = false }
        }
        if allowValueProblems, !lot.tenders.isEmpty {
            if random.chance(Messiness.withheldValue) {
                lot.tenders[lot.winner].withheld = true
                spec.withheldTotal = true
            } else if random.chance(Messiness.placeholderAmount) {
                let losers = lot.tenders.indices.filter { $0 != lot.winner && lot.tenders[$0].listed }
                if losers.isEmpty || random.chance(0.5) {
                    lot.tenders[lot.winner].placeholder = random.below(2)
                } else {
                    for loser in losers { lot.tenders[loser].placeholder = 0 }
                }
            }
        }
        let listed = lot.tenders.filter(\.listed)
        lot.lowerHigher = listed.count > 1 && random.chance(0.4)
            && !listed.contains { $0.placeholder != nil || $0.withheld }
        spec.lots[position] = lot
    }

    // MARK: background

    mutating func buildBackground() {
        let count = lotCount([0.56, 0.20, 0.12, 0.07, 0.05])
        var total = drawTotal()
        var published = !random.chance(Messiness.missingEstimate)
        if count == 1, random.chance(Messiness.nearThreshold) {
            let value = Double(threshold) * (1 - random.uniform(0.003, 0.07))
            total = Double(Int64(value) - Int64(value) % 10)
            published = true
        }
        makeLots(count, total: total, published: published)
        setLegalDeadlines()
        let onlyWinners = random.chance(Messiness.onlyWinnersListed)
        for position in spec.lots.indices {
            let suppliers = bidders(backgroundBidderCount())
            let (tenders, winner) = competitiveTenders(suppliers, estimate: internalEstimates[position],
                                                       qualityAward: random.chance(Messiness.qualityAward))
            award(position, tenders: tenders, winner: winner)
            if random.chance(Messiness.framework) {
                spec.lots[position].framework = true
            }
            applyMessiness(to: position, onlyWinners: onlyWinners, allowValueProblems: true)
        }
        setLegalAwardDates()
        if division.niche {
            let single = spec.lots.filter { $0.tenders.count == 1 }.map { lotId($0.number) }
            if !single.isEmpty {
                spec.camouflaged.append(CamouflagedEntry(
                    kind: .nicheSingleBid, lots: single,
                    detail: "niche market CPV \(division.code) in \(country.code): one or two bidders per lot is the norm"))
            }
        }
    }

    // MARK: direct awards

    mutating func buildDirectAward() {
        spec.veat = random.chance(0.5)
        if random.chance(0.8) { spec.directJustification = random.pick(Catalogue.directAwardJustifications) }
        let amount = Double(Self.round(random.lognormal(median: division.median * 0.5, sigma: 0.9)))
        makeLots(1, total: amount * random.uniform(1.0, 1.12), published: random.chance(0.4))
        let supplier = bidders(1)
        let (value, withCents) = cents(amount)
        spec.lots[0].tenders = [TenderSpec(supplier: supplier[0], cents: value, withCents: withCents, rank: 1)]
        spec.lots[0].statistics = !spec.veat && random.chance(0.6) ? 1 : nil
        spec.awardNoticeDay = dispatch
        spec.lots[0].awardDate = dispatch - Int32(5 + random.below(36))
        if !spec.veat, random.chance(0.75) {
            spec.lots[0].conclusionDate = spec.lots[0].awardDate + Int32(random.below(16))
        }
        spec.ranks = false
    }

    // MARK: cartel rotation

    mutating func buildCartel(ring ringIndex: Int, turn: Int, winner: Int) {
        let ring = plan.rings[ringIndex]
        let count = random.chance(0.7) ? 1 : 2
        makeLots(count, total: drawTotal(), published: true)
        setLegalDeadlines()
        let onlyWinners = random.chance(0.10)
        var order = ring.members
        let first = order.firstIndex(of: winner) ?? 0
        order = Array(order[first...] + order[..<first])
        var details: [String] = []
        for position in spec.lots.indices {
            let lotWinner = order[position % order.count]
            var members = ring.members
            if members.count >= 4, random.chance(0.2) {
                members.removeAll { $0 == order[(position + 1 + random.below(order.count - 1)) % order.count] }
            }
            let estimate = internalEstimates[position]
            var tenders: [TenderSpec] = []
            let (winning, withCents) = cents(estimate * random.uniform(0.93, 1.0))
            tenders.append(TenderSpec(supplier: lotWinner, cents: winning, withCents: withCents))
            var lowest = 1.0, highest = 0.0
            for member in members where member != lotWinner {
                let markup = random.uniform(0.03, 0.08)
                lowest = min(lowest, markup)
                highest = max(highest, markup)
                let (cover, coverCents) = cents(Double(winning) / 100 * (1 + markup))
                tenders.append(TenderSpec(supplier: member, cents: cover, withCents: coverCents))
            }
            var outsiders = 0
            if random.chance(0.35) {
                for outsider in bidders(1 + random.below(2), excluding: ring.members) {
                    let (price, priceCents) = cents(Double(winning) / 100 * random.uniform(1.09, 1.30))
                    tenders.append(TenderSpec(supplier: outsider, cents: price, withCents: priceCents))
                    outsiders += 1
                }
            }
            tenders.sort { $0.cents < $1.cents }
            award(position, tenders: tenders, winner: tenders.firstIndex { $0.supplier == lotWinner } ?? 0)
            applyMessiness(to: position, onlyWinners: onlyWinners, allowValueProblems: false,
                           allowMissingStatistics: random.chance(0.6))
            let winnerId = plan.market.suppliers[lotWinner].organization.nationalIdText
            details.append("\(lotId(position + 1)): winner \(winnerId), \(members.count - 1) cover bids "
                + "\(percent(lowest))–\(percent(highest)) above it, \(outsiders) outsiders")
        }
        setLegalAwardDates()
        spec.planted.append(PlantedScheme(
            scheme: .cartelRotation, lots: spec.lots.map { lotId($0.number) }, group: groupId("ring", ring.id),
            detail: "turn \(turn + 1) of \(ring.procedures.count); " + details.joined(separator: "; ")))
    }

    func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: favoured supplier

    mutating func buildFavoured(pair pairIndex: Int) {
        let pair = plan.pairs[pairIndex]
        makeLots(1, total: drawTotal(), published: true)
        let under = random.chance(0.5)
        let days = under ? 18 + random.below(10) : 30 + random.below(2)
        setDeadline(0, days: days)
        let actual = Int((spec.lots[0].deadline ?? spec.lots[0].requestsDeadline ?? dispatch) - dispatch)
        let ratio = random.uniform(0.98, 1.02)
        let (amount, withCents) = cents(internalEstimates[0] * ratio)
        award(0, tenders: [TenderSpec(supplier: pair.supplier, cents: amount, withCents: withCents)], winner: 0)
        applyMessiness(to: 0, onlyWinners: false, allowValueProblems: false, allowMissingStatistics: random.chance(0.5))
        setLegalAwardDates()
        let supplierId = plan.market.suppliers[pair.supplier].organization.nationalIdText
        let stage = spec.type.twoStage ? "requests" : "submission"
        spec.planted.append(PlantedScheme(
            scheme: .favouredSupplier, lots: [lotId(1)], group: groupId("pair", pair.id),
            detail: "supplier \(supplierId); single bid; \(stage) period \(actual) days (minimum 30); "
                + "winning price \(percent(Double(amount) / 100 / internalEstimates[0])) of the estimate"))
    }

    // MARK: threshold splitting

    mutating func buildSplitting(series seriesIndex: Int, part: Int, estimate: Int64) {
        let series = plan.series[seriesIndex]
        makeLots(1, total: Double(estimate), published: true)
        setLegalDeadlines()
        var tenders: [TenderSpec]
        var winner = 0
        if let favourite = series.supplier {
            let others = bidders(random.below(3), excluding: [favourite])
            let (competition, _) = competitiveTenders(others, estimate: Double(estimate), qualityAward: false)
            let cheapest = competition.first.map { Double($0.cents) / 100 } ?? Double(estimate)
            let (amount, withCents) = cents(min(cheapest * random.uniform(0.93, 0.99), Double(estimate) * 0.97))
            tenders = competition + [TenderSpec(supplier: favourite, cents: amount, withCents: withCents)]
            tenders.sort { $0.cents < $1.cents }
            winner = tenders.firstIndex { $0.supplier == favourite } ?? 0
        } else {
            (tenders, winner) = competitiveTenders(bidders(backgroundBidderCount()), estimate: Double(estimate),
                                                   qualityAward: false)
        }
        award(0, tenders: tenders, winner: winner)
        applyMessiness(to: 0, onlyWinners: random.chance(Messiness.onlyWinnersListed), allowValueProblems: false)
        setLegalAwardDates()
        let total = series.estimates.reduce(0, +)
        let below = Double(series.threshold - estimate) / Double(series.threshold)
        var detail = "part \(part + 1) of \(series.procedures.count), CPV class \(series.cpvClass); estimate \(estimate) EUR, "
            + "\(percent(below)) below the \(series.threshold) EUR threshold; series total \(total) EUR"
        if let favourite = series.supplier {
            detail += "; supplier \(plan.market.suppliers[favourite].organization.nationalIdText) bids in every part"
        }
        spec.planted.append(PlantedScheme(scheme: .thresholdSplitting, lots: [lotId(1)],
                                          group: groupId("split", series.id), detail: detail))
    }

    // MARK: deadline abuse

    mutating func buildDeadlineAbuse(_ abuse: DeadlineAbuse) {
        makeLots(lotCount([0.6, 0.25, 0.15]), total: drawTotal(), published: true)
        var details: [String] = []
        if abuse.contains(.shortPeriod) {
            let days = spec.type.twoStage ? 10 + random.below(15) : 10 + random.below(17)
            for position in spec.lots.indices { setDeadline(position, days: days) }
            let lot = spec.lots[0]
            let actual = Int((lot.deadline ?? lot.requestsDeadline!) - dispatch)
            details.append("\(spec.type.twoStage ? "requests" : "submission") period \(actual) days "
                + "(minimum \(legalMinimum(lot)))")
        } else if abuse.contains(.movedEarlier) {
            for position in spec.lots.indices {
                spec.lots[position].electronicSubmission = .required
                setDeadline(position, days: 35 + random.below(11))
            }
            let changeDay = dispatch + Int32(6 + random.below(7))
            spec.changeNoticeDay = changeDay
            spec.changeReason = Text.escaped(random.pick(Catalogue.changeReasons))
            let days = random.chance(0.6) ? 16 + random.below(12) : 30 + random.below(4)
            let moved = followingWorkday(dispatch + Int32(days))
            for position in spec.lots.indices { spec.lots[position].changedDeadline = moved }
            let from = CalendarDate(daysSinceEpoch: spec.lots[0].deadline!)
            details.append("deadline moved earlier by a change notice: \(from) → \(CalendarDate(daysSinceEpoch: moved)), "
                + "\(moved - dispatch) days after dispatch (minimum 30)")
        } else {
            setLegalDeadlines()
        }
        let onlyWinners = random.chance(Messiness.onlyWinnersListed) && !abuse.contains(.standstill)
        for position in spec.lots.indices {
            var count = backgroundBidderCount()
            if abuse.contains(.standstill) { count = max(2, count) }
            let (tenders, winner) = competitiveTenders(bidders(count), estimate: internalEstimates[position],
                                                       qualityAward: random.chance(Messiness.qualityAward))
            award(position, tenders: tenders, winner: winner)
            applyMessiness(to: position, onlyWinners: onlyWinners, allowValueProblems: false,
                           allowMissingStatistics: !abuse.contains(.standstill))
        }
        let decision = abuse.contains(.slowDecision) ? 181 + random.below(180) : normalDecisionDays()
        let missingConclusion = !abuse.contains(.standstill) && random.chance(Messiness.missingConclusionDate)
        let signature = 1 + random.below(8)
        for position in spec.lots.indices {
            spec.lots[position].awardDate = decisionBase(spec.lots[position]) + Int32(decision)
            if abuse.contains(.standstill) {
                spec.lots[position].conclusionDate = spec.lots[position].awardDate + Int32(signature)
            } else {
                setConclusion(position, missing: missingConclusion)
            }
        }
        if abuse.contains(.slowDecision) {
            details.append("award decision \(decision) days after the deadline (maximum 180)")
        }
        if abuse.contains(.standstill) {
            details.append("contracts signed \(signature) days after the award decision (standstill 10)")
        }
        spec.planted.append(PlantedScheme(scheme: .deadlineAbuse, lots: spec.lots.map { lotId($0.number) }, group: nil,
                                          detail: details.joined(separator: "; ")))
    }

    // MARK: identical bids

    mutating func buildIdenticalBids() {
        makeLots(lotCount([0.6, 0.25, 0.15]), total: drawTotal(), published: true)
        setLegalDeadlines()
        var affected: [Int] = [random.below(spec.lots.count)]
        if spec.lots.count > 1, random.chance(0.15) {
            affected.append((affected[0] + 1) % spec.lots.count)
        }
        var details: [String] = []
        for position in spec.lots.indices {
            let planted = affected.contains(position)
            let count = planted ? 3 + random.below(4) : backgroundBidderCount()
            var (tenders, winner) = competitiveTenders(bidders(count), estimate: internalEstimates[position],
                                                       qualityAward: false)
            if planted, tenders.count >= 2 {
                let atWinner = tenders.count < 3 || random.chance(0.55)
                let first = atWinner ? 0 : 1
                let copies = tenders.count >= first + 3 && random.chance(0.2) ? 3 : 2
                let shared = tenders[first].cents - tenders[first].cents % 1000
                for offset in 0..<copies {
                    tenders[first + offset].cents = shared
                    tenders[first + offset].withCents = true
                }
                // Keep the order by price and every other price distinct from the shared one.
                for other in tenders.indices where other >= first + copies && tenders[other].cents <= shared {
                    tenders[other].cents = shared + Int64(100 * (1 + other))
                }
                if first == 1, tenders[0].cents >= shared { tenders[0].cents = shared - 1_000 }
                winner = 0
                let what = atWinner ? "the winning price" : "a losing price"
                details.append("\(lotId(position + 1)): \(copies) tenders at \(shared / 100).00 EUR (\(what))")
            }
            award(position, tenders: tenders, winner: winner)
            applyMessiness(to: position, onlyWinners: planted ? false : random.chance(0.3), allowValueProblems: false,
                           allowMissingStatistics: !planted)
        }
        setLegalAwardDates()
        spec.planted.append(PlantedScheme(scheme: .identicalBids, lots: affected.sorted().map { lotId($0 + 1) },
                                          group: nil, detail: details.joined(separator: "; ")))
    }

    // MARK: camouflage

    mutating func buildJustifiedUrgency() {
        makeLots(lotCount([0.7, 0.3]), total: drawTotal(), published: !random.chance(Messiness.missingEstimate))
        spec.accelerated = true
        spec.urgencyText = Text.escaped(random.pick(Catalogue.urgencyTexts))
        let days = spec.type.twoStage ? 15 + random.below(6) : 15 + random.below(8)
        for position in spec.lots.indices { setDeadline(position, days: days) }
        let lot = spec.lots[0]
        let actual = Int((lot.deadline ?? lot.requestsDeadline!) - dispatch)
        let onlyWinners = random.chance(Messiness.onlyWinnersListed)
        for position in spec.lots.indices {
            let (tenders, winner) = competitiveTenders(bidders(backgroundBidderCount()),
                                                       estimate: internalEstimates[position], qualityAward: false)
            award(position, tenders: tenders, winner: winner)
            applyMessiness(to: position, onlyWinners: onlyWinners, allowValueProblems: true)
        }
        setLegalAwardDates()
        spec.camouflaged.append(CamouflagedEntry(
            kind: .justifiedUrgency, lots: spec.lots.map { lotId($0.number) },
            detail: "accelerated procedure (BT-106 true, justified): \(actual) days, legal minimum with urgency 15"))
    }

    mutating func buildFrameworkAtEstimate() {
        makeLots(lotCount([0.7, 0.3]), total: drawTotal(), published: true)
        setLegalDeadlines()
        for position in spec.lots.indices {
            let estimate = Int64(internalEstimates[position])
            spec.lots[position].framework = true
            spec.lots[position].frameworkMaximum = estimate
            let suppliers = bidders(2 + random.below(4))
            let (others, _) = competitiveTenders(suppliers, estimate: internalEstimates[position], qualityAward: false)
            var tenders = others
            // The framework's value is its maximum: the winning tender is published at the estimate.
            tenders[0].cents = estimate * 100
            tenders[0].withCents = random.chance(0.5)
            award(position, tenders: tenders, winner: 0)
            applyMessiness(to: position, onlyWinners: true, allowValueProblems: false, allowMissingStatistics: false)
        }
        setLegalAwardDates()
        spec.camouflaged.append(CamouflagedEntry(
            kind: .frameworkAtEstimate, lots: spec.lots.map { lotId($0.number) },
            detail: "framework agreement: the awarded value is the framework maximum, equal to the estimate"))
    }
}
