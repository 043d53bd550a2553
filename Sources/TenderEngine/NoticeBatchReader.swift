import TenderModel
import TenderXML

/// What reading a batch of files produced.
public struct NoticeBatch<Storage: InterimStorage>: Sendable {
    /// Every notice read, grouped by procedure.
    public var notices: StoredNotices<Storage>
    /// Files that gave no notice, in input order.
    public var errors: [Diagnostic]
}

/// Reads files on a pool of worker threads, each with its own libxml2 reader, and hands
/// each notice to a ``InterimStorage`` as soon as it is read.
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

    private struct Worker {
        let reader: EFormsReader
        var scratch: [UInt8] = []
    }

    public func read<Storage: InterimStorage>(files: [String], into storage: Storage,
                                             progress: Progress? = nil) throws(Storage.Failure) -> NoticeBatch<Storage> {
        EFormsReader.prepare()
        progress?.begin(.reading, total: files.count)
        let limits = self.limits
        // One file at a time: sizes vary, and a slow file must not hold a block of others.
        // A storage failure ends the run (the first in file order); an unreadable file does not.
        let outcomes = try Parallel.map(count: files.count, jobs: jobs, block: 1,
                                        worker: { Worker(reader: EFormsReader(limits: limits)) }) {
            worker, index throws(Storage.Failure) -> Result<(procedureId: String, handle: Storage.NoticeHandle), Diagnostic> in
            defer { progress?.advance() }
            let notice: Notice
            do throws(Diagnostic) {
                notice = try worker.reader.read(file: files[index])
            } catch {
                return .failure(error)
            }
            progress?.countNotice()
            return .success((notice.procedureId, try storage.store(notice, scratch: &worker.scratch)))
        }
        var entries: [StoredNotices<Storage>.Entry] = []
        entries.reserveCapacity(outcomes.count)
        var errors: [Diagnostic] = []
        for (file, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let stored):
                entries.append(.init(procedureId: stored.procedureId, file: file, handle: stored.handle))
            case .failure(let diagnostic):
                errors.append(diagnostic)
            }
        }
        return NoticeBatch(notices: StoredNotices(storage: storage, entries: entries), errors: errors)
    }
}
