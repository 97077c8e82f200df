# jitbench: machine-word boundaries in hot loops: sums, products, shifts, negation around 2**62, 2**63, 2**64
ITER = 300_000


def crossing_sum(start, count, step):
    total = 0
    x = start
    for _ in range(count):
        total += x
        x += step
    return total, x


def square_chain(seed, rounds):
    x = seed
    checks = []
    for r in range(rounds):
        x = x * x + 1
        checks.append(x.bit_length())
        x %= 2 ** 64 + 13
    return x, checks


def mul_boundary(count):
    hits = 0
    acc = 0
    for i in range(1, count):
        a = (2 ** 31 + i) * (2 ** 31 - i)
        b = (2 ** 32 + i) * (2 ** 31 + i)
        c = -(2 ** 32) * (2 ** 31 + i % 3)
        if b > 2 ** 63:
            hits += 1
        acc ^= a ^ b ^ c
    return hits, acc


def shifts(count):
    acc = 0
    for i in range(count):
        s = i % 70
        v = (1 << s) - 1
        acc += (v << 3) >> (s // 2)
        acc += (-v) >> 5
        acc ^= (v & 0xFFFF_FFFF_FFFF_FFFF) | (i << 60)
    return acc


for label, start in (("2**62", 2 ** 62), ("2**63", 2 ** 63), ("2**64", 2 ** 64), ("-2**63", -(2 ** 63))):
    total, end = crossing_sum(start - ITER // 2, ITER, 1)
    print(f"around {label}: sum={total} end={end} end-start={end - start}")
big_step_total, big_end = crossing_sum(0, ITER, 2 ** 50 + 7)
print("big steps:", big_step_total, big_end, big_end > 2 ** 63)
neg_total, neg_end = crossing_sum(2 ** 63, ITER, -(2 ** 48))
print("negative steps:", neg_total, neg_end)
print("square chain:", square_chain(3, 12))
print("mul boundary:", mul_boundary(ITER))
print("shifts:", shifts(ITER))

m = -(2 ** 63)
print("negate min int64:", -m, abs(m), m // -1, m % -1, m * -1, divmod(m, -1))
print("max int64 + 1:", (2 ** 63 - 1) + 1, "uint64 max + 1:", (2 ** 64 - 1) + 1)
print("2**63 - 1 == 9223372036854775807:", 2 ** 63 - 1 == 9223372036854775807)
print("int64 min // 2, % 7:", m // 2, m % 7, m >> 1, m >> 63, m >> 64, m << 1)
print("mixed signs:", (2 ** 63) // -3, (2 ** 63) % -3, -(2 ** 64) // 3, -(2 ** 64) % 3)
print("bitwise:", (2 ** 64 - 1) & -1, (2 ** 63) | 1, (2 ** 63) ^ (2 ** 63 - 1), ~(2 ** 63), ~-(2 ** 63))
print("bit lengths:", [(2 ** k - 1).bit_length() for k in (61, 62, 63, 64, 65)], [(-(2 ** k)).bit_length() for k in (62, 63, 64)])
x = 1
steps = 0
while x < 2 ** 64:
    x = x * 7 + steps
    steps += 1
print("steps to pass 2**64:", steps, x)
f = 0
for i in range(ITER):
    f = (f + i * 0x9E3779B97F4A7C15) & (2 ** 64 - 1)
print("64-bit wrapped accumulator:", f, hex(f))
acc = 0
for i in range(ITER):
    acc += (i * 3037000499) * (i * 3037000499 + 1)
print("products near sqrt(2**63):", acc)
print("pow boundaries:", pow(2, 63) - 1, pow(-2, 63), pow(3, 40), 3 ** 40 > 2 ** 63, 3 ** 41 > 2 ** 64)
