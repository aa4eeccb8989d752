#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (LLVM 12 and later), for a program that has its own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
