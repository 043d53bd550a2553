// Suppressions for LeakSanitizer (`swift test --sanitize=address`), compiled into the test
// runner only. LeakSanitizer finds leaks by scanning memory for pointers, but Swift stores
// some pointers with extra bits in them, so memory still reachable looks lost:
//
// - Enum payloads: a multi-payload enum keeps its case tag in the spare bits of a pointer
//   payload (an `indirect` case's box, a class reference), so the static test fixtures that
//   hold findings (`EvidenceValue`) or decoded JSON for the whole run look leaked. Every such
//   report allocates inside a global's one-time initializer (`…_WZ`); a minimal reproduction
//   (an indirect enum in a `let` at top level) reports the same leak.
// - Weak references: the runtime's side table is referenced by a tagged pointer
//   (`formWeakReference`, here from Foundation's `Process.run`).
//
// - XCTest: `swift test` also starts the XCTest runner, which leaks its own suite objects even
//   when there are no XCTest tests (all tests here use Swift Testing); swift-corelibs-xctest#534.
//
// See llvm/llvm-project#56751 and swiftlang/swift-corelibs-xctest#342. The tenderscreen
// binary the CLI tests run is built with the sanitizer too and needs no suppression.
#include "LeakCheckSupport.h"

// Whole allocation stacks (the default keeps 30 frames), so the global's initializer is in them:
// the screening fixtures allocate about 60 frames below it (255 is the most ASan keeps).
__attribute__((used, visibility("default")))
const char *__asan_default_options(void) {
    return "malloc_context_size=255";
}

__attribute__((used, visibility("default")))
const char *__lsan_default_suppressions(void) {
    return "leak:_WZ$\n"
           "leak:formWeakReference\n"
           "leak:libXCTest.so\n";
}
