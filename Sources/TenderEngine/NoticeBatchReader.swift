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
        let limits = self.limits
        // One file at a time: sizes vary, and a slow file must not hold a block of others.
        let outcomes = Parallel.map(count: files.count, jobs: jobs, block: 1, worker: { EFormsReader(limits: limits) }) {
            reader, index in
            let outcome = Result { () throws(Diagnostic) -> Notice in try reader.read(file: files[index]) }
            if let progress {
                if case .success = outcome { progress.countNotice() }
                progress.advance()
            }
            return outcome
        }
        return NoticeBatch(outcomes: outcomes)
    }
}
