# jitbench: itertools building blocks: product, permutations, combinations, accumulate, groupby, chain, islice
import itertools
import operator

N = 14

magic = 0
for perm in itertools.permutations(range(1, 10)):
    a, b, c, d, e, f, g, h, i = perm
    if a + b + c == 15 and d + e + f == 15 and a + d + g == 15 and b + e + h == 15 and a + e + i == 15 and c + e + g == 15:
        magic += 1
print("3x3 magic squares:", magic)

subset_sums = {}
for r in range(N + 1):
    for combo in itertools.combinations(range(1, N + 1), r):
        s = sum(combo)
        subset_sums[s] = subset_sums.get(s, 0) + 1
print("subset sum counts (first 12):", [subset_sums[s] for s in range(12)])
print("most common subset sum:", max(subset_sums.items(), key=lambda kv: (kv[1], -kv[0])))

dice = sum(1 for roll in itertools.product(range(1, 7), repeat=6) if sum(roll) == 21)
print("ways six dice sum to 21:", dice)
print("combinations with replacement:", len(list(itertools.combinations_with_replacement(range(8), 4))))

running = list(itertools.accumulate(range(1, 21)))
print("triangular:", running)
print("running max:", list(itertools.accumulate([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], max)))
print("factorials:", list(itertools.accumulate(range(1, 15), operator.mul)))

data = sorted((x * 7919) % 103 for x in range(2000))
groups = [(k, len(list(g))) for k, g in itertools.groupby(data, key=lambda v: v // 10)]
print("groupby buckets:", groups)
text = "aaabccddddeeeeefgggg"
print("runs:", ["%s%d" % (k, len(list(g))) for k, g in itertools.groupby(text)])

chained = list(itertools.chain(range(3), "ab", [None], (7, 8)))
print("chain:", chained)
print("chain.from_iterable:", sum(itertools.chain.from_iterable([i] * i for i in range(50))))
print("islice:", list(itertools.islice(itertools.count(5, 3), 2, 20, 4)))
print("cycle:", "".join(itertools.islice(itertools.cycle("xyz"), 10)))
print("repeat:", list(itertools.repeat("r", 3)))
print("takewhile:", list(itertools.takewhile(lambda v: v * v < 50, itertools.count())))
print("dropwhile:", list(itertools.dropwhile(lambda v: v < 5, [1, 4, 6, 2, 8])))
print("filterfalse:", list(itertools.filterfalse(lambda v: v % 3, range(20))))
print("compress:", list(itertools.compress("abcdefg", [1, 0, 1, 0, 1, 1, 0])))
print("starmap:", list(itertools.starmap(pow, [(2, 5), (3, 3), (10, 2)])))
print("zip_longest:", list(itertools.zip_longest("abc", range(5), fillvalue="-")))
print("pairwise diffs:", [b - a for a, b in itertools.pairwise([1, 4, 9, 16, 25, 36])])
left, right = itertools.tee(iter(range(10)))
print("tee:", list(left), sum(right))

primes = []
for n in itertools.count(2):
    if all(n % p for p in itertools.takewhile(lambda p: p * p <= n, primes)):
        primes.append(n)
    if len(primes) == 10000:
        break
print("10000th prime:", primes[-1])
grid_paths = 0
for moves in itertools.combinations(range(14), 7):
    grid_paths += 1
print("lattice paths 7x7:", grid_paths)
