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

    /// The procedures at `range` (positions in id order) of `input`, assembled on `jobs`
    /// threads; `progress`, when given, is advanced per procedure. Asking for a window at
    /// a time keeps memory to one window.
    public func procedures(_ range: Range<Int>, of input: Input<SpillStorage>,
                           progress: Progress? = nil) throws(StorageFailure) -> [Procedure] {
        try assemble(range, of: input, progress: progress)
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

    func assemble<Storage: InterimStorage>(_ range: Range<Int>, of input: Input<Storage>,
                                           progress: Progress?) throws(Storage.Failure) -> [Procedure] {
        let notices = input.notices
        return try Parallel.map(count: range.count, jobs: jobs, worker: { [UInt8]() }) {
            scratch, offset throws(Storage.Failure) -> Procedure in
            defer { progress?.advance() }
            return try notices.procedure(at: range.lowerBound + offset, scratch: &scratch)
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
        progress?.begin(.assembling, total: input.notices.procedureCount)
        let procedures = assemble(0..<input.notices.procedureCount, of: input, progress: progress)
        return Output(procedures: procedures, errors: input.errors, notes: input.notes, fileCount: input.fileCount,
                      noticeCount: input.noticeCount)
    }
}
