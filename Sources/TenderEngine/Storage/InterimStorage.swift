import TenderModel

/// Where notices and procedures wait between the passes of a run.
///
/// A procedure is complete only once every file has been read, so notices wait until
/// then; each procedure is assembled once, for the population pass, and waits for the
/// screening pass. ``SpillStorage`` keeps them on disk, so memory does not grow with the
/// input; ``InMemoryStorage`` keeps them as they are, for small inputs and tests.
public protocol InterimStorage: Sendable {
    /// What stays in memory per notice.
    associatedtype NoticeHandle: Sendable
    /// What stays in memory per procedure.
    associatedtype ProcedureHandle: Sendable
    /// `Never` for storage that cannot fail.
    associatedtype Failure: Error

    /// Keeps `notice`; safe from any thread. `scratch` is the calling thread's buffer.
    func store(_ notice: Notice, scratch: inout [UInt8]) throws(Failure) -> NoticeHandle

    /// The notice kept under `handle`; safe from any thread.
    func load(_ handle: NoticeHandle, scratch: inout [UInt8]) throws(Failure) -> Notice

    /// Keeps `procedure`; safe from any thread.
    func store(_ procedure: Procedure, scratch: inout [UInt8]) throws(Failure) -> ProcedureHandle

    /// The procedure kept under `handle`; safe from any thread.
    func load(_ handle: ProcedureHandle, scratch: inout [UInt8]) throws(Failure) -> Procedure
}

/// Everything kept in memory as it is.
public struct InMemoryStorage: InterimStorage {
    public typealias Failure = Never

    public init() {}

    public func store(_ notice: Notice, scratch: inout [UInt8]) -> Notice { notice }

    public func load(_ handle: Notice, scratch: inout [UInt8]) -> Notice { handle }

    public func store(_ procedure: Procedure, scratch: inout [UInt8]) -> Procedure { procedure }

    public func load(_ handle: Procedure, scratch: inout [UInt8]) -> Procedure { handle }
}

/// Notices and procedures encoded (``NoticeCodec``, ``ProcedureCodec``) into one temporary
/// file: together about a seventh of the XML on disk, a few dozen bytes each in memory.
public struct SpillStorage: InterimStorage {
    public typealias Failure = StorageFailure

    public let file: SpillFile

    public init(folder: String? = nil) throws(StorageFailure) {
        file = try SpillFile(folder: folder)
    }

    public func store(_ notice: Notice, scratch: inout [UInt8]) throws(StorageFailure) -> SpillRange {
        scratch.removeAll(keepingCapacity: true)
        NoticeCodec.encode(notice, into: &scratch)
        return try file.append(scratch)
    }

    public func load(_ handle: SpillRange, scratch: inout [UInt8]) throws(StorageFailure) -> Notice {
        try file.read(handle, into: &scratch)
        return try decoded(scratch) { bytes throws(NoticeCodec.Failure) in try NoticeCodec.decode(bytes) }
    }

    public func store(_ procedure: Procedure, scratch: inout [UInt8]) throws(StorageFailure) -> SpillRange {
        scratch.removeAll(keepingCapacity: true)
        ProcedureCodec.encode(procedure, into: &scratch)
        return try file.append(scratch)
    }

    public func load(_ handle: SpillRange, scratch: inout [UInt8]) throws(StorageFailure) -> Procedure {
        try file.read(handle, into: &scratch)
        return try decoded(scratch) { bytes throws(NoticeCodec.Failure) in try ProcedureCodec.decode(bytes) }
    }

    private func decoded<T>(_ bytes: [UInt8], _ decode: (UnsafeRawBufferPointer) throws(NoticeCodec.Failure) -> T)
        throws(StorageFailure) -> T {
        // `withUnsafeBytes` rethrows untyped errors: the typed one travels in a Result.
        switch bytes.withUnsafeBytes({ raw in Result { () throws(NoticeCodec.Failure) in try decode(raw) } }) {
        case .success(let value): return value
        case .failure(let failure): throw StorageFailure("temporary data in \(file.folder) is corrupt: \(failure)")
        }
    }
}
