# jitbench: dynamic programming: 0/1 knapsack, longest common subsequence, edit distance, coin change
import random

random.seed(12345)
ITEMS = 400
CAPACITY = 3000


def knapsack(weights, values, capacity):
    best = [0] * (capacity + 1)
    for w, v in zip(weights, values):
        for c in range(capacity, w - 1, -1):
            cand = best[c - w] + v
            if cand > best[c]:
                best[c] = cand
    return best[capacity]


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            if x == y:
                cur.append(prev[j] + 1)
            else:
                cur.append(max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]


def coin_ways(coins, target):
    ways = [1] + [0] * target
    for coin in coins:
        for t in range(coin, target + 1):
            ways[t] += ways[t - coin]
    return ways[target]


weights = [random.randint(5, 60) for _ in range(ITEMS)]
values = [random.randint(1, 100) for _ in range(ITEMS)]
print("knapsack best value:", knapsack(weights, values, CAPACITY))
print("knapsack small:", knapsack(weights[:10], values[:10], 100))

seq_a = [random.randint(0, 3) for _ in range(700)]
seq_b = [random.randint(0, 3) for _ in range(700)]
print("LCS of int sequences:", lcs(seq_a, seq_b))
word_a = "".join(random.choice("acgt") for _ in range(300))
word_b = "".join(random.choice("acgt") for _ in range(300))
print("LCS of strings:", lcs(word_a, word_b))
print("edit distance:", edit_distance(word_a, word_b))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    print(f"edit({a!r}, {b!r}) = {edit_distance(a, b)}")
print("ways to make 500 from [1,2,5,10,20,50,100,200]:", coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 500))
