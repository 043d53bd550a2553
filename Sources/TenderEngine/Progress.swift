import Synchronization

/// Work done so far in a long run, counted from any thread at the cost of one relaxed
/// atomic add per file or procedure; ``ProgressLine`` renders it.
public final class Progress: Sendable {
    public enum Phase: String, Sendable {
        case discovering = "finding files"
        case reading
        case assembling
        case screening
        case writing
    }

    /// One reading of the counters.
    public struct Snapshot: Sendable {
        public var phase: Phase
        public var done: Int
        public var total: Int
        public var notices: Int
        /// Since the run started.
        public var elapsed: Duration
        /// Since this phase started.
        public var phaseElapsed: Duration
    }

    private struct PhaseState {
        var phase: Phase = .discovering
        var total = 0
        var started = ContinuousClock.now
    }

    private let started = ContinuousClock.now
    private let phase = Mutex(PhaseState())
    private let done = Atomic<Int>(0)
    private let notices = Atomic<Int>(0)

    public init() {}

    /// Starts a phase of `total` units (files, procedures); 0 when unknown.
    public func begin(_ phase: Phase, total: Int = 0) {
        done.store(0, ordering: .relaxed)
        self.phase.withLock { $0 = PhaseState(phase: phase, total: total, started: .now) }
    }

    /// One unit of the current phase done.
    public func advance() {
        done.add(1, ordering: .relaxed)
    }

    /// A notice read.
    public func countNotice() {
        notices.add(1, ordering: .relaxed)
    }

    public var snapshot: Snapshot {
        let state = phase.withLock { $0 }
        let now = ContinuousClock.now
        return Snapshot(phase: state.phase, done: done.load(ordering: .relaxed), total: state.total,
                        notices: notices.load(ordering: .relaxed), elapsed: now - started,
                        phaseElapsed: now - state.started)
    }
}

extension Progress.Snapshot {
    /// `reading 12,345/40,000 files (31%) · 12,300 notices · 8,123/s · 0:01 elapsed · about 0:03 left`
    public var line: String {
        let unit = phase == .reading ? "files" : phase == .discovering ? "" : "procedures"
        var parts: [String] = []
        if total > 0 {
            parts.append("\(phase.rawValue) \(Self.grouped(done))/\(Self.grouped(total)) \(unit) "
                + "(\(done * 100 / total)%)")
        } else {
            parts.append(phase.rawValue)
        }
        if notices > 0 { parts.append("\(Self.grouped(notices)) notices") }
        let seconds = Self.seconds(phaseElapsed)
        if done > 0, seconds > 0 {
            let rate = Double(done) / seconds
            parts.append("\(Self.grouped(Int(rate)))/s")
            parts.append("\(Self.clock(Self.seconds(elapsed))) elapsed")
            if total > done { parts.append("\(Self.clock(Double(total - done) / rate)) left") }
        } else {
            parts.append("\(Self.clock(Self.seconds(elapsed))) elapsed")
        }
        return parts.joined(separator: " · ")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let mmss = (hours > 0 && minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
