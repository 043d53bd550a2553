#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Ctrl-C (SIGINT) and SIGTERM do: remove the report being written (its temporary
/// file), say so on standard error and exit at once with 128 + the signal (130 for Ctrl-C),
/// without waiting for the workers. Spilled notices need no cleaning: their files are
/// unlinked from the start.
///
/// The handler only calls async-signal-safe functions (`unlink`, `write`, `_exit`) on
/// memory set up before any signal can arrive: a fixed table of paths.
public enum Interruption {
    private static let slots = 4
    private static let pathBytes = 4096

    /// Installs the handlers; call once, first thing in `main`.
    public static func install() {
        _ = table
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have left them blocked (the mask survives exec); threads started
        // later inherit this thread's mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// `path` is removed if the process is interrupted, until ``forget(_:)``. Paths too long
    /// for the table, or beyond its few slots, are not removed.
    public static func removeOnInterrupt(_ path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count < pathBytes else { return }
        for slot in 0..<slots where table.ready[slot] == 0 {
            let target = table.paths + slot * pathBytes
            for (index, byte) in bytes.enumerated() { target[index] = CChar(bitPattern: byte) }
            target[bytes.count] = 0
            table.ready[slot] = 1
            return
        }
    }

    /// `path` no longer needs removing (renamed into place, or removed already).
    public static func forget(_ path: String) {
        for slot in 0..<slots where table.ready[slot] == 1 && String(cString: table.paths + slot * pathBytes) == path {
            table.ready[slot] = 0
        }
    }

    private struct Table {
        let paths: UnsafeMutablePointer<CChar>
        let ready: UnsafeMutablePointer<sig_atomic_t>
    }

    /// Allocated once and never freed: the handler may read it at any time.
    nonisolated(unsafe) private static let table: Table = {
        let paths = UnsafeMutablePointer<CChar>.allocate(capacity: slots * pathBytes)
        paths.initialize(repeating: 0, count: slots * pathBytes)
        let ready = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        ready.initialize(repeating: 0, count: slots)
        return Table(paths: paths, ready: ready)
    }()

    nonisolated(unsafe) private static let message: UnsafeMutablePointer<CChar> = {
        let text = Array("tenderscreen: interrupted; no report written\n".utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: text.count)
        buffer.initialize(from: text, count: text.count)
        return buffer
    }()

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<Interruption.slots where Interruption.table.ready[slot] == 1 {
            unlink(Interruption.table.paths + slot * Interruption.pathBytes)
        }
        _ = write(STDERR_FILENO, Interruption.message, strlen(Interruption.message))
        _exit(128 + signal)
    }
}
