import TenderModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What to generate.
public struct GeneratorOptions: Sendable, Hashable {
    public var procedures: Int
    public var seed: UInt64
    /// Worker threads; the output does not depend on it.
    public var jobs: Int
    public var rates: SchemeRates

    public init(procedures: Int, seed: UInt64, jobs: Int = 1, rates: SchemeRates = .standard) {
        self.procedures = procedures
        self.seed = seed
        self.jobs = jobs
        self.rates = rates
    }
}

/// What a run wrote.
public struct GenerationSummary: Sendable {
    public var procedures: Int
    public var files: Int
    public var bytes: Int
    public var truth: GroundTruth
}

public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// Options out of range.
        case invalidOptions
        /// The output folder is not empty (without --force) or is not a folder: nothing written.
        case outputRefused
        /// A file or folder could not be written.
        case writeFailed
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// Writes a synthetic eForms market: a contract notice and an award notice per procedure
/// (an award notice or VEAT alone for direct awards, a change notice now and then), with
/// planted risk schemes and their ground truth. See docs/generator.md.
///
/// The market (buyers, suppliers, cartels, favoured pairs, split series, every procedure's
/// role and date) is planned sequentially from the seed; procedures are then built and
/// written in parallel, each from its own random stream seeded by (seed, index), so the
/// files and the truth are byte-identical whatever the number of jobs.
public enum MarketGenerator {
    public static let version = "1.0.0"
    /// Publication numbers have eight digits: three per procedure.
    public static let maximumProcedures = 10_000_000
    /// Procedures per output folder: at most three files each, so under 1000 files a folder.
    public static let proceduresPerFolder = 300

    /// Checks the options, with messages for the command line.
    public static func validate(_ options: GeneratorOptions) throws(GeneratorError) {
        guard options.procedures >= 1 else { throw GeneratorError(.invalidOptions, "--procedures must be at least 1") }
        guard options.procedures <= maximumProcedures else {
            throw GeneratorError(.invalidOptions, "--procedures must be at most \(maximumProcedures)")
        }
        guard options.jobs >= 1 else { throw GeneratorError(.invalidOptions, "--jobs must be at least 1") }
        let all = options.rates.entries.map(\.value)
        guard all.allSatisfy({ $0 >= 0 && $0 <= 0.2 }), all.reduce(0, +) <= 0.5 else {
            throw GeneratorError(.invalidOptions, "scheme rates must each be between 0 and 0.2, and add up to at most 0.5")
        }
    }

    /// Plans the market and returns the ground truth without writing notices.
    public static func truth(_ options: GeneratorOptions) throws(GeneratorError) -> GroundTruth {
        try validate(options)
        let plan = MarketPlan.make(procedures: options.procedures, seed: options.seed, rates: options.rates)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(options.procedures)
        for index in 0..<options.procedures {
            let spec = plan.spec(for: index)
            outcomes.append(Outcome(planted: spec.planted, camouflaged: spec.camouflaged))
        }
        return assembleTruth(plan: plan, options: options, outcomes: outcomes)
    }

    /// Renders the given procedures of the market without writing them: their files' names and bytes.
    public static func render(_ options: GeneratorOptions, procedures indices: [Int]) throws(GeneratorError)
        -> [(name: String, bytes: [UInt8])] {
        try validate(options)
        let plan = MarketPlan.make(procedures: options.procedures, seed: options.seed, rates: options.rates)
        let strings = CatalogueBytes()
        return indices.flatMap { index in
            NoticeRenderer(plan: plan, strings: strings, spec: plan.spec(for: index)).render().map {
                (String(decoding: $0.fileName, as: UTF8.self), $0.bytes)
            }
        }
    }

    /// Generates the corpus into `directory`, which must be empty or absent unless `force`
    /// (then files this generator wrote earlier are removed first; nothing else is touched).
    public static func generate(_ options: GeneratorOptions, into directory: String,
                                force: Bool = false) throws(GeneratorError) -> GenerationSummary {
        try validate(options)
        try OutputDirectory.prepare(directory, force: force)
        let plan = MarketPlan.make(procedures: options.procedures, seed: options.seed, rates: options.rates)
        let strings = CatalogueBytes()
        let count = options.procedures
        let folders = (count + proceduresPerFolder - 1) / proceduresPerFolder
        for folder in 0..<folders {
            try OutputDirectory.make(directory + "/" + folderName(folder))
        }

        let base = Array(directory.utf8) + [0x2F]
        // Per thread, a path buffer reused for every file it writes.
        let outcomes = Parallel.map(count: count, jobs: options.jobs, block: 16, worker: { () -> [UInt8] in
            var path: [UInt8] = []
            path.reserveCapacity(base.count + 32)
            return path
        }) { path, index in
            let spec = plan.spec(for: index)
            let notices = NoticeRenderer(plan: plan, strings: strings, spec: spec).render()
            var outcome = Outcome(planted: spec.planted, camouflaged: spec.camouflaged)
            let folder = Array(folderName(index / proceduresPerFolder).utf8)
            for notice in notices {
                path.removeAll(keepingCapacity: true)
                path.append(contentsOf: base)
                path.append(contentsOf: folder)
                path.append(0x2F)
                path.append(contentsOf: notice.fileName)
                path.append(0)
                if let failure = OutputDirectory.write(notice.bytes, to: path) {
                    outcome.error = failure
                    break
                }
                outcome.files += 1
                outcome.bytes += notice.bytes.count
            }
            return outcome
        }
        if let failure = outcomes.lazy.compactMap(\.error).first { throw GeneratorError(.writeFailed, failure) }
        let truth = assembleTruth(plan: plan, options: options, outcomes: outcomes)
        return GenerationSummary(procedures: count, files: outcomes.reduce(0) { $0 + $1.files },
                                 bytes: outcomes.reduce(0) { $0 + $1.bytes }, truth: truth)
    }

