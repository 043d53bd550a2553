import TenderModel
import TenderScreening
import TenderXML

/// Reads, assembles and screens: the job behind `tenderscreen screen`.
///
/// Three passes, none holding more than a few procedures at a time: read every file (notices
/// go to an ``InterimStorage``); assemble each procedure, fold it into the population
/// indicators and store it; then load each procedure, screen it and hand it to the caller,
/// who keeps what the report needs (a rendered fragment in a spill file, or the whole
/// screened procedure), and, for `screen --by`, fold it into per-organisation tallies.
public struct ScreenJob: Sendable {
    public var extract: ExtractJob
    public var settings: ScreeningSettings

    public init(paths: [String], jobs: Int = NoticeBatchReader.defaultJobs, limits: ReaderLimits = .standard,
                settings: ScreeningSettings = .standard) {
        extract = ExtractJob(paths: paths, jobs: jobs, limits: limits)
        self.settings = settings
    }

    /// One screened procedure, as ranking and the summary need it, with what the caller kept.
    public struct Ranked<Kept: Sendable>: Sendable {
        public var id: String
        public var score: Double
        /// 1-based.
        public var rank: Int
        /// Findings that could not be checked for want of data.
        public var notCheckable: Int
        public var kept: Kept
    }

    /// A run: every procedure ranked, with the facts the report header needs.
    public struct Screening<Kept: Sendable>: Sendable {
        public var ranking: [Ranked<Kept>]
        public var indicators: [IndicatorMetadata]
        public var populations: [PopulationNote]
        /// Inputs that could not be read, sorted by location.
        public var errors: [Diagnostic]
        /// Inputs read but not all used, sorted by location: a folder reached twice, a notice
        /// read twice, a version superseded (each resolved the same way whatever the order), a
        /// value that is not what its field requires (left unknown), a reference to a lot or an
        /// organisation the notices do not define.
        public var warnings: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int
    }

    /// Procedures folded per task in the population pass: a fixed size, so partial
    /// populations merge the same way whatever the number of threads.
    static let populationChunk = 256
    /// Population chunks folded before their partials are merged: bounds how many partials
    /// wait in memory at once.
    static let populationWindow = 16

    /// A run whose notices and report fragments wait in temporary files.
    public struct SpilledScreening: Sendable {
        /// Per procedure, where its fragment is in `fragments` (`nil`: not to be listed).
        public var screening: Screening<SpillRange?>
        public var fragments: SpillFile
        /// Every procedure rolled up by organisation, when asked for.
        public var rollUp: EntityRollUp?
    }

    /// Screens every input with memory bounded whatever its size: notices are spilled to a
    /// temporary file in `folder` (default `$TMPDIR`) once read, and each procedure's
    /// `render(procedure)` (called on any thread; `nil` to leave it out of the report) to
    /// another until the ranking is known. `progress`, when given, is advanced as files are
    /// read and procedures screened. With `rollUp`, every procedure is also rolled up by
    /// organisation in that role (``SpilledScreening/rollUp``), as it is screened.
    public func run(spillingTo folder: String? = nil, progress: Progress? = nil, rollUp role: EntityRole? = nil,
                    render: @escaping @Sendable (ScreenedProcedure) -> [UInt8]?) throws(StorageFailure) -> SpilledScreening {
        let storage = try SpillStorage(folder: folder)
        let fragments = try SpillFile(folder: folder)
        let (screening, rollUp) = try run(storage: storage, progress: progress,
                                          fold: role.map { EntityRollUp(role: $0, settings: settings) }) {
            screened throws(StorageFailure) -> SpillRange? in
            guard let bytes = render(screened) else { return nil }
            return try fragments.append(bytes)
        }
        return SpilledScreening(screening: screening, fragments: fragments, rollUp: rollUp)
    }

    /// Procedures screened per task: a fixed size, so partial folds cover the same
    /// procedures and merge the same way whatever the number of threads.
    var screeningChunk = 64
    /// Chunks screened before their partial folds are merged: bounds how many partials
    /// wait in memory at once.
    var screeningWindow = 128

