import Dispatch
import Synchronization

/// Data-parallel loops on a fixed number of threads whose results never depend on that
/// number: outputs land in per-index slots, partial states are merged in chunk order.
public enum Parallel {
    /// `transform(i)` for every `i` in `0..<count`, in index order, on `jobs` threads.
    /// Work is handed out in small blocks from a shared counter, so uneven items balance.
    public static func map<T: Sendable>(count: Int, jobs: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        map(count: count, jobs: jobs, worker: {}) { _, index in transform(index) }
    }

    /// As ``map(count:jobs:_:)``, with state each thread makes once for itself and reuses
    /// for every item it takes (a parser, a path buffer): `worker` runs on that thread, and
    /// what it makes never leaves it. `block` items are taken at a time (default: enough
    /// for about eight blocks per thread, at most 64).
    public static func map<Worker, T: Sendable>(count: Int, jobs: Int, block: Int? = nil,
                                                worker makeWorker: @Sendable () -> Worker,
                                                _ transform: @Sendable (inout Worker, Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = min(max(1, jobs), count)
        if workers == 1 {
            var worker = makeWorker()
            return (0..<count).map { transform(&worker, $0) }
        }
        let block = max(1, block ?? min(64, count / (workers * 8)))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var worker = makeWorker()
                while true {
                    let start = next.add(block, ordering: .relaxed).oldValue
                    guard start < count else { break }
                    for index in start..<min(count, start + block) {
                        (slots.base + index).initialize(to: transform(&worker, index))
                    }
                }
            }
            initialized = count
        }
    }

    /// As ``map(count:jobs:block:worker:_:)`` for a `transform` that can fail: every item
    /// still runs, and the first failure in index order (not in time) is thrown, so which
    /// error a run reports does not depend on `jobs` either.
    public static func map<Worker, T: Sendable, Failure: Error>(
        count: Int, jobs: Int, block: Int? = nil, worker makeWorker: @Sendable () -> Worker,
        _ transform: @Sendable (inout Worker, Int) throws(Failure) -> T
    ) throws(Failure) -> [T] {
        let outcomes = map(count: count, jobs: jobs, block: block, worker: makeWorker) { worker, index in
            Result { () throws(Failure) in try transform(&worker, index) }
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for outcome in outcomes { values.append(try outcome.get()) }
        return values
    }

    /// Each slot is initialised by exactly one worker.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
