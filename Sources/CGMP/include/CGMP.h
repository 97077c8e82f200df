// The face of libgmp that Swift sees. gmp.h names its API through macros (mpz_add is
// __gmpz_add) and part of it is macro-only (mpz_sgn), and Swift imports neither, so the
// runtime calls these static inline wrappers. They compile away.
#ifndef CGMP_H
#define CGMP_H
#include <gmp.h>
#include <stddef.h>

typedef __mpz_struct bigz;

static inline void bigz_init(bigz *z) { mpz_init(z); }
static inline void bigz_clear(bigz *z) { mpz_clear(z); }
static inline void bigz_set_si(bigz *z, long v) { mpz_set_si(z, v); }
static inline void bigz_set(bigz *z, const bigz *a) { mpz_set(z, a); }
static inline void bigz_set_d(bigz *z, double d) { mpz_set_d(z, d); }
static inline int bigz_set_str(bigz *z, const char *s, int base) { return mpz_set_str(z, s, base); }
static inline int bigz_sgn(const bigz *z) { return mpz_sgn(z); }
static inline int bigz_fits_slong(const bigz *z) { return mpz_fits_slong_p(z); }
static inline long bigz_get_si(const bigz *z) { return mpz_get_si(z); }
static inline size_t bigz_sizeinbase(const bigz *z, int base) { return mpz_sizeinbase(z, base); }
static inline char *bigz_get_str(char *buf, int base, const bigz *z) { return mpz_get_str(buf, base, z); }
static inline int bigz_cmp(const bigz *a, const bigz *b) { return mpz_cmp(a, b); }
static inline int bigz_cmp_si(const bigz *a, long b) { return mpz_cmp_si(a, b); }
static inline int bigz_cmpabs(const bigz *a, const bigz *b) { return mpz_cmpabs(a, b); }
static inline void bigz_add(bigz *r, const bigz *a, const bigz *b) { mpz_add(r, a, b); }
static inline void bigz_sub(bigz *r, const bigz *a, const bigz *b) { mpz_sub(r, a, b); }
static inline void bigz_mul(bigz *r, const bigz *a, const bigz *b) { mpz_mul(r, a, b); }
static inline void bigz_neg(bigz *r, const bigz *a) { mpz_neg(r, a); }
static inline void bigz_abs(bigz *r, const bigz *a) { mpz_abs(r, a); }
static inline void bigz_fdiv_qr(bigz *q, bigz *r, const bigz *n, const bigz *d) { mpz_fdiv_qr(q, r, n, d); }
static inline void bigz_fdiv_q(bigz *q, const bigz *n, const bigz *d) { mpz_fdiv_q(q, n, d); }
static inline void bigz_fdiv_r(bigz *r, const bigz *n, const bigz *d) { mpz_fdiv_r(r, n, d); }
static inline void bigz_tdiv_qr(bigz *q, bigz *r, const bigz *n, const bigz *d) { mpz_tdiv_qr(q, r, n, d); }
static inline unsigned long bigz_fdiv_ui(const bigz *n, unsigned long d) { return mpz_fdiv_ui(n, d); }
static inline void bigz_pow_ui(bigz *r, const bigz *b, unsigned long e) { mpz_pow_ui(r, b, e); }
static inline void bigz_powm(bigz *r, const bigz *b, const bigz *e, const bigz *m) { mpz_powm(r, b, e, m); }
static inline int bigz_invert(bigz *r, const bigz *a, const bigz *m) { return mpz_invert(r, a, m); }
static inline void bigz_mul_2exp(bigz *r, const bigz *a, unsigned long n) { mpz_mul_2exp(r, a, n); }
static inline void bigz_fdiv_q_2exp(bigz *r, const bigz *a, unsigned long n) { mpz_fdiv_q_2exp(r, a, n); }
static inline void bigz_tdiv_q_2exp(bigz *r, const bigz *a, unsigned long n) { mpz_tdiv_q_2exp(r, a, n); }
static inline void bigz_tdiv_r_2exp(bigz *r, const bigz *a, unsigned long n) { mpz_tdiv_r_2exp(r, a, n); }
static inline void bigz_and(bigz *r, const bigz *a, const bigz *b) { mpz_and(r, a, b); }
static inline void bigz_ior(bigz *r, const bigz *a, const bigz *b) { mpz_ior(r, a, b); }
static inline void bigz_xor(bigz *r, const bigz *a, const bigz *b) { mpz_xor(r, a, b); }
static inline void bigz_com(bigz *r, const bigz *a) { mpz_com(r, a); }
static inline size_t bigz_scan1(const bigz *a, size_t start) { return mpz_scan1(a, start); }
static inline int bigz_tstbit(const bigz *a, size_t bit) { return mpz_tstbit(a, bit); }
static inline double bigz_get_d(const bigz *a) { return mpz_get_d(a); }
static inline size_t bigz_limb_count(const bigz *a) { return mpz_size(a); }
static inline mp_limb_t bigz_limb(const bigz *a, size_t i) { return mpz_getlimbn(a, i); }
static inline void bigz_gcd(bigz *r, const bigz *a, const bigz *b) { mpz_gcd(r, a, b); }
static inline void bigz_sqrt(bigz *r, const bigz *a) { mpz_sqrt(r, a); }
static inline void bigz_fac_ui(bigz *r, unsigned long n) { mpz_fac_ui(r, n); }
static inline void bigz_bin_ui(bigz *r, const bigz *n, unsigned long k) { mpz_bin_ui(r, n, k); }
static inline void bigz_lcm(bigz *r, const bigz *a, const bigz *b) { mpz_lcm(r, a, b); }

/// A read-only mpz over a caller-owned limb: lets a small int take part in a GMP operation
/// without allocating. The limb must outlive every use of the mpz.
static inline const bigz *bigz_roinit_small(bigz *z, mp_limb_t *limb, long value) {
    unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
    *limb = magnitude;
    return mpz_roinit_n(z, limb, value < 0 ? -1 : (value == 0 ? 0 : 1));
}

/// Routes GMP's allocations through counting functions so they add to the collector's pressure.
void bigz_install_counting_allocator(void);
/// Bytes GMP holds now, through the counting allocator.
extern size_t bigz_allocated_bytes;
#endif
