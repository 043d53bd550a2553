import TenderModel

/// The notices of one procedure in a total, input-independent order, duplicates removed,
/// each with its effective phase.
struct NoticeTimeline {
    private(set) var notices: [Notice] = []
    private(set) var phases: [NoticePhase] = []
    private(set) var warnings: [Diagnostic] = []

    init(_ input: [Notice]) {
        let unique = removingDuplicates(input)
        notices = unique.sorted(by: NoticeTimeline.precedes)
        phases = notices.map { NoticeTimeline.effectivePhase(of: $0, among: notices) }
    }

    /// The same notice id twice. Same version and dispatch date: one notice read twice, keep
    /// the first file by path. Different versions: keep the highest. Same version but a
    /// different dispatch date: two different notices wrongly sharing an id, keep both.
    /// Every decision is reported.
    private mutating func removingDuplicates(_ input: [Notice]) -> [Notice] {
        var byId: [String: [Notice]] = [:]
        for notice in input { byId[notice.id, default: []].append(notice) }
        var kept: [Notice] = []
        for id in byId.keys.sorted() {
            let copies = byId[id]!.sorted(by: NoticeTimeline.preferredCopy)
            let best = copies[0]
            kept.append(best)
            for other in copies.dropFirst() {
                let location = SourceLocation(file: other.source.file)
                if other.version != best.version {
                    warnings.append(Diagnostic(.duplicate, "notice \(id) version \(other.version ?? "?") is superseded "
                        + "by version \(best.version ?? "?") in \(best.source.file); ignored", at: location))
                } else if other.dispatchDate == best.dispatchDate {
                    warnings.append(Diagnostic(.duplicate, "notice \(id) is also in \(best.source.file); "
                        + "this copy is ignored", at: location))
                } else {
                    warnings.append(Diagnostic(.duplicate, "notice id \(id) is also used by \(best.source.file), "
                        + "dispatched on another date; both are kept as different notices", at: location))
                    kept.append(other)
                }
            }
        }
        return kept
    }

    private static func preferredCopy(_ lhs: Notice, _ rhs: Notice) -> Bool {
        let lhsVersion = versionNumber(lhs.version), rhsVersion = versionNumber(rhs.version)
        if lhsVersion != rhsVersion { return lhsVersion > rhsVersion }
        if lhs.dispatchDate != rhs.dispatchDate { return (lhs.dispatchDate ?? .distantPast) > (rhs.dispatchDate ?? .distantPast) }
        return lhs.source.file < rhs.source.file
    }

    /// Timeline order: dispatch date, an original before the change notices that correct it,
    /// then version, id and file so that ties never depend on input order.
    static func precedes(_ lhs: Notice, _ rhs: Notice) -> Bool {
        let lhsDate = lhs.dispatchDate ?? .distantPast, rhsDate = rhs.dispatchDate ?? .distantPast
        if lhsDate != rhsDate { return lhsDate < rhsDate }
        if lhs.change?.changes(noticeId: rhs.id) == true { return false }
        if rhs.change?.changes(noticeId: lhs.id) == true { return true }
        if (lhs.change == nil) != (rhs.change == nil) { return lhs.change == nil }
        let lhsTime = lhs.dispatchTime?.secondsSinceMidnight ?? 0, rhsTime = rhs.dispatchTime?.secondsSinceMidnight ?? 0
        if lhsTime != rhsTime { return lhsTime < rhsTime }
        let lhsVersion = versionNumber(lhs.version), rhsVersion = versionNumber(rhs.version)
        if lhsVersion != rhsVersion { return lhsVersion < rhsVersion }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.source.file < rhs.source.file
    }

    private static func versionNumber(_ version: String?) -> Int {
        version.flatMap { Int($0) } ?? 0
    }

    /// A change notice (BT-03 `change`) belongs to the phase of what it changes; a notice of
    /// unknown type is placed by its content.
    private static func effectivePhase(of notice: Notice, among notices: [Notice]) -> NoticePhase {
        switch notice.phase {
        case .change, .unknown:
            if let change = notice.change,
               let phase = notices.first(where: { change.changes(noticeId: $0.id) })?.phase,
               phase != .change, phase != .unknown {
                return phase
            }
            if notice.modification != nil { return .modification }
            if notice.result != nil { return .result }
            if notice.lots.contains(where: { $0.submissionDeadline != nil || $0.requestsDeadline != nil }) {
                return .competition
            }
            return notice.phase == .change ? .competition : .planning
        default:
            return notice.phase
        }
    }
}

extension CalendarDate {
    static let distantPast = CalendarDate(daysSinceEpoch: Int32.min)
}
