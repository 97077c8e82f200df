# jitbench: dict insertion order with deletions/reinsertions, set iteration order of small ints, set algebra
ITER = 300_000

d = {}
for i in range(20):
    d[i * 7 % 20] = i
print("insertion order:", list(d))
for k in (3, 8, 0, 19):
    del d[k]
d[3] = "back"
d[100] = "new"
d[8] = "again"
print("after deletions and reinsertions:", list(d.items()))
d[5] = "updated in place"
print("update keeps position:", list(d)[:6])
print("popitem:", d.popitem(), "pop:", d.pop(11), d.pop(999, "default"), "setdefault:", d.setdefault(42, "x"), d.setdefault(42, "y"))
print("keys/values/items:", list(d.keys())[-3:], list(d.values())[-3:], list(d.items())[:2])
merged = {"a": 1, "b": 2} | {"b": 20, "c": 30}
merged |= {"a": 100, "z": 0}
print("merge:", merged, dict(zip("xyz", range(3))), dict.fromkeys([3, 1, 2], 0))
print("reversed dict:", list(reversed({"p": 1, "q": 2, "r": 3})))

s = {5, 3, 1, 9, 7, 2, 0, 63, 64, 65, 128, -1}
print("small int set:", list(s), sorted(s))
print("set ops:", list({1, 2, 3, 4} | {3, 4, 5, 6}), list({1, 2, 3, 4} & {3, 4, 5}), list({1, 2, 3, 4} - {2}), list({1, 2, 3} ^ {3, 4}))
t = set()
for i in range(40, 0, -3):
    t.add(i)
print("built descending:", list(t))
t.discard(40)
t.remove(37)
print("after removal:", list(t), 10 in t, 11 in t, len(t))
print("subset:", {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.isdisjoint({2, 3}))
print("frozenset:", sorted(frozenset([3, 1, 2]) | {9}), frozenset({1, 2}) == {1, 2})
print("comprehension sets:", list({x % 10 for x in range(100)}), list({x * x % 17 for x in range(30)}))

order_checksum = 0
live = {}
for i in range(ITER):
    key = (i * 7919) % 1009
    if key in live and i % 3 == 0:
        del live[key]
    else:
        live[key] = i
    if i % 50000 == 0:
        print(f"step {i}: size {len(live)}, first keys {list(live)[:5]}")
for pos, (k, v) in enumerate(live.items()):
    order_checksum = (order_checksum * 1000003 + k * 31 + v + pos) % (2 ** 61 - 1)
print("dict order checksum:", order_checksum, len(live))
acc = 0
small = set()
for i in range(ITER):
    small.add(i % 200)
    if i % 7 == 0:
        small.discard((i * 3) % 200)
    if i % 25000 == 0:
        acc = (acc * 131 + sum(k * (j + 1) for j, k in enumerate(small))) % (2 ** 61 - 1)
print("set order checksum:", acc, len(small), list(small)[:10])
counts = {}
for i in range(ITER):
    w = i % 13
    counts[w] = counts.get(w, 0) + 1
print("counting dict:", counts)
