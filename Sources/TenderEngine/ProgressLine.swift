#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Redraws one status line on standard error a few times a second while a run lasts.
/// Only for terminals: callers create it when `System.isTerminal(2)` and not `--quiet`.
/// The run's threads never wait for it; it only reads ``Progress``'s counters.
public final class ProgressLine: @unchecked Sendable {
    // The timer and `shown` are touched only on `queue`.
    private let queue = DispatchQueue(label: "tenderscreen.progress", qos: .utility)
    private let timer: DispatchSourceTimer
    private var shown = false
    public let progress: Progress

    /// Starts drawing after `delay` (short runs never show a line).
    public init(_ progress: Progress, delay: Duration = .milliseconds(500), interval: Duration = .milliseconds(250)) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(Int(Progress.Snapshot.seconds(delay) * 1000)),
                       repeating: .milliseconds(Int(Progress.Snapshot.seconds(interval) * 1000)))
        timer.setEventHandler { [unowned self] in draw() }
        timer.resume()
    }

    /// Stops and erases the line, so what follows starts on a clean line.
    public func finish() {
        queue.sync {
            timer.cancel()
            if shown { write("\r\u{1B}[K") }
            shown = false
        }
    }

    private func draw() {
        var line = progress.snapshot.line
        let width = Self.terminalWidth
        if line.count >= width { line = String(line.prefix(max(0, width - 1))) }
        write("\r\u{1B}[K" + line)
        shown = true
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            #if canImport(Glibc)
            _ = Glibc.write(2, bytes.baseAddress, bytes.count)
            #else
            _ = Darwin.write(2, bytes.baseAddress, bytes.count)
            #endif
        }
    }

    private static var terminalWidth: Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
