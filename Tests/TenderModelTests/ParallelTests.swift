import Synchronization
import Testing
import TenderModel

@Suite("Parallel")
struct ParallelTests {
    @Test("map keeps index order and calls the transform once per index, whatever the jobs",
          arguments: [1, 2, 3, 8])
    func mapIsOrderedAndComplete(jobs: Int) {
        let calls = Atomic<Int>(0)
        let squares = Parallel.map(count: 1_000, jobs: jobs) { index in
            calls.add(1, ordering: .relaxed)
            return index * index
        }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(calls.load(ordering: .relaxed) == 1_000)
    }

    @Test func mapOfNothingAndOfOneItem() {
        #expect(Parallel.map(count: 0, jobs: 4) { $0 }.isEmpty)
        #expect(Parallel.map(count: 1, jobs: 4) { "item \($0)" } == ["item 0"])
    }

    @Test("chunks cover the range once, in order of their numbers", arguments: [1, 2, 7])
    func chunksCoverTheRange(jobs: Int) {
        let seen = Mutex<[Int: Range<Int>]>([:])
        Parallel.forEachChunk(of: 100, jobs: jobs) { range, chunk in seen.withLock { $0[chunk] = range } }
        let ranges = seen.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        #expect(ranges.count == jobs)
        #expect(ranges.flatMap { Array($0) } == Array(0..<100))
    }
}
