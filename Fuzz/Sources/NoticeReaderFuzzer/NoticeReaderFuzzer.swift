#if canImport(Glibc)
import Glibc
#endif
import TenderXML

/// The reader's limits: the defaults, or with `FUZZ_LIMITS=tight` the smallest ones, so that
/// inputs of a few kilobytes reach every limit (text size, depth, attribute count) and are
/// fed to libxml2 in several 4 KiB chunks instead of one.
let fuzzLimits: ReaderLimits = {
    guard let mode = getenv("FUZZ_LIMITS"), String(cString: mode) == "tight" else { return ReaderLimits() }
    return ReaderLimits(maximumTextBytes: 64, maximumDepth: 8, maximumAttributes: 16, chunkBytes: 4096)
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
    _ = try? reader.read(bytes: bytes, file: "fuzz-input.xml")
    return 0
}