    /// Writes the truth file (replacing any file at `path`).
    public static func writeTruth(_ truth: GroundTruth, to path: String) throws(GeneratorError) {
        if let failure = OutputDirectory.write(truth.json(), to: Array(path.utf8) + [0]) {
            throw GeneratorError(.writeFailed, failure)
        }
    }

    static func folderName(_ folder: Int) -> String {
        padded(folder, width: 4)
    }

    private static func assembleTruth(plan: MarketPlan, options: GeneratorOptions, outcomes: [Outcome]) -> GroundTruth {
        func procedureId(_ index: Int) -> String {
            String(decoding: derivedUUID(seed: plan.seed, index: index, salt: 1), as: UTF8.self)
        }
        var planted: [GroundTruth.PlantedProcedure] = []
        var camouflaged: [GroundTruth.Camouflaged] = []
        for (index, outcome) in outcomes.enumerated() {
            if !outcome.planted.isEmpty {
                planted.append(GroundTruth.PlantedProcedure(
                    procedure: procedureId(index),
                    schemes: outcome.planted.map {
                        GroundTruth.Scheme(scheme: $0.scheme, lots: $0.lots, group: $0.group, detail: $0.detail)
                    }))
            }
            for entry in outcome.camouflaged {
                camouflaged.append(GroundTruth.Camouflaged(procedure: procedureId(index), kind: entry.kind,
                                                           lots: entry.lots, detail: entry.detail))
            }
        }
        planted.sort { $0.procedure < $1.procedure }
        camouflaged.sort { ($0.procedure, $0.kind.rawValue) < ($1.procedure, $1.kind.rawValue) }

        let market = plan.market
        func supplierId(_ supplier: Int) -> String { market.suppliers[supplier].organization.nationalIdText }
        func buyerId(_ buyer: Int) -> String { market.buyers[buyer].organization.nationalIdText }
        var groups: [GroundTruth.Group] = []
        for ring in plan.rings {
            groups.append(GroundTruth.Group(
                group: groupId("ring", ring.id), scheme: .cartelRotation,
                market: Catalogue.countries[ring.country].code + " " + Catalogue.divisions[ring.division].code,
                members: ring.members.map(supplierId), procedures: ring.procedures.map(procedureId).sorted()))
        }
        for pair in plan.pairs {
            groups.append(GroundTruth.Group(
                group: groupId("pair", pair.id), scheme: .favouredSupplier, buyer: buyerId(pair.buyer),
                supplier: supplierId(pair.supplier), procedures: pair.procedures.map(procedureId).sorted()))
        }
        for series in plan.series {
            groups.append(GroundTruth.Group(
                group: groupId("split", series.id), scheme: .thresholdSplitting, buyer: buyerId(series.buyer),
                supplier: series.supplier.map(supplierId), cpvClass: series.cpvClass, threshold: series.threshold,
                total: series.estimates.reduce(0, +), procedures: series.procedures.map(procedureId).sorted()))
        }
        groups.sort { $0.group < $1.group }
        return GroundTruth(seed: options.seed, procedures: options.procedures, rates: options.rates,
                           planted: planted, camouflaged: camouflaged, groups: groups)
    }
}

struct Outcome: Sendable {
    var planted: [PlantedScheme]
    var camouflaged: [CamouflagedEntry]
    var files = 0
    var bytes = 0
    var error: String?
}

/// The output folder: refused when it holds anything unless forced; only this generator's
/// own files (`NNNN/NNNNNNNN-YYYY.xml`) are ever removed.
enum OutputDirectory {
    static func prepare(_ path: String, force: Bool) throws(GeneratorError) {
        var status = stat()
        if stat(path, &status) != 0 {
            try make(path)
            return
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw GeneratorError(.outputRefused, "--out \(path) exists and is not a folder")
        }
        let entries = list(path)
        guard !entries.isEmpty else { return }
        guard force else {
            throw GeneratorError(.outputRefused, "--out \(path) is not empty (\(entries.count) entries); choose an empty or new "
                + "folder, or pass --force to replace a corpus generated there before")
        }
        for entry in entries where isFolderName(entry) {
            let folder = path + "/" + entry
            for file in list(folder) where isNoticeName(file) {
                unlink(folder + "/" + file)
            }
            rmdir(folder)
        }
    }

    static func make(_ path: String) throws(GeneratorError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try make(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw GeneratorError(.writeFailed, "cannot create \(path): \(String(cString: strerror(errno)))")
    }

    /// Entry names of a folder, without `.` and `..`.
    static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isFolderName(_ name: String) -> Bool {
        name.utf8.count == 4 && name.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `NNNNNNNN-YYYY.xml`.
    static func isNoticeName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 17, bytes[8] == 0x2D, name.hasSuffix(".xml") else { return false }
        return (bytes[0..<8] + bytes[9..<13]).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Writes `bytes` to the NUL-terminated `path` (one `write` for the whole file as a rule).
    static func write(_ bytes: [UInt8], to path: [UInt8]) -> String? {
        let descriptor = path.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        }
        func failure() -> String {
            let name = String(decoding: path.dropLast(), as: UTF8.self)
            return "cannot write \(name): \(String(cString: strerror(errno)))"
        }
        guard descriptor >= 0 else { return failure() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let message = failure()
                close(descriptor)
                return message
            }
            offset += written
        }
        guard close(descriptor) == 0 else { return failure() }
        return nil
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, buffer, count)
        #else
        return Darwin.write(descriptor, buffer, count)
        #endif
    }
}
