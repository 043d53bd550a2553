import TenderModel
import TenderScreening
import TenderXML

/// Reads, assembles and screens: the job behind `tenderscreen screen`.
public struct ScreenJob: Sendable {
    public var extract: ExtractJob
    public var settings: ScreeningSettings

    public init(paths: [String], jobs: Int = NoticeBatchReader.defaultJobs, limits: ReaderLimits = .standard,
                settings: ScreeningSettings = .standard) {
        extract = ExtractJob(paths: paths, jobs: jobs, limits: limits)
        self.settings = settings
    }

    public struct Output: Sendable {
        public var result: ScreeningResult
        public var errors: [Diagnostic]
        public var notes: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int
    }

    /// `progress`, when given, is advanced as files are read and procedures screened.
    public func run(progress: Progress? = nil) -> Output {
        let input = extract.run(progress: progress)
        progress?.begin(.screening, total: input.procedures.count)
        var onScreened: (@Sendable () -> Void)?
        if let progress { onScreened = { progress.advance() } }
        let result = Screener(settings: settings).screen(input.procedures, jobs: extract.jobs, onScreened: onScreened)
        return Output(result: result, errors: input.errors, notes: input.notes, fileCount: input.fileCount,
                      noticeCount: input.noticeCount)
    }
}
