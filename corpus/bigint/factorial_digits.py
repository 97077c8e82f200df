# jitbench: big factorials: digit sums, trailing zeros, Legendre exponents, double factorials, products
import math
import sys

N = 5000

sys.set_int_max_str_digits(0)


def factorial_loop(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def product_tree(lo, hi):
    if hi - lo < 8:
        p = 1
        for k in range(lo, hi + 1):
            p *= k
        return p
    mid = (lo + hi) // 2
    return product_tree(lo, mid) * product_tree(mid + 1, hi)


def trailing_zeros(x):
    z = 0
    while x % 10 == 0:
        x //= 10
        z += 1
    return z


def legendre(n, p):
    e = 0
    q = p
    while q <= n:
        e += n // q
        q *= p
    return e


for n in (10, 20, 21, 50, 100):
    print(f"{n}! = {factorial_loop(n)}")
f = factorial_loop(N)
g = product_tree(1, N)
print("loop == tree:", f == g, "== math.factorial:", f == math.factorial(N))
s = str(f)
print(f"{N}! has {len(s)} digits, leading {s[:20]}, digit sum {sum(map(int, s))}")
print("trailing zeros:", trailing_zeros(f), "legendre(5):", legendre(N, 5))
print("exponent of 2:", legendre(N, 2), "check:", (f & -f).bit_length() - 1)
print("bit length:", f.bit_length())
stripped = f >> (legendre(N, 2))
print("odd part mod 1e9+7:", stripped % 1_000_000_007)
double = 1
for k in range(N, 0, -2):
    double *= k
print("double factorial digit count:", len(str(double)))
total = 0
term = 1
for k in range(1, 400):
    term *= k
    total += term
print("sum of k! for k<400, mod 10**12:", total % 10 ** 12)
print("digit sum of that sum:", sum(int(c) for c in str(total)))
for n in range(100, 7001, 400):
    fn = factorial_loop(n)
    print(f"{n}!: digits {len(str(fn))}, sum {sum(map(int, str(fn)))}, last nonzero {str(fn).rstrip('0')[-1]}")