    /// Screens every input, keeping `keep(procedure)` (called on any thread) per procedure
    /// and folding every screened procedure into a copy of `fold` (empty) per chunk, merged
    /// in chunk order. Internal and generic, with concrete public entry points, so it is
    /// specialised here.
    func run<Storage: InterimStorage, Kept: Sendable, Fold: ScreeningFold>(
        storage: Storage, progress: Progress? = nil, fold: Fold,
        keep: @Sendable (ScreenedProcedure) throws(Storage.Failure) -> Kept
    ) throws(Storage.Failure) -> (Screening<Kept>, Fold) {
        let input = try extract.read(into: storage, progress: progress)
        let notices = input.notices
        let count = notices.procedureCount
        let jobs = extract.jobs
        let screener = Screener(settings: settings)

        // Population pass: each procedure assembled once, folded, and kept for the next pass.
        var populations = screener.emptyPopulations()
        var assembled: [Storage.ProcedureHandle] = []
        if screener.needsPopulations {
            progress?.begin(.assembling, total: count)
            assembled.reserveCapacity(count)
            // Partials are merged a window at a time: held all at once, the per-chunk
            // dictionaries cost more than the merged population.
            try Self.inChunks(of: count, size: Self.populationChunk, window: Self.populationWindow, jobs: jobs) {
                scratch, range throws(Storage.Failure) -> (Populations, [Storage.ProcedureHandle]) in
                var partial = screener.emptyPopulations()
                var handles: [Storage.ProcedureHandle] = []
                for index in range {
                    let procedure = try notices.procedure(at: index, scratch: &scratch)
                    screener.observe(procedure, into: &partial)
                    handles.append(try storage.store(procedure, scratch: &scratch))
                    progress?.advance()
                }
                return (partial, handles)
            } merge: { partial, handles in
                populations.merge(partial)
                assembled += handles
            }
        }
        let prepared = screener.prepared(with: populations)
        let stored = assembled

        progress?.begin(.screening, total: count)
        var ranking: [Ranked<Kept>] = []
        ranking.reserveCapacity(count)
        var folded = fold
        var warnings = input.notes
        try Self.inChunks(of: count, size: screeningChunk, window: screeningWindow, jobs: jobs) {
            scratch, range throws(Storage.Failure) -> ([Ranked<Kept>], Fold, [Diagnostic]) in
            var partial = fold
            var ranked: [Ranked<Kept>] = []
            var procedureWarnings: [Diagnostic] = []
            for index in range {
                defer { progress?.advance() }
                let procedure = stored.isEmpty ? try notices.procedure(at: index, scratch: &scratch)
                    : try storage.load(stored[index], scratch: &scratch)
                let screened = prepared.screen(procedure)
                // Values left unknown, dangling references, duplicates: the auditor needs to know
                // why a fact is missing.
                procedureWarnings += procedure.warnings
                partial.add(screened)
                ranked.append(Ranked(id: screened.procedure.id, score: screened.score, rank: 0,
                                     notCheckable: screened.notCheckable.count, kept: try keep(screened)))
            }
            return (ranked, partial, procedureWarnings)
        } merge: { ranked, partial, procedureWarnings in
            ranking += ranked
            folded.merge(partial)
            warnings += procedureWarnings
        }
        ranking.sort { Ranking.precedes(($0.score, $0.id), ($1.score, $1.id)) }
        for index in ranking.indices { ranking[index].rank = index + 1 }
        let screening = Screening(ranking: ranking, indicators: prepared.indicators, populations: prepared.populations,
                                  errors: input.errors, warnings: warnings.sorted(), fileCount: input.fileCount,
                                  noticeCount: input.noticeCount)
        return (screening, folded)
    }

    /// Runs `body` over `0..<count` in chunks of `size` on `jobs` threads (each with its own
    /// scratch buffer) and hands each chunk's result to `merge` in chunk order, `window` chunks
    /// at a time. Chunks are the same whatever the number of threads, so merges are too; at
    /// most `window` results wait in memory.
    static func inChunks<Result: Sendable, Failure: Error>(
        of count: Int, size: Int, window: Int, jobs: Int,
        _ body: @Sendable (inout [UInt8], Range<Int>) throws(Failure) -> Result,
        merge: (Result) -> Void
    ) throws(Failure) {
        let size = max(1, size), window = max(1, window)
        let chunks = (count + size - 1) / size
        for first in stride(from: 0, to: chunks, by: window) {
            let results = try Parallel.map(count: min(window, chunks - first), jobs: jobs, block: 1,
                                           worker: { [UInt8]() }) { scratch, offset throws(Failure) -> Result in
                let chunk = first + offset
                return try body(&scratch, chunk * size..<min(count, (chunk + 1) * size))
            }
            for result in results { merge(result) }
        }
    }

    /// Everything in memory, for small inputs and tests.
    public struct Output: Sendable {
        public var result: ScreeningResult
        public var errors: [Diagnostic]
        public var warnings: [Diagnostic]
        public var fileCount: Int
        public var noticeCount: Int
    }

    /// Screens every input in memory: each screened procedure kept whole.
    public func run(progress: Progress? = nil) -> Output {
        let (screening, _) = run(storage: InMemoryStorage(), progress: progress, fold: EntityRollUp?.none) { $0 }
        let ranking = screening.ranking.map { ranked in
            var screened = ranked.kept
            screened.rank = ranked.rank
            return screened
        }
        return Output(result: ScreeningResult(ranking: ranking, indicators: screening.indicators,
                                              populations: screening.populations),
                      errors: screening.errors, warnings: screening.warnings, fileCount: screening.fileCount,
                      noticeCount: screening.noticeCount)
    }
}
