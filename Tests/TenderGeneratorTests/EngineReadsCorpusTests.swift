import Foundation
import Testing
import TenderEngine
import TenderGenerator
import TenderModel
import TenderXML

/// One generated corpus of 2,000 procedures, read and screened once by the engine for all
/// tests of this suite (the files are removed as soon as they are read).
struct ScreenedCorpus: Sendable {
    struct Flag: Sendable, Hashable {
        var indicator: String
        var lot: String?
    }

    var truth: GroundTruth
    var files: Int
    var errors: [Diagnostic]
    var procedures: [String: Procedure]
    var flags: [String: Set<Flag>]

    static let shared: ScreenedCorpus = {
        let folder = TemporaryFolder("corpus")
        let summary = try! MarketGenerator.generate(GeneratorOptions(procedures: 2000, seed: 2024, jobs: 2),
                                                    into: folder.path)
        let output = ScreenJob(paths: [folder.path], jobs: 2).run()
        var procedures: [String: Procedure] = [:]
        var flags: [String: Set<Flag>] = [:]
        for screened in output.result.ranking {
            procedures[screened.procedure.id] = screened.procedure
            flags[screened.procedure.id] = Set(screened.findings.filter(\.isFlagged).map {
                Flag(indicator: $0.indicator, lot: $0.lot)
            })
        }
        return ScreenedCorpus(truth: summary.truth, files: summary.files, errors: output.errors,
                              procedures: procedures, flags: flags)
    }()

    /// Planted procedures of one scheme, with the scheme entry.
    func planted(_ kind: SchemeKind) -> [(procedure: Procedure, scheme: GroundTruth.Scheme)] {
        truth.planted.flatMap { entry in
            entry.schemes.filter { $0.scheme == kind }.map { (procedures[entry.procedure]!, $0) }
        }
    }

    func flagged(_ procedure: Procedure, _ indicator: String, lot: String? = nil) -> Bool {
        flags[procedure.id, default: []].contains { $0.indicator == indicator && (lot == nil || $0.lot == lot) }
    }
}

@Suite("generate: the engine reads what was planted")
struct EngineReadsCorpusTests {
    let corpus = ScreenedCorpus.shared

    @Test("every scheme and camouflage kind is planted in 2,000 procedures")
    func everyKindPlanted() {
        for kind in SchemeKind.allCases {
            #expect((corpus.truth.schemeCounts[kind] ?? 0) >= 5, "\(kind.rawValue)")
        }
        for kind in CamouflageKind.allCases {
            #expect((corpus.truth.camouflageCounts[kind] ?? 0) >= 5, "\(kind.rawValue)")
        }
        #expect(corpus.truth.groups.contains { $0.scheme == .cartelRotation })
        #expect(corpus.truth.groups.contains { $0.scheme == .favouredSupplier })
        #expect(corpus.truth.groups.contains { $0.scheme == .thresholdSplitting })
    }

