import Dispatch
import Synchronization

/// Data-parallel loops on a fixed number of threads whose results never depend on that
/// number: outputs land in per-index slots, partial states are merged in chunk order.
public enum Parallel {
    /// `transform(i)` for every `i` in `0..<count`, in index order, on `jobs` threads.
    /// Work is handed out in small blocks from a shared counter, so uneven items balance.
    public static func map<T: Sendable>(count: Int, jobs: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = min(max(1, jobs), count)
        if workers == 1 { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let next = Atomic<Int>(0)
            let block = max(1, min(64, count / (workers * 8)))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = next.add(block, ordering: .relaxed).oldValue
                    guard start < count else { break }
                    for index in start..<min(count, start + block) {
                        (slots.base + index).initialize(to: transform(index))
                    }
                }
            }
            initialized = count
        }
    }

    /// Splits `0..<count` into `jobs` contiguous chunks run concurrently; `body` gets the
    /// range and the chunk's number, so partial results can be merged in a fixed order.
    public static func forEachChunk(of count: Int, jobs: Int, _ body: @Sendable (Range<Int>, Int) -> Void) {
        let chunks = max(1, jobs)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body(count * chunk / chunks..<count * (chunk + 1) / chunks, chunk)
        }
    }

    /// Each slot is initialised by exactly one worker.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
