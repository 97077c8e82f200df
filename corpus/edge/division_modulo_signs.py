# jitbench: floor division, modulo, divmod with negative operands, negative exponents, round ties-to-even
import math

ITER = 150_000

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (-7, 3), (7, -3), (0, 5), (0, -5), (1, 1), (-1, 7), (2 ** 64 + 1, -7)]
for a, b in pairs:
    print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, divmod = {divmod(a, b)}, a/b = {a / b!r}")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.0, 3), (5.0, -3.0), (1e300, 3.0), (-1e-20, 1.0)]:
    print(f"{a!r} // {b!r} = {a // b!r}, % = {a % b!r}, divmod = {divmod(a, b)!r}")
print("-7 // 2 =", -7 // 2, "-7 % 3 =", -7 % 3, "7 % -3 =", 7 % -3, "divmod(-7, 2) =", divmod(-7, 2))
print("int() truncates:", int(-7 / 2), int(7 / -2), int(-0.9), int(2.9999999), math.trunc(-3.7))
print("floor/ceil:", math.floor(-3.5), math.ceil(-3.5), math.floor(3.5), math.ceil(3.0000001))
print("negative exponents:", 2 ** -1, 2 ** -3, (-2) ** -3, 10 ** -5, 4 ** -0.5, (-8) ** 3, 0 ** 0, 0.0 ** 0)
print("pow:", pow(2, -2), pow(3, -1, 7), pow(-3, 3, 5), pow(2, 10, -7), pow(5, 0, 1), pow(38, -1, 97))
print("round ties to even:", [round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5)])
print("round ndigits:", round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, -2), round(15, -1), round(25, -1), round(-35, -1))
print("round types:", type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.4), round(7))
print("float mod sign:", 5.5 % -2, -5.5 % 2, math.fmod(-5.5, 2), math.fmod(5.5, -2), -0.0 % 5, 0.0 % -5)
print("true division of ints:", 1 / 3, 2 ** 70 / 2 ** 69, (10 ** 30) / 7, 7 / 7, -0 / 5)

checksum_q = 0
checksum_r = 0
for a in range(-ITER // 2, ITER // 2, 7):
    for b in (-13, -5, -2, -1, 1, 2, 5, 13):
        q, r = divmod(a, b)
        if q * b + r != a or (r != 0 and (r < 0) != (b < 0)):
            print("invariant broken", a, b)
        checksum_q += q * (b + 100)
        checksum_r += r * r
print("int divmod checksums:", checksum_q, checksum_r)
fq = 0.0
fr = 0.0
for i in range(-ITER, ITER, 3):
    a = i * 0.25
    b = (i % 11 - 5) * 0.5 or 1.5
    fq += a // b
    fr += a % b
print("float divmod checksums:", fq, round(fr, 6))
ties = 0
for i in range(-ITER, ITER):
    x = i + 0.5
    r = round(x)
    if r % 2 != 0:
        ties += 1
print("odd results from rounding halves:", ties)
rsum = 0.0
for i in range(ITER):
    rsum += round(i / 7, 3)
print("sum of rounded sevenths:", round(rsum, 6))
