#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A place in a ``SpillFile``.
public struct SpillRange: Sendable, Hashable {
    public var offset: Int64
    public var count: Int32

    public init(offset: Int64, count: Int32) {
        self.offset = offset
        self.count = count
    }
}

/// Temporary space was unusable (disk full, folder not writable, file truncated behind our
/// back): the run cannot go on.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    static func system(_ what: String) -> StorageFailure {
        StorageFailure("\(what): \(String(cString: strerror(errno)))")
    }
}

/// An append-only temporary file that threads write to and read from concurrently.
///
/// It is unlinked as soon as it is created, so nothing is left behind however the run ends
/// (crash, Ctrl-C, kill). Writers reserve their range with one atomic add and write with
/// `pwrite`, so appends never wait for each other; reads are `pread`s of written ranges.
/// Its pages live in the kernel's page cache, not in the process's memory.
public final class SpillFile: Sendable {
    private let descriptor: Int32
    private let end = Atomic<Int64>(0)
    /// The folder the file was made in, for messages.
    public let folder: String

    /// A new file in `folder` (default: `$TMPDIR`, else `/tmp`).
    public init(folder: String? = nil) throws(StorageFailure) {
        let folder = folder ?? Self.defaultFolder
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array("tenderscreen-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system("cannot make a temporary file in \(folder)") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        self.folder = folder
    }

    deinit {
        close(descriptor)
    }

    static var defaultFolder: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// Bytes written so far.
    public var size: Int64 { end.load(ordering: .relaxed) }

    /// Appends `bytes`; safe from any thread.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(StorageFailure) -> SpillRange {
        guard bytes.count <= Int(Int32.max) else { throw StorageFailure("a record of \(bytes.count) bytes is too large to spill") }
        let offset = end.add(Int64(bytes.count), ordering: .relaxed).oldValue
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("cannot write temporary data in \(folder)")
            }
            done += written
        }
        return SpillRange(offset: offset, count: Int32(bytes.count))
    }

    /// Appends `bytes`; safe from any thread.
    public func append(_ bytes: [UInt8]) throws(StorageFailure) -> SpillRange {
        // `withUnsafeBytes` rethrows untyped errors: the typed one travels in a Result.
        try bytes.withUnsafeBytes { raw in Result { () throws(StorageFailure) in try append(raw) } }.get()
    }

    /// Reads `range` into `buffer` (resized to fit), for ``append(_:)``'s ranges.
    public func read(_ range: SpillRange, into buffer: inout [UInt8]) throws(StorageFailure) {
        let count = Int(range.count)
        if buffer.count != count {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: repeatElement(0, count: count))
        }
        var done = 0
        var failure: StorageFailure?
        buffer.withUnsafeMutableBytes { raw in
            while done < count {
                let got = pread(descriptor, raw.baseAddress! + done, count - done, off_t(range.offset) + off_t(done))
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failure = got < 0 ? .system("cannot read temporary data in \(folder)")
                        : StorageFailure("temporary data in \(folder) was cut short")
                    return
                }
                done += got
            }
        }
        if let failure { throw failure }
    }
}
