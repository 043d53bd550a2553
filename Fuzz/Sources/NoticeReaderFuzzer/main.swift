// libFuzzer's own `main` cannot be used (SwiftPM links an executable's `main` to this
// file), so hand the command line to libFuzzer's driver. All libFuzzer flags work as usual.
#if canImport(Glibc)
import Glibc
#endif
import CFuzzerDriver

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
