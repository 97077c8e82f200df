#define _GNU_SOURCE
#include "CSupport.h"
#include <pthread.h>

uintptr_t native_stack_top(void) {
    pthread_attr_t attr;
    void *low = 0;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
    return (uintptr_t)low + size;
}

__attribute__((noinline))
void native_stack_scan(uintptr_t stack_top, void *context,
                       void (*visit)(void *context, const uintptr_t *low, const uintptr_t *high)) {
    // setjmp would do, but glibc mangles rbp/rsp in the jmp_buf, hiding a pointer held there.
    volatile uintptr_t registers[6];
    __asm__ volatile("movq %%rbx, 0(%0)\n\t"
                     "movq %%rbp, 8(%0)\n\t"
                     "movq %%r12, 16(%0)\n\t"
                     "movq %%r13, 24(%0)\n\t"
                     "movq %%r14, 32(%0)\n\t"
                     "movq %%r15, 40(%0)\n\t"
                     : : "r"(registers) : "memory");
    visit(context, (const uintptr_t *)registers, (const uintptr_t *)stack_top);
}
