import TenderModel
import TenderXML

/// Reads every input and groups its notices by procedure: the first half of
/// `tenderscreen extract` and `screen`.
public struct ExtractJob: Sendable {
    public var paths: [String]
    public var jobs: Int
    public var limits: ReaderLimits

    public init(paths: [String], jobs: Int = NoticeBatchReader.defaultJobs, limits: ReaderLimits = .standard) {
        self.paths = paths
        self.jobs = jobs
        self.limits = limits
    }

    /// The inputs read, their notices kept in `Storage`.
    public struct Input<Storage: InterimStorage>: Sendable {
        /// Notices grouped by procedure, procedures sorted by id.
        public var notices: StoredNotices<Storage>
        /// Inputs that could not be read, sorted by location.
        public var errors: [Diagnostic]
        /// Notes about the inputs that lose nothing (a folder reached twice).
        public var notes: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int { notices.noticeCount }
    }

    /// Finds and reads every input, its notices spilled to a temporary file in `folder`
    /// (default `$TMPDIR`). `progress`, when given, is advanced as files are read.
    public func read(spillingTo folder: String? = nil,
                     progress: Progress? = nil) throws(StorageFailure) -> Input<SpillStorage> {
        try read(into: SpillStorage(folder: folder), progress: progress)
    }

    /// Every procedure of `input`, a window at a time: each window is assembled on `jobs`
    /// threads, then handed to `body` in id order, so memory holds one window.
    public func forEachWindow(of input: Input<SpillStorage>, size: Int = 256, progress: Progress? = nil,
                              _ body: ([Procedure]) throws(StorageFailure) -> Void) throws(StorageFailure) {
        try assembleWindows(of: input, size: size, progress: progress, body)
    }

    // The generic passes are internal, and the public entry points concrete, so that the
    // compiler specialises them here: unspecialised generic code costs ~10 % of a run.
    func read<Storage: InterimStorage>(into storage: Storage,
                                             progress: Progress? = nil) throws(Storage.Failure) -> Input<Storage> {
        progress?.begin(.discovering)
        let discovery = InputDiscovery(paths: paths)
        let batch = try NoticeBatchReader(jobs: jobs, limits: limits).read(files: discovery.files, into: storage,
                                                                           progress: progress)
        return Input(notices: batch.notices, errors: (discovery.errors + batch.errors).sorted(),
                     notes: discovery.notes.sorted(), fileCount: discovery.files.count)
    }

    func assembleWindows<Storage: InterimStorage>(
        of input: Input<Storage>, size: Int = 256, progress: Progress? = nil,
        _ body: ([Procedure]) throws(Storage.Failure) -> Void
    ) throws(Storage.Failure) {
        progress?.begin(.assembling, total: input.notices.procedureCount)
        let notices = input.notices
        var start = 0
        while start < notices.procedureCount {
            let count = min(size, notices.procedureCount - start)
            let first = start
            let window = Parallel.map(count: count, jobs: jobs, worker: { [UInt8]() }) {
                scratch, offset -> Result<Procedure, Storage.Failure> in
                defer { progress?.advance() }
                return Result { () throws(Storage.Failure) in try notices.procedure(at: first + offset, scratch: &scratch) }
            }
            var procedures: [Procedure] = []
            procedures.reserveCapacity(count)
            for outcome in window { procedures.append(try outcome.get()) }
            try body(procedures)
            start += count
        }
    }

    /// Everything in memory: what `extract` produces, for small inputs and tests.
    public struct Output: Sendable {
        /// Procedures sorted by id.
        public var procedures: [Procedure]
        public var errors: [Diagnostic]
        public var notes: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int
    }

    /// Reads and assembles everything in memory.
    public func run(progress: Progress? = nil) -> Output {
        let input = read(into: InMemoryStorage(), progress: progress)
        var procedures: [Procedure] = []
        assembleWindows(of: input, size: max(1, input.notices.procedureCount), progress: progress) { procedures = $0 }
        return Output(procedures: procedures, errors: input.errors, notes: input.notes, fileCount: input.fileCount,
                      noticeCount: input.noticeCount)
    }
}
