# jitbench: deterministic hash() values of ints, floats, tuples and frozensets of ints; hash-based containers
ITER = 200_000

print("small ints:", [hash(i) for i in (-3, -2, -1, 0, 1, 2, 3)])
print("modulus boundary:", hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 - 2), hash(-(2 ** 61 - 1)), hash(2 ** 64), hash(-(2 ** 64)))
print("big ints:", hash(10 ** 30), hash(-(10 ** 30)), hash(2 ** 100 + 17), hash(3 ** 200))
print("floats:", hash(0.0), hash(-0.0), hash(1.0), hash(0.5), hash(1.5), hash(-2.5), hash(1e300), hash(float("inf")), hash(float("-inf")))
print("float fractions:", hash(0.1), hash(1 / 3), hash(2.0 ** -30), hash(123.456))
print("bools and None-free tuples:", hash(True), hash(False), hash(()), hash((1,)), hash((1, 2)), hash((2, 1)))
print("nested tuples:", hash(((1, 2), (3, 4))), hash((1, (2, (3, (4,))))), hash((0.5, -1, 2 ** 70)))
print("frozensets:", hash(frozenset()), hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})), hash(frozenset(range(10))))
print("equal numbers hash equal:", hash(5) == hash(5.0), hash(2 ** 70) == hash(float(2 ** 70)), hash((1, 2.0)) == hash((1.0, 2)))

acc = 0
for i in range(-ITER, ITER):
    acc ^= hash(i * 7919) + hash(i * 0.25) * 3
print("xor of int/float hashes:", acc)
acc = 0
for i in range(ITER):
    acc = (acc * 31 + hash((i, i * i, -i))) % (2 ** 64)
print("tuple hash chain:", acc)
acc = 0
for i in range(ITER // 10):
    acc = (acc + hash(frozenset((i, i + 1, i * 3)))) % (2 ** 61)
print("frozenset hash sum:", acc)
buckets = [0] * 16
for i in range(ITER):
    buckets[hash((i % 100, i // 100)) % 16] += 1
print("tuple hash buckets:", buckets)
seen = {}
for i in range(ITER):
    key = (i % 97, (i * 31) % 89)
    seen[key] = seen.get(key, 0) + 1
print("distinct tuple keys:", len(seen), "max count:", max(seen.values()))
