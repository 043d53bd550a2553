import TenderModel

/// The notices of one procedure in a total, input-independent order, duplicates removed,
/// each with its effective phase.
struct NoticeTimeline {
    private(set) var notices: [Notice] = []
    private(set) var phases: [NoticePhase] = []
    private(set) var warnings: [Diagnostic] = []

    init(_ input: [Notice]) {
        let unique = removingDuplicates(input)
        notices = NoticeTimeline.ordered(unique)
        phases = NoticeTimeline.effectivePhases(notices)
    }

    // MARK: Duplicates

    /// The same notice id more than once. Copies with the same version (compared as a number)
    /// and dispatch date are one notice read twice: the first file by path is kept. A lower
    /// version is superseded by a higher one. Copies with the highest version but different
    /// dispatch dates are different notices wrongly sharing an id: all are kept. Every
    /// decision is reported.
    private mutating func removingDuplicates(_ input: [Notice]) -> [Notice] {
        var byId: [String: [Notice]] = [:]
        for notice in input { byId[notice.id, default: []].append(notice) }
        var kept: [Notice] = []
        for id in byId.keys.sorted() {
            let copies = byId[id]!.sorted { $0.source.file < $1.source.file }
            guard copies.count > 1 else {
                kept += copies
                continue
            }
            let highest = copies.map { Self.versionNumber($0.version) }.max()!
            var keptForId: [Notice] = []
            for copy in copies {
                let location = SourceLocation(file: copy.source.file)
                if Self.versionNumber(copy.version) < highest {
                    let newer = copies.first { Self.versionNumber($0.version) == highest }!
                    warnings.append(Diagnostic(.duplicate, "notice \(id) version \(copy.version ?? "?") is superseded "
                        + "by version \(newer.version ?? "?") in \(newer.source.file); ignored", at: location))
                } else if let same = keptForId.first(where: { $0.dispatchDate == copy.dispatchDate }) {
                    warnings.append(Diagnostic(.duplicate, "notice \(id) is also in \(same.source.file); "
                        + "this copy is ignored", at: location))
                } else {
                    if let other = keptForId.first {
                        warnings.append(Diagnostic(.duplicate, "notice id \(id) is also used by \(other.source.file), "
                            + "dispatched on another date; both are kept as different notices", at: location))
                    }
                    keptForId.append(copy)
                }
            }
            kept += keptForId
        }
        return kept
    }

    static func versionNumber(_ version: String?) -> Int {
        version.flatMap { Int($0.trimmingLeadingZeros) } ?? 0
    }

    // MARK: Order

    /// Timeline order: by dispatch date; within a date, an original before the change notices
    /// that correct it (following the change links, never a pairwise rule, so no cycle can
    /// arise), ties by time, version, id and file so that nothing depends on input order.
    static func ordered(_ notices: [Notice]) -> [Notice] {
        let base = notices.sorted(by: baseOrder)
        var result: [Notice] = []
        result.reserveCapacity(base.count)
        var start = 0
        while start < base.count {
            var end = start + 1
            while end < base.count, base[end].dispatchDate == base[start].dispatchDate { end += 1 }
            result += originalsFirst(Array(base[start..<end]))
            start = end
        }
        return result
    }

    private static func baseOrder(_ lhs: Notice, _ rhs: Notice) -> Bool {
        let lhsDate = lhs.dispatchDate ?? .distantPast, rhsDate = rhs.dispatchDate ?? .distantPast
        if lhsDate != rhsDate { return lhsDate < rhsDate }
        let lhsTime = lhs.dispatchTime?.secondsSinceMidnight ?? -1, rhsTime = rhs.dispatchTime?.secondsSinceMidnight ?? -1
        if lhsTime != rhsTime { return lhsTime < rhsTime }
        let lhsVersion = versionNumber(lhs.version), rhsVersion = versionNumber(rhs.version)
        if lhsVersion != rhsVersion { return lhsVersion < rhsVersion }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.source.file < rhs.source.file
    }

    /// Kahn's algorithm over "original before its change", always taking the earliest ready
    /// notice in base order; a cycle (mutual changes) is broken in base order.
    private static func originalsFirst(_ group: [Notice]) -> [Notice] {
        guard group.count > 1, group.contains(where: { $0.change != nil }) else { return group }
        var indexById: [String: Int] = [:]
        for (index, notice) in group.enumerated() where indexById[notice.id] == nil { indexById[notice.id] = index }
        var predecessors = [Int](repeating: 0, count: group.count)
        var successors = [[Int]](repeating: [], count: group.count)
        for (index, notice) in group.enumerated() {
            guard let target = notice.change.flatMap({ changedIndex($0, indexById) }), target != index else { continue }
            successors[target].append(index)
            predecessors[index] += 1
        }
        var placed = [Bool](repeating: false, count: group.count)
        var result: [Notice] = []
        while result.count < group.count {
            let next = group.indices.first { !placed[$0] && predecessors[$0] == 0 }
                ?? group.indices.first { !placed[$0] }!
            placed[next] = true
            result.append(group[next])
            for successor in successors[next] { predecessors[successor] -= 1 }
        }
        return result
    }

    /// The index of the notice a change corrects: BT-758 is `<id>` or `<id>-<version>`.
    static func changedIndex(_ change: NoticeChange, _ indexById: [String: Int]) -> Int? {
        change.changedNoticeCandidates.lazy.compactMap { indexById[$0] }.first
    }

    // MARK: Phases

    /// A change notice (BT-03 `change`) belongs to the phase of what it changes, itself
    /// perhaps a change; a notice of unknown type is placed by its content.
    private static func effectivePhases(_ notices: [Notice]) -> [NoticePhase] {
        var indexById: [String: Int] = [:]
        for (index, notice) in notices.enumerated() where indexById[notice.id] == nil { indexById[notice.id] = index }
        var phases = notices.map(\.phase)
        for (index, notice) in notices.enumerated() where notice.phase == .change || notice.phase == .unknown {
            if let change = notice.change, let target = changedIndex(change, indexById), target != index,
               phases[target] != .change, phases[target] != .unknown {
                phases[index] = phases[target]
            } else if !notice.modifications.isEmpty {
                phases[index] = .modification
            } else if notice.result != nil {
                phases[index] = .result
            } else if notice.lots.contains(where: { $0.submissionDeadline != nil || $0.requestsDeadline != nil }) {
                phases[index] = .competition
            } else {
                phases[index] = notice.phase == .change ? .competition : .planning
            }
        }
        return phases
    }
}

extension CalendarDate {
    static let distantPast = CalendarDate(daysSinceEpoch: Int32.min)
}

extension String {
    fileprivate var trimmingLeadingZeros: String {
        let trimmed = drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
