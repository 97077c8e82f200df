# jitbench: exact comparisons between ints and floats (2**53 boundary, big ints, inf), mixed keys and sorting
import math

ITER = 200_000

big = 2 ** 53
print("2**53+1 == 2.0**53:", big + 1 == 2.0 ** 53, "2**53 == 2.0**53:", big == 2.0 ** 53)
print("2**53+1 > 2.0**53:", big + 1 > 2.0 ** 53, "float(2**53+1):", float(big + 1), "int(float(2**53+1)):", int(float(big + 1)))
print("10**400 > 1e308:", 10 ** 400 > 1e308, "10**400 < inf:", 10 ** 400 < math.inf, "-10**400 > -inf:", -(10 ** 400) > -math.inf)
print("2**1023 == 2.0**1023:", 2 ** 1023 == 2.0 ** 1023, "(2**1024 - 1) < 1.7976931348623157e308:", 2 ** 1024 - 1 < 1.7976931348623157e308)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
print("int vs nan:", 1 == math.nan, 1 < math.nan, 10 ** 400 > math.nan)
print("0 == -0.0:", 0 == -0.0, "True == 1.0:", True == 1.0, "1 is 1.0 equal:", 1 == 1.0)
d = {}
for key in (1, 1.0, True, 2, 2.0, 0, 0.0, False, -0.0, 2 ** 64, float(2 ** 64)):
    d[key] = d.get(key, 0) + 1
print("dict with numeric keys:", d)
print("set of equal numbers:", len({1, 1.0, True}), sorted({0, 0.0, False, -0.0, 3, 3.0}))
mixed = [3, 2.5, True, -1, 2 ** 70, -0.5, 1.0, 0, 1e20, 10 ** 20, 7.0, 7]
print("sorted mixed:", sorted(mixed))
print("max/min mixed:", max(mixed), min(mixed), max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))

matches = 0
ordered = 0
for i in range(ITER):
    n = big - ITER // 2 + i
    f = float(n)
    if n == f:
        matches += 1
    if (n < f) + 2 * (n > f) == 0:
        ordered += 1
print("ints near 2**53 equal to their float:", matches, ordered)
exact = 0
for i in range(ITER):
    n = (i * 2654435761) % (2 ** 62)
    f = float(n)
    if int(f) == n:
        exact += 1
    if (f == n) != (int(f) == n):
        print("inconsistent at", n)
print("exactly representable large ints:", exact)
cmp = 0
for i in range(ITER):
    a = i * 0.5
    b = i // 2
    cmp += (a > b) - (a < b) + (a == b) * 2
print("half comparisons:", cmp)
print("chained mixed:", 1 < 1.5 < 2 < 2.5 < 3, 0 == 0.0 == -0.0 == False, 2 ** 60 < 2.0 ** 61 < 2 ** 62)
print("hash equality:", hash(1) == hash(1.0) == hash(True), hash(2 ** 64) == hash(float(2 ** 64)), hash(0.5) == hash(0.5))
print("int(float) round trip range ok:", all(int(float(k)) == k for k in range(-1000, 1000)))
print("float.is_integer of big:", float(2 ** 60).is_integer(), float(2 ** 60) == 2 ** 60, 2 ** 60 + 1 == float(2 ** 60 + 1))
