import TenderModel

/// Joins notices into procedures by BT-04.
///
/// The result does not depend on the order notices are added in: each procedure's notices
/// are put in a total order first (dispatch date, originals before their change notices,
/// version, notice id, file).
public struct ProcedureAssembler: Sendable {
    private var noticesByProcedure: [String: [Notice]] = [:]

    public init() {}

    public mutating func add(_ notice: Notice) {
        noticesByProcedure[notice.procedureId, default: []].append(notice)
    }

    public mutating func add<S: Sequence>(contentsOf notices: S) where S.Element == Notice {
        for notice in notices { add(notice) }
    }

    public var procedureCount: Int { noticesByProcedure.count }

    /// Every procedure, sorted by id, built on `jobs` threads (the result does not depend on it).
    public func assemble(jobs: Int = 1) -> [Procedure] {
        let ids = noticesByProcedure.keys.sorted()
        let notices = noticesByProcedure
        return Parallel.map(count: ids.count, jobs: jobs) { ProcedureBuilder.build(id: ids[$0], notices: notices[ids[$0]]!) }
    }

    /// One procedure from all of its notices (in any order).
    public static func procedure(id: String, notices: [Notice]) -> Procedure {
        ProcedureBuilder.build(id: id, notices: notices)
    }

    public static func assemble<S: Sequence>(_ notices: S, jobs: Int = 1) -> [Procedure] where S.Element == Notice {
        var assembler = ProcedureAssembler()
        assembler.add(contentsOf: notices)
        return assembler.assemble(jobs: jobs)
    }
}
