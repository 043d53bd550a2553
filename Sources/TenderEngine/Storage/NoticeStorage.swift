import TenderModel

/// Where notices wait between reading and assembly.
///
/// A notice's procedure is complete only once every file has been read, so notices must be
/// kept somewhere until then. ``SpilledNotices`` keeps them on disk, so memory does not grow
/// with the number of notices; ``RetainedNotices`` keeps them in memory, for small inputs
/// and tests.
public protocol NoticeStorage: Sendable {
    /// What stays in memory per notice.
    associatedtype Handle: Sendable
    /// `Never` for storage that cannot fail.
    associatedtype Failure: Error

    /// Keeps `notice`; safe from any thread. `scratch` is the calling thread's buffer.
    func store(_ notice: Notice, scratch: inout [UInt8]) throws(Failure) -> Handle

    /// The notice kept under `handle`; safe from any thread.
    func load(_ handle: Handle, scratch: inout [UInt8]) throws(Failure) -> Notice
}

/// Notices kept in memory as they are.
public struct RetainedNotices: NoticeStorage {
    public typealias Failure = Never

    public init() {}

    public func store(_ notice: Notice, scratch: inout [UInt8]) -> Notice { notice }

    public func load(_ handle: Notice, scratch: inout [UInt8]) -> Notice { handle }
}

/// Notices encoded (``NoticeCodec``) into a temporary file: about a tenth of their XML size
/// on disk, a few dozen bytes each in memory.
public struct SpilledNotices: NoticeStorage {
    public typealias Failure = StorageFailure

    public let file: SpillFile

    public init(folder: String? = nil) throws(StorageFailure) {
        file = try SpillFile(folder: folder)
    }

    public func store(_ notice: Notice, scratch: inout [UInt8]) throws(StorageFailure) -> SpillRange {
        scratch.removeAll(keepingCapacity: true)
        NoticeCodec.encode(notice, into: &scratch)
        // `withUnsafeBytes` rethrows untyped errors: the typed one travels in a Result.
        return try scratch.withUnsafeBytes { bytes in Result { () throws(StorageFailure) in try file.append(bytes) } }.get()
    }

    public func load(_ handle: SpillRange, scratch: inout [UInt8]) throws(StorageFailure) -> Notice {
        try file.read(handle, into: &scratch)
        let decoded = scratch.withUnsafeBytes { bytes in
            Result { () throws(NoticeCodec.Failure) in try NoticeCodec.decode(bytes) }
        }
        switch decoded {
        case .success(let notice): return notice
        case .failure(let failure): throw StorageFailure("temporary data in \(file.folder) is corrupt: \(failure)")
        }
    }
}
