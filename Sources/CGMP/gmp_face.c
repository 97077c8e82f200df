// GMP's limbs live in malloc'd memory owned by big-int objects in the GC heap. The collector
// must know how much memory they pin, or a loop of huge temporaries would never trigger a
// collection; these functions count every byte GMP takes and gives back.
#include "CGMP.h"
#include <stdlib.h>
#include <string.h>

size_t bigz_allocated_bytes;

static void *counting_alloc(size_t size) {
    void *p = malloc(size);
    if (!p) abort();
    bigz_allocated_bytes += size;
    return p;
}

static void *counting_realloc(void *p, size_t old_size, size_t new_size) {
    void *q = realloc(p, new_size);
    if (!q) abort();
    bigz_allocated_bytes += new_size - old_size;
    return q;
}

static void counting_free(void *p, size_t size) {
    bigz_allocated_bytes -= size;
    free(p);
}

void bigz_install_counting_allocator(void) {
    mp_set_memory_functions(counting_alloc, counting_realloc, counting_free);
}
