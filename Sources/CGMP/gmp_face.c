// Intentionally empty: every wrapper is static inline in include/CGMP.h.
#include "CGMP.h"
