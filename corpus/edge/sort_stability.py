# jitbench: sort stability with keys, reverse=True stability, multi-key sorts, ties in min/max, sort in place
import random

random.seed(1234)
N = 60_000

records = [(random.randint(0, 9), random.randint(0, 99), i) for i in range(N)]

by_first = sorted(records, key=lambda r: r[0])
stable = all(by_first[i][2] < by_first[i + 1][2] for i in range(N - 1) if by_first[i][0] == by_first[i + 1][0])
print("stable on first key:", stable)
rev = sorted(records, key=lambda r: r[0], reverse=True)
stable_rev = all(rev[i][2] < rev[i + 1][2] for i in range(N - 1) if rev[i][0] == rev[i + 1][0])
print("reverse keeps original order of equals:", stable_rev)
print("reverse is not reversed forward:", rev != list(reversed(by_first)))

two_pass = sorted(records, key=lambda r: r[1])
two_pass.sort(key=lambda r: r[0])
one_pass = sorted(records, key=lambda r: (r[0], r[1]))
print("two stable passes == tuple key:", two_pass == one_pass)
mixed = sorted(records, key=lambda r: (-r[0], r[1]))
print("descending then ascending head:", mixed[:4])
print("checksum:", sum(i * r[2] for i, r in enumerate(mixed)) % 1_000_000_007)

words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Cherry", "fig", "APPLE", "elder"]
print("default:", sorted(words))
print("casefold:", sorted(words, key=str.casefold))
print("length:", sorted(words, key=len))
print("length reverse:", sorted(words, key=len, reverse=True))
print("min/max ties pick first:", min(words, key=len), max(words, key=len), min(words, key=str.lower), max(words, key=str.lower))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y"), (2, "m")]
print("tuple sort:", sorted(pairs), sorted(pairs, key=lambda p: p[0]))
lst = [5, 3, 8, 1]
print("sort returns None:", lst.sort(), lst, sorted(lst, reverse=True), list(reversed(lst)))
floats = [2.5, -0.0, 0.0, -1.5, 2.5, 1e-9, -1e-9]
print("floats with signed zero:", sorted(floats), sorted(floats, reverse=True))
print("bools sort:", sorted([True, False, 1, 0, True]), sorted([(True, 2), (1, 1), (False, 3)]))

nums = [random.randint(-1000, 1000) for _ in range(N)]
by_abs = sorted(nums, key=abs)
ok = True
for a, b in zip(by_abs, by_abs[1:]):
    if abs(a) > abs(b):
        ok = False
print("abs order ok:", ok, by_abs[:8])
first_pos = {}
for idx, v in enumerate(nums):
    first_pos.setdefault(abs(v), []).append(v)
rebuilt = []
for k in sorted(first_pos):
    rebuilt.extend(first_pos[k])
print("abs sort equals bucket rebuild (stability):", rebuilt == by_abs)
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 25), ("eve", 40), ("fay", 31)]
for key_name, key in (("age", lambda p: p[1]), ("age desc", lambda p: -p[1]), ("name len", lambda p: len(p[0]))):
    print(f"{key_name}:", [p[0] for p in sorted(people, key=key)])
repeated = list(range(N))
for rnd in range(6):
    repeated.sort(key=lambda v, r=rnd: (v * (r + 7)) % 13)
print("repeated sort prefix:", repeated[:10], sum(i * v for i, v in enumerate(repeated)) % 1_000_000_007)
