import Foundation
import Testing
import TenderEngine
import TenderReports
import TenderScreening

/// The `screen` JSON report against its schema (docs/screen-report.schema.json), on the
/// fixtures and, when present, on every real notice of the corpus.
@Suite("screen report")
struct ScreenReportTests {
    static let validator = try! SchemaValidator(
        schemaFile: TestPaths.repository.appendingPathComponent("docs/screen-report.schema.json"))

    static func report(_ paths: [String], jobs: Int) -> [UInt8] {
        let outcome = ScreenJob(paths: paths, jobs: jobs).run()
        let summary = ScreeningJSON.Summary(files: outcome.fileCount, notices: outcome.noticeCount,
                                            result: outcome.result, errors: outcome.errors.count)
        var json = JSONWriter()
        ScreeningJSON.writeDocument(result: outcome.result, listed: outcome.result.ranking, summary: summary,
                                    errors: outcome.errors, generatorVersion: "test", to: &json) { _ in }
        return json.bytes
    }

    /// Large reports are flushed in pieces; a flush must not lose the writer's open
    /// containers (it once did: commas vanished and closing the array crashed).
    @Test func flushingAfterEveryProcedureGivesTheSameReport() throws {
        let outcome = ScreenJob(paths: [TestPaths.fixture("screening")], jobs: 1).run()
        let summary = ScreeningJSON.Summary(files: outcome.fileCount, notices: outcome.noticeCount,
                                            result: outcome.result, errors: outcome.errors.count)
        var pieces: [UInt8] = []
        var json = JSONWriter()
        ScreeningJSON.writeDocument(result: outcome.result, listed: outcome.result.ranking, summary: summary,
                                    errors: outcome.errors, generatorVersion: "test", to: &json) { json in
            pieces += json.bytes
            json.discardWrittenBytes()
        }
        pieces += json.bytes
        #expect(outcome.result.ranking.count == 12)
        #expect(pieces == Self.report([TestPaths.fixture("screening")], jobs: 1))
        #expect(Self.validator.validate(try JSONValue.parse(pieces)) == [])
    }

    @Test func fixturesReportMatchesTheSchemaAndTheContract() throws {
        let bytes = Self.report([TestPaths.fixture("eforms"), TestPaths.fixture("invalid")], jobs: 2)
        let report = try JSONValue.parse(bytes)
        #expect(Self.validator.validate(report) == [])
        #expect(report.at(path: "/summary/procedures") == .number(10))
        #expect(report.at(path: "/summary/errors") == .number(6))
        let procedures = report["procedures"]?.array ?? []
        let scores = procedures.compactMap { value -> Double? in
            if case .number(let score)? = value["score"] { return score }
            return nil
        }
        #expect(scores == scores.sorted(by: >))
        // Every evaluated indicator appears for every procedure, so "not checkable" is visible.
        for procedure in procedures {
            let indicators = Set((procedure["findings"]?.array ?? []).compactMap { $0["indicator"]?.string })
            #expect(indicators.isSuperset(of: ["single-bid", "non-open-procedure", "threshold-proximity"]))
        }
    }

    @Test func theValidatorRejectsAReportThatBreaksTheContract() throws {
        let broken = try JSONValue.parse(Array("""
            {"schemaVersion": 2, "generator": {"name": "x", "version": "1"}, "summary": {}, "indicators": [],
             "procedures": [{"rank": 1.5, "id": "P", "title": null, "procedureType": "open", "buyers": [],
                             "notices": [], "checks": {}, "findings": [{"indicator": "single-bid", "status": "odd"}]}],
             "errors": []}
            """.utf8))
        let problems = Self.validator.validate(broken)
        #expect(problems.contains { $0.contains("$.schemaVersion") })
        #expect(problems.contains { $0.contains("$.generator.name") })
        #expect(problems.contains { $0.contains("$.summary: missing required key files") })
        #expect(problems.contains { $0.contains("$.procedures[0].rank") })
        #expect(problems.contains { $0.contains("missing required key score") })
        #expect(problems.contains { $0.contains("$.procedures[0].findings[0].status") })
    }

    @Test func reportIsByteIdenticalWhateverTheNumberOfJobs() {
        let paths = [TestPaths.fixture("eforms")]
        #expect(Self.report(paths, jobs: 1) == Self.report(paths, jobs: 2))
        #expect(Self.report(paths, jobs: 1) == Self.report(paths, jobs: 5))
    }

    @Test(.enabled(if: TestPaths.corpusExists, "../shared/corpus is not present"))
    func everyRealNoticeScreensToAValidReport() throws {
        let folder = TestPaths.corpus.appendingPathComponent("eforms").path
        let one = Self.report([folder], jobs: 1)
        #expect(one == Self.report([folder], jobs: 2))
        let report = try JSONValue.parse(one)
        #expect(Self.validator.validate(report) == [])
        #expect(report.at(path: "/summary/errors") == .number(2))
        #expect((report["procedures"]?.array.count ?? 0) == 68)
    }
}

/// The settings a report records (docs/settings.md).
@Suite("screen report settings")
struct ScreenReportSettingsTests {
    @Test func theHeadRecordsTheSettingsDigestAndFile() throws {
        let outcome = ScreenJob(paths: [TestPaths.fixture("eforms")], jobs: 1).run()
        let summary = ScreeningJSON.Summary(files: outcome.fileCount, notices: outcome.noticeCount,
                                            result: outcome.result, errors: outcome.errors.count)
        var settings = ScreeningSettings()
        settings.disabled = ["single-bid"]
        var json = JSONWriter()
        ScreeningJSON.writeDocument(result: outcome.result, listed: [], summary: summary, errors: [],
                                    generatorVersion: "test", settings: SettingsProvenance(settings, file: "s.toml"),
                                    to: &json) { _ in }
        let report = try JSONValue.parse(json.bytes)
        #expect(ScreenReportTests.validator.validate(report) == [])
        #expect(report.at(path: "/settings/digest") == .string(settings.digest))
        #expect(report.at(path: "/settings/file") == .string("s.toml"))
        #expect(settings.digest != ScreeningSettings.standard.digest)
        // Without settings given: the defaults' digest, no file.
        let standard = try JSONValue.parse(ScreenReportTests.report([TestPaths.fixture("eforms")], jobs: 1))
        #expect(standard.at(path: "/settings/digest") == .string(ScreeningSettings.standard.digest))
        #expect(standard.at(path: "/settings/file") == .null)
    }

    /// A JSON Lines record is a procedure object ending with `generator` and `settings`.
    @Test func aJSONLinesRecordEndsWithGeneratorAndSettings() throws {
        let outcome = ScreenJob(paths: [TestPaths.fixture("eforms")], jobs: 1).run()
        let screened = try #require(outcome.result.ranking.first)
        var json = JSONWriter()
        ScreeningJSON.writeLine(rank: 1, fragment: ScreeningJSON.fragment(screened), generatorVersion: "test",
                                settings: .standard, to: &json)
        let line = try JSONValue.parse(json.bytes)
        #expect(line.at(path: "/rank") == .number(1))
        #expect(line.at(path: "/generator/version") == .string("test"))
        #expect(line.at(path: "/settings/digest") == .string(ScreeningSettings.standard.digest))
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\"rank\":1,\"id\":"))
        #expect(text.hasSuffix("\"settings\":{\"digest\":\"\(ScreeningSettings.standard.digest)\",\"file\":null}}"))
    }
}
