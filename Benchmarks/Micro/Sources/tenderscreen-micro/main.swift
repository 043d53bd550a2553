#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TenderAssembly
import TenderModel
import TenderReports
import TenderScreening
import TenderXML

// tenderscreen-micro [NAME…] [--iterations N]
//
// Without --iterations, each benchmark runs for about 0.3 s, five times, and the best
// round is printed as time per operation. With --iterations N each named benchmark runs
// exactly N operations once: use that under `valgrind --tool=callgrind` for instruction
// counts per operation, which do not vary from run to run.

var arguments = Array(CommandLine.arguments.dropFirst())
var fixedIterations: Int?
if let flag = arguments.firstIndex(of: "--iterations"), flag + 1 < arguments.count {
    fixedIterations = Int(arguments[flag + 1])
    arguments.removeSubrange(flag...flag + 1)
}
let repository = Fixtures.repository(from: CommandLine.arguments[0])
let benchmarks = Benchmarks(repository: repository).all
let selected = arguments.isEmpty ? benchmarks : benchmarks.filter { arguments.contains($0.name) }
guard !selected.isEmpty else {
    print("unknown benchmark; known: " + benchmarks.map(\.name).joined(separator: ", "))
    exit(1)
}

if let fixedIterations {
    for benchmark in selected {
        benchmark.run(fixedIterations)
        print("\(benchmark.name): \(fixedIterations) operations")
    }
} else {
    print("| benchmark | per operation | throughput |")
    print("|---|---:|---:|")
    for benchmark in selected {
        let nanoseconds = Timing.bestNanosecondsPerOperation(benchmark.run)
        var throughput = String(format1(1e9 / nanoseconds)) + " ops/s"
        if let bytes = benchmark.bytesPerOperation {
            throughput = format1(Double(bytes) / nanoseconds * 1e3) + " MB/s"
        }
        print("| \(benchmark.name) | \(Timing.describe(nanoseconds)) | \(throughput) |")
    }
}

func format1(_ value: Double) -> String {
    let scaled = (value * 10).rounded() / 10
    return scaled >= 100 ? String(Int(scaled)) : String(scaled)
}
