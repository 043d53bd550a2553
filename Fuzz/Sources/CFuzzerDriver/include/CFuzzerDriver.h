#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented entry point for programs that have their own `main`
/// ("Using libFuzzer as a library"). SwiftPM always points an executable's `main` at the
/// Swift entry point (`--defsym main=<Module>_main`), so libFuzzer's own `main` is never
/// used: Sources/NoticeReaderFuzzer/main.swift calls this instead. Defined in
/// libclang_rt.fuzzer, linked in by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
