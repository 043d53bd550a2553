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

    private enum Outcome<Handle: Sendable, Failure: Error>: Sendable {
        case stored(procedureId: String, handle: Handle)
        case unreadable(Diagnostic)
        case storageFailed(Failure)
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
        let outcomes = Parallel.map(count: files.count, jobs: jobs, block: 1,
                                    worker: { Worker(reader: EFormsReader(limits: limits)) }) {
            worker, index -> Outcome<Storage.NoticeHandle, Storage.Failure> in
            defer { progress?.advance() }
            let notice: Notice
            do throws(Diagnostic) {
                notice = try worker.reader.read(file: files[index])
            } catch {
                return .unreadable(error)
            }
            progress?.countNotice()
            do throws(Storage.Failure) {
                return .stored(procedureId: notice.procedureId, handle: try storage.store(notice, scratch: &worker.scratch))
            } catch {
                return .storageFailed(error)
            }
        }
        var entries: [StoredNotices<Storage>.Entry] = []
        entries.reserveCapacity(outcomes.count)
        var errors: [Diagnostic] = []
        for (file, outcome) in outcomes.enumerated() {
            switch outcome {
            case .stored(let procedureId, let handle):
                entries.append(.init(procedureId: procedureId, file: file, handle: handle))
            case .unreadable(let diagnostic):
                errors.append(diagnostic)
            case .storageFailed(let failure):
                throw failure
            }
        }
        return NoticeBatch(notices: StoredNotices(storage: storage, entries: entries), errors: errors)
    }
}
