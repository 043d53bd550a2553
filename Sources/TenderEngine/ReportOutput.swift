#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a report goes: standard output, or a file written atomically (a temporary file
/// in the same folder, renamed over the target only once complete), so an interrupted or
/// failed run never leaves a truncated report behind.
public final class ReportOutput {
    private let descriptor: Int32
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var committed = false

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Standard output.
    public init() {
        descriptor = STDOUT_FILENO
        target = nil
        temporary = nil
    }

    /// A file at `path`.
    public init(path: String) throws(Failure) {
        // A fresh name, never an existing file or a link planted in its place.
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        target = path
        self.temporary = temporary
        Interruption.removeOnInterrupt(temporary)
    }

    deinit {
        if let temporary, !committed {
            close(descriptor)
            unlink(temporary)
            Interruption.forget(temporary)
        }
    }

    public func write(_ bytes: [UInt8]) throws(Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(_ text: String) throws(Failure) {
        try write(Array(text.utf8))
    }

    /// Flushes, and for a file renames it into place.
    public func commit() throws(Failure) {
        try flush()
        guard let target, let temporary else { return }
        guard fsync(descriptor) == 0 || errno == EINVAL, close(descriptor) == 0 else {
            throw Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            Interruption.forget(temporary)
            committed = true
            throw Failure(description: "cannot write \(target): \(String(cString: strerror(errno)))")
        }
        Interruption.forget(temporary)
        committed = true
    }

    private func flush() throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(target ?? "standard output"): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes a line to standard error, unbuffered.
public func printError(_ line: String) {
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    _ = bytes.withUnsafeBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// `write(2)`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
    #else
    return Darwin.write(descriptor, buffer, count)
    #endif
}
