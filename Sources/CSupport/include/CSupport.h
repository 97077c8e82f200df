// What the runtime needs from C because Swift cannot express it: the bounds of the native
// stack, and a scan of it with the callee-saved registers spilled, for the conservative
// part of the collector's root set.
#ifndef CSUPPORT_H
#define CSUPPORT_H
#include <stdint.h>
#include <stddef.h>

/// The highest address of the calling thread's stack (stacks grow down). Reads
/// /proc/self/maps for the main thread, so call once and cache.
uintptr_t native_stack_top(void);

/// Calls `visit(context, low, high)` over the words of the current native stack, from this
/// frame up to `stack_top`, after spilling the callee-saved registers into that range, so
/// that a heap pointer held only in a register is seen too.
void native_stack_scan(uintptr_t stack_top, void *context,
                       void (*visit)(void *context, const uintptr_t *low, const uintptr_t *high));
#endif
