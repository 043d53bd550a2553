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

    /// Every procedure, sorted by id. (The engine assembles one procedure at a time from its
    /// stored notices, on its own threads, with ``procedure(id:notices:)``.)
    public func assemble() -> [Procedure] {
        noticesByProcedure.keys.sorted().map { Self.procedure(id: $0, notices: noticesByProcedure[$0]!) }
    }

    /// One procedure from all of its notices (in any order).
    public static func procedure(id: String, notices: [Notice]) -> Procedure {
        ProcedureBuilder.build(id: id, notices: notices)
    }

    public static func assemble<S: Sequence>(_ notices: S) -> [Procedure] where S.Element == Notice {
        var assembler = ProcedureAssembler()
        assembler.add(contentsOf: notices)
        return assembler.assemble()
    }
}
