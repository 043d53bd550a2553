import TenderModel

/// Builds one ``Procedure`` from its notices.
///
/// Which notice speaks for which fact:
/// - identity facts (title, type, buyers, CPV…): the latest notice stating them, contract
///   modifications and completions excluded;
/// - the estimated value and deadlines: the latest call for competition, because an
///   estimate restated after the bids is not the one the bids were made against;
/// - results: per lot, the latest result notice reporting on that lot (award notices often
///   cover a few lots each).
enum ProcedureBuilder {
    static func build(id: String, notices input: [Notice]) -> Procedure {
        let timeline = NoticeTimeline(input)
        var procedure = Procedure(id: id)
        procedure.notices = records(timeline)
        procedure.warnings = timeline.warnings + timeline.notices.flatMap(\.warnings)
            + unrelatedBuyerWarnings(timeline.notices)

        let describing = zip(timeline.notices, timeline.phases)
            .filter { $0.1 != .modification && $0.1 != .completion }.map(\.0)
        for notice in describing { merge(notice, into: &procedure) }

        let calls = zip(timeline.notices, timeline.phases).filter { $0.1 == .competition }.map(\.0)
        if let estimate = calls.reversed().lazy.compactMap(\.procedure.estimatedValue).first {
            procedure.estimatedValue = estimate
        }
        if let maximum = calls.reversed().lazy.compactMap(\.procedure.frameworkMaximum).first {
            procedure.frameworkMaximum = maximum
        }

        let results = zip(timeline.notices, timeline.phases).filter { $0.1 == .result }.map(\.0)
        let modifications = zip(timeline.notices, timeline.phases).filter { $0.1 == .modification }.map(\.0)
        // A modification notice repeats the contract; it stands in only where no award notice does.
        let valueSources = results.isEmpty ? modifications : results
        if let value = valueSources.reversed().lazy.compactMap({ $0.result?.totalValue })
            .first(where: { !$0.isUnknown }) {
            procedure.noticeValue = value
        }

        procedure.lots = LotAssembly.lots(calls: calls, results: results, modifications: modifications,
                                          describing: describing)
        procedure.modifications = zip(timeline.notices, timeline.phases).flatMap { notice, phase in
            guard phase == .modification else { return [ModificationRecord]() }
            return notice.modifications.map {
                ModificationRecord(notice: notice.id, dispatchDate: notice.dispatchDate, modification: $0)
            }
        }
        return procedure
    }

    private static func records(_ timeline: NoticeTimeline) -> [NoticeRecord] {
        var records = zip(timeline.notices, timeline.phases).map { NoticeRecord(notice: $0, phase: $1) }
        var indexById: [String: Int] = [:]
        for (index, record) in records.enumerated() where indexById[record.id] == nil { indexById[record.id] = index }
        for (index, notice) in timeline.notices.enumerated() {
            guard let change = notice.change, let target = NoticeTimeline.changedIndex(change, indexById),
                  target != index else { continue }
            records[target].supersededBy = notice.id
        }
        return records
    }

    /// Later notices override earlier ones, fact by fact, where they state the fact.
    private static func merge(_ notice: Notice, into procedure: inout Procedure) {
        let facts = notice.procedure
        procedure.title = facts.title ?? procedure.title
        procedure.internalReference = facts.internalReference ?? procedure.internalReference
        procedure.procedureType = facts.procedureType.or(procedure.procedureType)
        procedure.accelerated = facts.accelerated.or(procedure.accelerated)
        procedure.acceleratedJustification = facts.acceleratedJustification ?? procedure.acceleratedJustification
        procedure.directAwardJustification = facts.directAwardJustification.or(procedure.directAwardJustification)
        procedure.directAwardText = facts.directAwardText.or(procedure.directAwardText)
        procedure.nature = facts.nature ?? procedure.nature
        procedure.mainCpv = facts.mainCpv ?? procedure.mainCpv
        if !facts.additionalCpvs.isEmpty { procedure.additionalCpvs = facts.additionalCpvs }
        procedure.legalBasis = notice.legalBasis ?? procedure.legalBasis
        procedure.estimatedValue = facts.estimatedValue ?? procedure.estimatedValue
        procedure.frameworkMaximum = facts.frameworkMaximum ?? procedure.frameworkMaximum
        if !notice.buyers.isEmpty { procedure.buyers = uniqueByLocalId(notice.buyers) }
    }

    /// Notices of one procedure are published by its buyers; notices sharing a BT-04 without
    /// any buyer in common are probably unrelated notices reusing an identifier.
    private static func unrelatedBuyerWarnings(_ notices: [Notice]) -> [Diagnostic] {
        let withBuyers = notices.filter { !$0.buyers.isEmpty }
        guard let first = withBuyers.first else { return [] }
        let firstKeys = Set(first.buyers.map(\.organization.key))
        return withBuyers.dropFirst().compactMap { notice in
            guard firstKeys.isDisjoint(with: notice.buyers.map(\.organization.key)) else { return nil }
            let names = notice.buyers.compactMap(\.organization.name).joined(separator: ", ")
            let firstNames = first.buyers.compactMap(\.organization.name).joined(separator: ", ")
            return Diagnostic(.duplicate, "notice \(notice.id) shares procedure id \(notice.procedureId) with notice "
                + "\(first.id) but no buyer (\(names) vs \(firstNames)): the identifier may be reused by "
                + "unrelated notices", at: SourceLocation(file: notice.source.file))
        }
    }

    /// A buyer referenced twice in one notice is one buyer. Two buyers with the same key
    /// stay two: departments of one legal entity share its registration number (seen in
    /// Belgian notices) yet buy as separate authorities.
    private static func uniqueByLocalId(_ buyers: [Buyer]) -> [Buyer] {
        var seen: Set<String> = []
        return buyers.filter { seen.insert($0.organization.localId).inserted }
    }
}
