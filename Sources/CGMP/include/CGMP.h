// The face of libgmp that Swift sees. gmp.h names its API through macros (mpz_add is
// __gmpz_add) and some of it is macro-only (mpz_sgn), neither of which Swift imports, so the
// runtime calls these static inline wrappers instead.
#ifndef CGMP_H
#define CGMP_H
#include <gmp.h>
#endif
