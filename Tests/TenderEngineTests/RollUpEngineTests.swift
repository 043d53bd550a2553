import Foundation
import Testing
@testable import TenderEngine
import TenderModel
import TenderReports
import TenderScreening

/// `screen --by`: organisations are rolled up during the screening pass, chunk by chunk,
/// and the result does not depend on threads or chunking.
@Suite("roll-up in the engine")
struct RollUpEngineTests {
    static let inputs = [TestPaths.fixture("eforms"), TestPaths.fixture("screening"), TestPaths.fixture("invalid")]
    static let validator = try! SchemaValidator(
        schemaFile: TestPaths.repository.appendingPathComponent("docs/rollup-report.schema.json"))

    /// A job screening in chunks of `chunk` procedures, merged every `window` chunks.
    static func job(jobs: Int, chunk: Int? = nil, window: Int? = nil) -> ScreenJob {
        var job = ScreenJob(paths: inputs, jobs: jobs)
        if let chunk { job.screeningChunk = chunk }
        if let window { job.screeningWindow = window }
        return job
    }

    static func document(_ run: ScreenJob.SpilledScreening, minimumProcedures: Int = 2) throws -> [UInt8] {
        let rollUp = try #require(run.rollUp)
        let screening = run.screening
        let ranking = rollUp.ranking(minimumProcedures: minimumProcedures)
        let summary = ScreeningJSON.Summary(
            files: screening.fileCount, notices: screening.noticeCount, procedures: screening.ranking.count,
            flaggedProcedures: screening.ranking.count { $0.score > 0 },
            notCheckableFindings: screening.ranking.reduce(0) { $0 + $1.notCheckable }, errors: screening.errors.count)
        var json = JSONWriter()
        EntityJSON.writeDocument(rollUp: rollUp, minimumProcedures: minimumProcedures, ranking: ranking,
                                 listed: ranking, populations: screening.populations, summary: summary,
                                 errors: screening.errors, generatorVersion: "test", to: &json)
        return json.bytes
    }

    @Test(arguments: EntityRole.allCases)
    func theRollUpIsByteIdenticalWhateverTheJobsAndTheChunks(role: EntityRole) throws {
        let reference = try Self.job(jobs: 1).run(rollUp: role) { _ in nil }
        let expected = try Self.document(reference)
        #expect(reference.screening.ranking.count > 20)
        for (jobs, chunk, window) in [(2, nil, nil), (2, 3, 2), (3, 1, 5), (2, 5, 1)] as [(Int, Int?, Int?)] {
            let run = try Self.job(jobs: jobs, chunk: chunk, window: window).run(rollUp: role) { _ in nil }
            #expect(try Self.document(run) == expected, "jobs \(jobs), chunk \(chunk ?? 0), window \(window ?? 0)")
            #expect(run.screening.ranking.map(\.id) == reference.screening.ranking.map(\.id))
            #expect(run.screening.ranking.map(\.score) == reference.screening.ranking.map(\.score))
        }
    }

    /// The chunked fold in the engine gives what one fold over the in-memory ranking gives.
    @Test(arguments: EntityRole.allCases)
    func theEngineFoldsWhatTheInMemoryResultFolds(role: EntityRole) throws {
        let memory = ScreenJob(paths: Self.inputs, jobs: 2).run()
        var direct = EntityRollUp(role: role, settings: .standard)
        for screened in memory.result.ranking.shuffled() { direct.add(screened) }
        let engine = try #require(try Self.job(jobs: 2, chunk: 4, window: 3).run(rollUp: role) { _ in nil }.rollUp)
        #expect(engine.ranking(minimumProcedures: 2) == direct.ranking(minimumProcedures: 2))
        #expect(engine.procedures == memory.result.ranking.count)
        #expect(engine.unidentified == direct.unidentified)
        #expect(engine.proceduresWithoutOrganisation == direct.proceduresWithoutOrganisation)
        // Every procedure counts for at least one organisation, or is said not to.
        let counted = engine.ranking(minimumProcedures: 0).reduce(0) { $0 + $1.procedures }
        #expect(counted + engine.proceduresWithoutOrganisation >= engine.procedures)
    }

    @Test func chunkingLeavesTheProcedureReportUnchanged() throws {
        let reference = try Self.job(jobs: 1).run { ScreeningJSON.fragment($0) }
        let chunked = try Self.job(jobs: 2, chunk: 2, window: 3).run { ScreeningJSON.fragment($0) }
        #expect(reference.rollUp == nil && chunked.rollUp == nil)
        #expect(chunked.screening.ranking.map(\.id) == reference.screening.ranking.map(\.id))
        var left: [UInt8] = [], right: [UInt8] = []
        for (one, other) in zip(reference.screening.ranking, chunked.screening.ranking) {
            try reference.fragments.read(try #require(one.kept), into: &left)
            try chunked.fragments.read(try #require(other.kept), into: &right)
            #expect(left == right)
        }
    }

    @Test(arguments: EntityRole.allCases)
    func theReportMatchesItsSchema(role: EntityRole) throws {
        let run = try Self.job(jobs: 2).run(rollUp: role) { _ in nil }
        let report = try JSONValue.parse(try Self.document(run))
        #expect(Self.validator.validate(report) == [])
        #expect(report["by"] == .string(role.rawValue))
        #expect(report.at(path: "/summary/errors") == .number(6))
        let organisations = report["organisations"]?.array ?? []
        #expect(!organisations.isEmpty)
        #expect(report.at(path: "/rollUp/organisations") == .number(Double(organisations.count)))
        let ranks = organisations.compactMap { value -> Double? in
            if case .number(let rank)? = value["rank"] { return rank }
            return nil
        }
        #expect(ranks == (1...organisations.count).map(Double.init))
    }

    @Test func theValidatorRejectsABrokenRollUp() throws {
        let broken = try JSONValue.parse(Array("""
            {"schemaVersion": 1, "generator": {"name": "tenderscreen", "version": "1"}, "by": "seller",
             "summary": {}, "rollUp": {}, "indicators": [],
             "organisations": [{"rank": 1, "key": "K", "name": null, "country": null, "procedures": 1.5,
                                "belowMinimum": false, "value": {"currency": "USD"}, "composite": 1, "meanScore": 1,
                                "maxScore": 1, "indicators": [{"id": "single-bid"}], "topProcedures": []}],
             "errors": []}
            """.utf8))
        let problems = Self.validator.validate(broken)
        #expect(problems.contains { $0.contains("$.by") })
        #expect(problems.contains { $0.contains("$.rollUp: missing required key minimumProcedures") })
        #expect(problems.contains { $0.contains("$.organisations[0].procedures") })
        #expect(problems.contains { $0.contains("$.organisations[0].value.currency") })
        #expect(problems.contains { $0.contains("$.organisations[0].indicators[0]: missing required key share") })
    }
}
