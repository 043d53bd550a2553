import TenderAssembly
import TenderModel
import TenderXML

/// Reads every input and assembles procedures: the job behind `tenderscreen extract`.
public struct ExtractJob: Sendable {
    public var paths: [String]
    public var jobs: Int
    public var limits: ReaderLimits

    public init(paths: [String], jobs: Int = NoticeBatchReader.defaultJobs, limits: ReaderLimits = .standard) {
        self.paths = paths
        self.jobs = jobs
        self.limits = limits
    }

    public struct Output: Sendable {
        /// Procedures sorted by id.
        public var procedures: [Procedure]
        /// Inputs that could not be read, sorted by location.
        public var errors: [Diagnostic]
        /// Notes about the inputs that lose nothing (a folder reached twice).
        public var notes: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int
    }

    /// `progress`, when given, is advanced as files are read.
    public func run(progress: Progress? = nil) -> Output {
        progress?.begin(.discovering)
        let discovery = InputDiscovery(paths: paths)
        let batch = NoticeBatchReader(jobs: jobs, limits: limits).read(files: discovery.files, progress: progress)
        let notices = batch.notices
        progress?.begin(.assembling)
        let procedures = ProcedureAssembler.assemble(notices, jobs: jobs)
        return Output(procedures: procedures, errors: (discovery.errors + batch.errors).sorted(),
                      notes: discovery.notes.sorted(), fileCount: discovery.files.count, noticeCount: notices.count)
    }
}
