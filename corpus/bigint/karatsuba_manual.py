# jitbench: Karatsuba and schoolbook multiplication of digit lists written by hand, checked against int *
import random

random.seed(5)
DIGITS = 2400
BASE = 10000


def to_limbs(n):
    limbs = []
    while n:
        n, r = divmod(n, BASE)
        limbs.append(r)
    return limbs or [0]


def from_limbs(limbs):
    n = 0
    for limb in reversed(limbs):
        n = n * BASE + limb
    return n


def normalize(limbs):
    carry = 0
    out = []
    for limb in limbs:
        carry += limb
        carry, r = divmod(carry, BASE)
        out.append(r)
    while carry:
        carry, r = divmod(carry, BASE)
        out.append(r)
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def schoolbook(a, b):
    result = [0] * (len(a) + len(b))
    for i, x in enumerate(a):
        if x == 0:
            continue
        for j, y in enumerate(b):
            result[i + j] += x * y
    return result


def add(a, b):
    if len(a) < len(b):
        a, b = b, a
    return [x + (b[i] if i < len(b) else 0) for i, x in enumerate(a)]


def sub(a, b):
    return [x - (b[i] if i < len(b) else 0) for i, x in enumerate(a)]


def karatsuba(a, b):
    n = max(len(a), len(b))
    if n <= 16:
        return schoolbook(a, b)
    a = a + [0] * (n - len(a))
    b = b + [0] * (n - len(b))
    half = n // 2
    a0, a1 = a[:half], a[half:]
    b0, b1 = b[:half], b[half:]
    z0 = karatsuba(a0, b0)
    z2 = karatsuba(a1, b1)
    z1 = sub(sub(karatsuba(add(a0, a1), add(b0, b1)), z0), z2)
    result = [0] * (2 * n)
    for i, v in enumerate(z0):
        result[i] += v
    for i, v in enumerate(z1):
        result[i + half] += v
    for i, v in enumerate(z2):
        result[i + 2 * half] += v
    return result


def kmul(x, y):
    return from_limbs(normalize(karatsuba(to_limbs(x), to_limbs(y))))


def smul(x, y):
    return from_limbs(normalize(schoolbook(to_limbs(x), to_limbs(y))))


mismatch = 0
for trial in range(6):
    x = random.randrange(10 ** (DIGITS - 1), 10 ** DIGITS)
    y = random.randrange(10 ** (DIGITS - 1), 10 ** DIGITS)
    k = kmul(x, y)
    s = smul(x, y)
    if k != x * y or s != x * y:
        mismatch += 1
    print(f"trial {trial}: product bits {k.bit_length()}, mod 97 = {k % 97}, low 12 = {k % 10 ** 12:012d}")
print("mismatches:", mismatch)
x = 3 ** 2000
print("3**4000 via karatsuba matches:", kmul(x, x) == 3 ** 4000)
print("limbs of 12345678901234567890:", to_limbs(12345678901234567890))
print("tiny products:", [kmul(a, b) for a, b in ((0, 5), (1, 1), (9999, 9999), (10 ** 20, 10 ** 20 + 1))])
