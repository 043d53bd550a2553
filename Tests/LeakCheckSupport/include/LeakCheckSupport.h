// AddressSanitizer and LeakSanitizer read their default options and suppressions from these
// functions when the test runner is built with `--sanitize=address`; see LeakSuppressions.c.
const char *__asan_default_options(void);
const char *__lsan_default_suppressions(void);
