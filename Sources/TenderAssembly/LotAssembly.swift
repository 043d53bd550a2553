import TenderModel

/// Puts each lot's call facts, deadline history and latest result together.
enum LotAssembly {
    static func lots(calls: [Notice], results: [Notice], modifications: [Notice], describing: [Notice])
        -> [ProcedureLot] {
        var lots: [String: ProcedureLot] = [:]

        // Call facts: the latest competition notice describing the lot; without one, the
        // latest other notice that does (an award notice of a direct award).
        for notice in describing {
            for lot in notice.lots where lot.kind != .part {
                lots[lot.id, default: ProcedureLot(id: lot.id, kind: lot.kind)].call = lot
                lots[lot.id]!.callNotice = notice.id
            }
        }
        for notice in calls {
            for lot in notice.lots where lot.kind != .part {
                lots[lot.id, default: ProcedureLot(id: lot.id, kind: lot.kind)].call = lot
                lots[lot.id]!.callNotice = notice.id
                recordDeadlines(of: lot, in: notice, into: &lots[lot.id]!)
            }
        }

        for notice in results {
            for result in notice.result?.lotResults ?? [] {
                guard let lotId = result.lotId else { continue }
                lots[lotId, default: ProcedureLot(id: lotId, kind: kind(of: lotId))].result = result
                lots[lotId]!.resultNotice = notice.id
            }
        }

        // A modification notice repeats the modified contract: it tells what was awarded
        // only where no award notice is at hand.
        for notice in modifications {
            for lot in notice.lots where lot.kind != .part && lots[lot.id]?.call == nil {
                lots[lot.id, default: ProcedureLot(id: lot.id, kind: lot.kind)].call = lot
                lots[lot.id]!.callNotice = notice.id
            }
            for result in notice.result?.lotResults ?? [] {
                guard let lotId = result.lotId, lots[lotId]?.result == nil else { continue }
                lots[lotId, default: ProcedureLot(id: lotId, kind: kind(of: lotId))].result = result
                lots[lotId]!.resultNotice = notice.id
            }
        }

        return lots.values.sorted { lhs, rhs in
            lhs.kind == rhs.kind ? lhs.id < rhs.id : lhs.kind == .lot
        }
    }

    /// How a deadline moved. Different dates: by date (dates are compared as written).
    /// Same date: by the instant when both times carry an offset, by the clock when neither
    /// does; when only one side gives a time or an offset, the move cannot be told.
    static func movement(from before: DateTime, to after: DateTime) -> DeadlineChange? {
        if before.date != after.date { return after.date < before.date ? .earlier : .later }
        guard let first = before.time, let second = after.time else { return nil }
        let start: Int, end: Int
        switch (first.offsetMinutes, second.offsetMinutes) {
        case let (firstOffset?, secondOffset?):
            start = Int(first.secondsSinceMidnight) - Int(firstOffset) * 60
            end = Int(second.secondsSinceMidnight) - Int(secondOffset) * 60
        case (nil, nil):
            start = Int(first.secondsSinceMidnight)
            end = Int(second.secondsSinceMidnight)
        default:
            return nil
        }
        return start == end ? nil : (end < start ? .earlier : .later)
    }

    /// A lot only a result mentions: eForms numbers groups of lots `GLO-…`.
    private static func kind(of lotId: String) -> LotKind {
        lotId.hasPrefix("GLO-") ? .group : .lot
    }

    private static func recordDeadlines(of lot: Lot, in notice: Notice, into procedureLot: inout ProcedureLot) {
        guard lot.submissionDeadline != nil || lot.requestsDeadline != nil else { return }
        var record = DeadlineRecord(notice: notice.id, dispatchDate: notice.dispatchDate,
                                    submissionDeadline: lot.submissionDeadline, requestsDeadline: lot.requestsDeadline)
        if let previous = procedureLot.deadlineHistory.last {
            let before = lot.submissionDeadline != nil ? previous.submissionDeadline : previous.requestsDeadline
            if let before, let after = record.governingDeadline { record.change = movement(from: before, to: after) }
        }
        procedureLot.deadlineHistory.append(record)
    }
}
