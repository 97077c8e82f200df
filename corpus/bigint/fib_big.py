# jitbench: Fibonacci numbers of large n: iteration, fast doubling, Lucas numbers, Pisano periods
import sys

N = 200_000

sys.set_int_max_str_digits(0)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_doubling(n):
    if n == 0:
        return 0, 1
    a, b = fib_doubling(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def lucas(n):
    f, g = fib_doubling(n)
    return 2 * g - f


def pisano(m):
    a, b = 0, 1
    for i in range(1, m * m + 1):
        a, b = b, (a + b) % m
        if a == 0 and b == 1:
            return i
    return -1


big = fib_iter(N)
fast = fib_doubling(N)[0]
print("iter == doubling:", big == fast)
digits = str(big)
print(f"fib({N}) has {len(digits)} digits: {digits[:30]}...{digits[-30:]}")
print("bit length:", big.bit_length(), "popcount:", bin(big).count("1"))
print("mod 1e9+7:", big % 1_000_000_007)
for n in (100, 500, 1000, 5000):
    f = fib_doubling(n)[0]
    print(f"fib({n}) mod 10**15 = {f % 10 ** 15}, lucas mod 10**15 = {lucas(n) % 10 ** 15}")
huge = fib_doubling(1_000_000)[0]
print("fib(10**6) bit length:", huge.bit_length(), "mod 999999937:", huge % 999999937)
print("identity F(2n) = F(n) L(n):", fib_doubling(2000)[0] == fib_doubling(1000)[0] * lucas(1000))
print("pisano periods:", [pisano(m) for m in range(2, 40)])
gcds = []
for m, n in ((12, 18), (30, 45), (100, 150)):
    a, b = fib_iter(m), fib_iter(n)
    while b:
        a, b = b, a % b
    gcds.append(a)
print("gcd(F(m), F(n)):", gcds)
