import Dispatch
import Synchronization
import TenderModel
import TenderXML

/// What reading a batch of files produced.
public struct NoticeBatch: Sendable {
    /// One entry per file, in input order: the notice, or why there is none.
    public var outcomes: [Result<Notice, Diagnostic>]

    public var notices: [Notice] {
        outcomes.compactMap { try? $0.get() }
    }

    public var errors: [Diagnostic] {
        outcomes.compactMap { outcome in
            if case .failure(let error) = outcome { return error }
            return nil
        }
    }
}

/// Reads files on a pool of worker threads, each with its own libxml2 reader.
///
/// Work is handed out one file at a time from a shared counter, so a slow file never
/// stalls the others; results land in per-file slots, so the output order is the input
/// order whatever the number of threads.
public struct NoticeBatchReader: Sendable {
    public var jobs: Int
    public var limits: ReaderLimits

    public init(jobs: Int = NoticeBatchReader.defaultJobs, limits: ReaderLimits = .standard) {
        self.jobs = max(1, jobs)
        self.limits = limits
    }

    /// All cores.
    public static var defaultJobs: Int {
        max(1, System.activeProcessorCount)
    }

    public func read(files: [String], progress: Progress? = nil) -> NoticeBatch {
        EFormsReader.prepare()
        progress?.begin(.reading, total: files.count)
        let slots = Slots(count: files.count)
        let next = Atomic<Int>(0)
        let workers = min(jobs, max(1, files.count))
        let limits = self.limits
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let reader = EFormsReader(limits: limits)
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < files.count else { break }
                let outcome = Result { () throws(Diagnostic) -> Notice in try reader.read(file: files[index]) }
                slots.store(outcome, at: index)
                if let progress {
                    if case .success = outcome { progress.countNotice() }
                    progress.advance()
                }
            }
        }
        return NoticeBatch(outcomes: slots.collect())
    }

    /// Per-file result slots; each index is written by exactly one worker.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Result<Notice, Diagnostic>?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func store(_ outcome: Result<Notice, Diagnostic>, at index: Int) {
            buffer[index] = outcome
        }

        func collect() -> [Result<Notice, Diagnostic>] {
            buffer.map { $0! }
        }
    }
}
