import TenderAssembly
import TenderModel

/// Every notice read, grouped by procedure (BT-04) and sorted by procedure id: the index
/// the later passes walk, one procedure at a time, without holding the notices.
public struct StoredNotices<Storage: InterimStorage>: Sendable {
    public let storage: Storage
    private let entries: [Entry]
    /// Per procedure, its range in `entries`.
    private let groups: [Range<Int>]

    struct Entry: Sendable {
        var procedureId: String
        /// The position of the file in the input, so a procedure's notices keep input order.
        var file: Int
        var handle: Storage.NoticeHandle
    }

    /// Groups `entries` (in input order) by procedure id.
    init(storage: Storage, entries unsorted: [Entry]) {
        self.storage = storage
        entries = unsorted.sorted { lhs, rhs in
            lhs.procedureId != rhs.procedureId ? lhs.procedureId < rhs.procedureId : lhs.file < rhs.file
        }
        var groups: [Range<Int>] = []
        var start = 0
        for index in entries.indices.dropFirst() where entries[index].procedureId != entries[start].procedureId {
            groups.append(start..<index)
            start = index
        }
        if !entries.isEmpty { groups.append(start..<entries.count) }
        self.groups = groups
    }

    public var procedureCount: Int { groups.count }
    public var noticeCount: Int { entries.count }

    public func procedureId(at index: Int) -> String {
        entries[groups[index].lowerBound].procedureId
    }

    /// The procedure at `index` (in id order), assembled from its notices.
    public func procedure(at index: Int, scratch: inout [UInt8]) throws(Storage.Failure) -> Procedure {
        var notices: [Notice] = []
        notices.reserveCapacity(groups[index].count)
        for entry in entries[groups[index]] { notices.append(try storage.load(entry.handle, scratch: &scratch)) }
        return ProcedureAssembler.procedure(id: procedureId(at: index), notices: notices)
    }
}
