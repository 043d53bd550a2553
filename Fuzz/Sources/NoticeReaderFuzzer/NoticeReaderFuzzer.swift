#if canImport(Glibc)
import Glibc
#endif
import TenderModel
import TenderXML

/// The reader's limits: the defaults, or with `FUZZ_LIMITS=tight` small ones, so that inputs of
/// a few kilobytes reach every limit (1 KiB of text, depth 8, 16 attributes) and are fed to
/// libxml2 in several 4 KiB chunks instead of one. 1 KiB keeps the text of real notices
/// under the limit, so mutated notices still reach the deep parts of the reader.
let fuzzLimits: ReaderLimits = {
    guard let mode = getenv("FUZZ_LIMITS"), String(cString: mode) == "tight" else { return ReaderLimits() }
    return ReaderLimits(maximumTextBytes: 1024, maximumDepth: 8, maximumAttributes: 16, chunkBytes: 4096)
}()

/// One reader for the whole process, as the engine keeps one per worker: it reuses its
/// libxml2 push-parser context from input to input, and that reuse is under test too.
/// libFuzzer calls the target from one thread only.
nonisolated(unsafe) private let reader = EFormsReader(limits: fuzzLimits)

/// Feeds one input to the reader. A thrown `Diagnostic` is the right answer for bad input;
/// only a crash, a sanitizer report, a leak, a timeout or runaway memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    do {
        let notice = try reader.read(bytes: bytes, file: "fuzz-input.xml")
        if printOutcome { report("read: notice \(notice.id) of procedure \(notice.procedureId)") }
    } catch {
        if printOutcome { report("refused: \(error)") }
    }
    return 0
}

/// `FUZZ_PRINT=1`: say what the reader made of each input (to see what it does with a crash input
/// once fixed, or with a file given on the command line). Never set while fuzzing.
private let printOutcome = getenv("FUZZ_PRINT") != nil

private func report(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
