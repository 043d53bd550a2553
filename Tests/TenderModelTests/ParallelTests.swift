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

    @Test("each thread makes its worker state once and reuses it; results stay in index order",
          arguments: [1, 2, 5])
    func workersAreMadeOncePerThread(jobs: Int) {
        let made = Atomic<Int>(0)
        let results = Parallel.map(count: 500, jobs: jobs, block: 3, worker: { () -> [Int] in
            made.add(1, ordering: .relaxed)
            return []
        }) { seen, index in
            seen.append(index)
            return (index, seen.count)
        }
        #expect(results.map(\.0) == Array(0..<500))
        #expect(made.load(ordering: .relaxed) == jobs)
        // 500 items on at most 5 threads: some worker state served many items.
        #expect(results.map(\.1).max()! >= 100)
    }
}
