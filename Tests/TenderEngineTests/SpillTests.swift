import Foundation
import Testing
import TenderEngine
import TenderModel
import TenderReports
import TenderScreening

/// Spilling notices and report fragments to temporary files changes nothing in the results.
@Suite("spill")
struct SpillTests {
    static let inputs = [TestPaths.fixture("eforms"), TestPaths.fixture("screening"), TestPaths.fixture("invalid")]

    @Test func recordsAppendedFromManyThreadsReadBackExactly() throws {
        let file = try SpillFile()
        let records = (0..<2_000).map { index in (0..<(index % 97)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) } }
        let ranges = Parallel.map(count: records.count, jobs: 4) { index in
            records[index].withUnsafeBytes { try? file.append($0) }
        }
        var buffer: [UInt8] = []
        for (index, range) in ranges.enumerated() {
            try file.read(try #require(range), into: &buffer)
            #expect(buffer == records[index])
        }
        #expect(file.size == Int64(records.reduce(0) { $0 + $1.count }))
    }

    @Test func aRangeBeyondTheEndIsAnErrorNotAShortRead() throws {
        let file = try SpillFile()
        let range = try [UInt8](repeating: 7, count: 10).withUnsafeBytes { try file.append($0) }
        var buffer: [UInt8] = []
        #expect(throws: StorageFailure.self) {
            try file.read(SpillRange(offset: range.offset, count: 11), into: &buffer)
        }
    }

    @Test func anUnusableFolderIsNamedInTheError() {
        do {
            _ = try SpillFile(folder: "/nonexistent-tenderscreen-spill")
            Issue.record("a spill file was made in a missing folder")
        } catch {
            #expect(error.description.hasPrefix("cannot make a temporary file in /nonexistent-tenderscreen-spill: "))
        }
    }

    @Test(arguments: [1, 3])
    func aSpilledScreeningGivesTheInMemoryReport(jobs: Int) throws {
        let job = ScreenJob(paths: Self.inputs, jobs: jobs)
        let memory = job.run()
        let spilled = try job.run { ScreeningJSON.fragment($0) }
        #expect(spilled.screening.ranking.map(\.id) == memory.result.ranking.map(\.procedure.id))
        #expect(spilled.screening.ranking.map(\.rank) == memory.result.ranking.map(\.rank))
        #expect(spilled.screening.ranking.map(\.score) == memory.result.ranking.map(\.score))
        #expect(spilled.screening.ranking.map(\.notCheckable) == memory.result.ranking.map(\.notCheckable.count))
        #expect(spilled.screening.errors == memory.errors)
        #expect(spilled.screening.indicators == memory.result.indicators)
        #expect(spilled.screening.populations == memory.result.populations)

        var fromSpill = JSONWriter()
        fromSpill.beginArray()
        var buffer: [UInt8] = []
        for ranked in spilled.screening.ranking {
            try spilled.fragments.read(try #require(ranked.kept), into: &buffer)
            ScreeningJSON.write(rank: ranked.rank, fragment: buffer, to: &fromSpill)
        }
        fromSpill.endArray()
        var fromMemory = JSONWriter()
        fromMemory.beginArray()
        for screened in memory.result.ranking { ScreeningJSON.write(screened, to: &fromMemory) }
        fromMemory.endArray()
        #expect(memory.result.ranking.count > 20)
        #expect(fromSpill.bytes == fromMemory.bytes)
    }

    @Test func proceduresLeftOutByTheRendererHaveNoFragment() throws {
        let spilled = try ScreenJob(paths: Self.inputs, jobs: 2).run { $0.score > 0 ? ScreeningJSON.fragment($0) : nil }
        let ranking = spilled.screening.ranking
        #expect(ranking.contains { $0.kept == nil } && ranking.contains { $0.kept != nil })
        #expect(ranking.allSatisfy { ($0.kept != nil) == ($0.score > 0) })
    }

    @Test func aTableFromFragmentsIsTheTableFromMemory() throws {
        let job = ScreenJob(paths: Self.inputs, jobs: 2)
        let memory = job.run().result.ranking
        let spilled = try job.run { ScreeningTable.fragment($0) }
        var buffer: [UInt8] = []
        var lines: [UInt8] = []
        for ranked in spilled.screening.ranking {
            try spilled.fragments.read(try #require(ranked.kept), into: &buffer)
            lines += ScreeningTable.ranked(rank: ranked.rank, fragment: buffer)
        }
        let expected = memory.flatMap { ScreeningTable.ranked(rank: $0.rank, fragment: ScreeningTable.fragment($0)) }
        #expect(lines == expected)
        #expect(String(decoding: lines, as: UTF8.self).hasPrefix("   1 "))
    }

    @Test(arguments: [1, 4, 1_000])
    func spilledProceduresComeBackWholeWindowByWindow(window: Int) throws {
        let job = ExtractJob(paths: Self.inputs, jobs: 2)
        let memory = job.run()
        let input = try job.read()
        var procedures: [Procedure] = []
        let count = input.notices.procedureCount
        for start in stride(from: 0, to: count, by: window) {
            let slice = try job.procedures(start..<min(count, start + window), of: input)
            #expect(slice.count == min(window, count - start))
            procedures += slice
        }
        #expect(procedures == memory.procedures)
        #expect(input.errors == memory.errors)
        #expect(input.noticeCount == memory.noticeCount)
    }
}