    @Test("read with zero errors and zero warnings; every procedure assembles")
    func readsCleanly() {
        #expect(corpus.errors.isEmpty, "\(corpus.errors.prefix(5))")
        #expect(corpus.procedures.count == 2000)
        let warned = corpus.procedures.values.filter { !$0.warnings.isEmpty }
        #expect(warned.isEmpty, "\(warned.prefix(3).map(\.warnings))")
        var notices = 0
        for procedure in corpus.procedures.values {
            notices += procedure.notices.count
            let types = procedure.notices.compactMap(\.noticeType)
            if procedure.procedureType.value == "neg-wo-call" {
                #expect(types.count == 1 && (types == ["can-standard"] || types == ["veat"]), "\(procedure.id)")
            } else {
                #expect(types.first == "cn-standard" && types.last == "can-standard", "\(procedure.id): \(types)")
                #expect(procedure.lots.allSatisfy { $0.callNotice != nil && $0.resultNotice != nil }, "\(procedure.id)")
            }
            #expect(procedure.lots.allSatisfy { $0.result?.winners.count == 1 }, "\(procedure.id)")
        }
        #expect(notices == corpus.files)
        for entry in corpus.truth.planted { #expect(corpus.procedures[entry.procedure] != nil) }
        for entry in corpus.truth.camouflaged { #expect(corpus.procedures[entry.procedure] != nil) }
    }

    @Test("identical bids: the engine sees equal prices from different tenderers and flags the lot")
    func identicalBids() {
        let planted = corpus.planted(.identicalBids)
        #expect(!planted.isEmpty)
        for (procedure, scheme) in planted {
            for lotId in scheme.lots {
                let lot = procedure.lots.first { $0.id == lotId }!
                let amounts = lot.result!.tenders.compactMap(\.amount.value)
                #expect(Set(amounts).count < amounts.count, "\(procedure.id) \(lotId)")
                #expect(corpus.flagged(procedure, "identical-bid-prices", lot: lotId), "\(procedure.id) \(lotId)")
            }
        }
    }

    @Test("favoured supplier: one tender, from the pair's supplier, at 98–102 % of the estimate")
    func favouredSupplier() {
        let planted = corpus.planted(.favouredSupplier)
        #expect(!planted.isEmpty)
        let groups = Dictionary(uniqueKeysWithValues: corpus.truth.groups.map { ($0.group, $0) })
        for (procedure, scheme) in planted {
            let lot = procedure.lots[0]
            let tenders = lot.result!.tenders
            #expect(tenders.count == 1)
            #expect(lot.tendersReceived?.count.value == 1)
            let supplier = groups[scheme.group!]!.supplier!
            #expect(tenders[0].tenderers.first?.organization.nationalId == supplier)
            let ratio = tenders[0].amount.value!.value.doubleValue / lot.call!.estimatedValue!.value.doubleValue
            #expect(ratio >= 0.98 && ratio <= 1.02, "\(procedure.id): \(ratio)")
            #expect(corpus.flagged(procedure, "single-bid", lot: lot.id))
            #expect(corpus.flagged(procedure, "winning-bid-near-estimate", lot: lot.id))
            #expect(procedure.buyers.first?.organization.nationalId == groups[scheme.group!]!.buyer)
        }
    }

    @Test("deadline abuse: each planted breach is flagged by the matching indicator")
    func deadlineAbuse() {
        let planted = corpus.planted(.deadlineAbuse)
        #expect(!planted.isEmpty)
        var standstill = 0
        for (procedure, scheme) in planted {
            let lot = scheme.lots[0]
            if scheme.detail.contains("standstill") {
                standstill += 1
                #expect(corpus.flagged(procedure, "standstill-breach", lot: lot), "\(procedure.id)")
            }
            if scheme.detail.contains("maximum 180") {
                #expect(corpus.flagged(procedure, "decision-period", lot: lot), "\(procedure.id)")
            }
            if scheme.detail.contains("period") || scheme.detail.contains("moved earlier") {
                #expect(corpus.flagged(procedure, "short-submission-period", lot: lot), "\(procedure.id)")
            }
            if scheme.detail.contains("moved earlier") {
                #expect(procedure.lots[0].deadlineHistory.last?.change == .earlier)
                #expect(procedure.notices.count == 3)
            }
        }
        #expect(standstill > 0)
    }

    @Test("threshold splitting: estimates 1–5 % under the threshold, one buyer and CPV class per series")
    func thresholdSplitting() {
        let planted = corpus.planted(.thresholdSplitting)
        #expect(!planted.isEmpty)
        for group in corpus.truth.groups where group.scheme == .thresholdSplitting {
            let members = group.procedures.map { corpus.procedures[$0]! }
            #expect(members.count >= 3)
            #expect(Set(members.compactMap { $0.buyers.first?.organization.nationalId }) == [group.buyer!])
            #expect(members.allSatisfy { $0.mainCpv?.hasPrefix(group.cpvClass!) == true })
            let threshold = Double(group.threshold!)
            var total = 0.0
            for procedure in members {
                let estimate = procedure.estimatedValue!.value.doubleValue
                total += estimate
                #expect(estimate < threshold * 0.99 && estimate >= threshold * 0.95, "\(procedure.id)")
                #expect(corpus.flagged(procedure, "threshold-proximity"), "\(procedure.id)")
            }
            #expect(total > threshold)
            let dates = members.compactMap { $0.callForCompetition?.dispatchDate }.sorted()
            #expect(dates.first!.days(to: dates.last!) <= 180)
        }
    }

    @Test("cartel rotation: ring members bid together, wins rotate, covers 3–8 % above the winner")
    func cartelRotation() {
        for group in corpus.truth.groups where group.scheme == .cartelRotation {
            let members = Set(group.members)
            var winners: Set<String> = []
            for id in group.procedures {
                let procedure = corpus.procedures[id]!
                for lot in procedure.lots {
                    let result = lot.result!
                    let winner = result.winners[0]
                    let winnerId = winner.tenderers[0].organization.nationalId!
                    #expect(members.contains(winnerId))
                    winners.insert(winnerId)
                    guard let price = winner.amount.value?.value.doubleValue else { continue }
                    for tender in result.tenders where !tender.isWinner {
                        let bidder = tender.tenderers[0].organization.nationalId!
                        let markup = tender.amount.value!.value.doubleValue / price - 1
                        if members.contains(bidder) {
                            #expect(markup >= 0.029 && markup <= 0.081, "\(id): cover \(markup)")
                        } else {
                            #expect(markup > 0.085, "\(id): outsider \(markup)")
                        }
                    }
                }
            }
            #expect(winners.count >= min(2, group.procedures.count), "\(group.group)")
        }
    }

    @Test("camouflage: justified urgency is clear; frameworks win at the estimate; niche lots have one bid")
    func camouflage() {
        for entry in corpus.truth.camouflaged {
            let procedure = corpus.procedures[entry.procedure]!
            switch entry.kind {
            case .justifiedUrgency:
                #expect(procedure.accelerated.value == true)
                #expect(procedure.acceleratedJustification != nil)
                #expect(!corpus.flagged(procedure, "short-submission-period"), "\(procedure.id)")
                let lot = procedure.lots[0]
                let deadline = (lot.call?.submissionDeadline ?? lot.call?.requestsDeadline)!.date
                let days = procedure.callForCompetition!.dispatchDate!.days(to: deadline)
                #expect(days >= 15 && days < 30, "\(procedure.id): \(days)")
            case .frameworkAtEstimate:
                for lot in procedure.lots {
                    #expect(lot.call?.isFramework == true)
                    #expect(lot.result?.awardedValue.value?.value == lot.call?.estimatedValue?.value)
                }
            case .nicheSingleBid:
                for lotId in entry.lots {
                    let lot = procedure.lots.first { $0.id == lotId }!
                    #expect(lot.result?.tenders.count == 1)
                }
                #expect(!corpus.truth.planted.contains { $0.procedure == procedure.id })
            }
        }
    }

    @Test("background procedures keep the legal time limits")
    func backgroundIsLegal() {
        let special = Set(corpus.truth.planted.map(\.procedure))
        for procedure in corpus.procedures.values where !special.contains(procedure.id) {
            #expect(!corpus.flagged(procedure, "short-submission-period"), "\(procedure.id)")
            #expect(!corpus.flagged(procedure, "standstill-breach"), "\(procedure.id)")
            #expect(!corpus.flagged(procedure, "decision-period"), "\(procedure.id)")
            #expect(!corpus.flagged(procedure, "identical-bid-prices"), "\(procedure.id)")
        }
    }
}
