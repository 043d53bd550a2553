import Foundation
import Testing
import TenderEngine
import TenderModel
import TenderReports

/// Issue 6 at the engine level: a file that vanishes between listing and reading, and the
/// real corpus screened together with every hostile fixture.
@Suite("hostile batches")
struct HostileBatchTests {
    @Test func aFileThatDisappearsBeforeItIsReadIsAnErrorAndTheOthersAreRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let vanishing = folder.appendingPathComponent("vanishing.xml").path
        try Data("<a/>".utf8).write(to: URL(fileURLWithPath: vanishing))
        let good = TestPaths.fixture("eforms/multi-lot/award-notice.xml")
        // Listed while it existed, removed before the readers reach it.
        let discovery = InputDiscovery(paths: [folder.path, good])
        #expect(discovery.files == [vanishing, good])
        try FileManager.default.removeItem(atPath: vanishing)
        let batch = NoticeBatchReader(jobs: 2).read(files: discovery.files, into: InMemoryStorage())
        #expect(batch.errors.map(\.description) == [vanishing + ": cannot open: No such file or directory"])
        #expect(batch.errors.first?.kind == .unreadable)
        #expect(batch.notices.procedureCount == 1)
    }

    @Test(.enabled(if: TestPaths.corpusExists, "../shared/corpus is not present"))
    func theRealCorpusMixedWithEveryHostileCaseScreensToAValidCompleteReport() throws {
        let corpus = TestPaths.corpus.path
        let alone = ScreenJob(paths: [corpus], jobs: 2).run()
        let mixed = ScreenJob(paths: [corpus, TestPaths.fixture("hostile")], jobs: 2).run()
        // The fuzzer's regression inputs (Fixtures/hostile/fuzz/*.fuzz) are not walked: not `*.xml`.
        let hostileErrors = mixed.errors.filter { $0.location.file.contains("Fixtures/hostile/") }
        #expect(hostileErrors.count == 14)
        #expect(mixed.errors.count == alone.errors.count + 14)
        #expect(mixed.warnings.filter { $0.kind == .duplicate }.count
            == alone.warnings.filter { $0.kind == .duplicate }.count + 2)
        // Every good notice is there: all the corpus's procedures, and the three good hostile ones.
        let ids = Set(mixed.result.ranking.map(\.procedure.id))
        #expect(ids.isSuperset(of: alone.result.ranking.map(\.procedure.id)))
        #expect(ids.isSuperset(of: ["7a1c0e1e-1006-4000-8000-000000000006", "7a1c0e1e-1012-4000-8000-000000000012",
                                    "7a1c0e1e-1013-4000-8000-000000000013"]))
        #expect(mixed.result.ranking.count == alone.result.ranking.count + 3)
        #expect(mixed.noticeCount == alone.noticeCount + 5)
        let summary = ScreeningJSON.Summary(files: mixed.fileCount, notices: mixed.noticeCount,
                                            result: mixed.result, errors: mixed.errors.count)
        var json = JSONWriter()
        ScreeningJSON.writeDocument(result: mixed.result, listed: mixed.result.ranking, summary: summary,
                                    errors: mixed.errors, warnings: mixed.warnings, generatorVersion: "test",
                                    to: &json) { _ in }
        #expect(ScreenReportTests.validator.validate(try JSONValue.parse(json.bytes)) == [])
    }
}
