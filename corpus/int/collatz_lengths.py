# jitbench: Collatz sequence lengths with a memo list, while loops, // and % on small ints
LIMIT = 600_000


def collatz_lengths(limit):
    cache = [0] * limit
    cache[1] = 1
    best_n, best_len = 1, 1
    for start in range(2, limit):
        n = start
        steps = 0
        while n >= limit or cache[n] == 0:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        length = steps + cache[n]
        cache[start] = length
        if length > best_len:
            best_n, best_len = start, length
    return cache, best_n, best_len


cache, best_n, best_len = collatz_lengths(LIMIT)
print("longest chain below", LIMIT, "starts at", best_n, "length", best_len)
histogram = {}
for length in cache[1:]:
    bucket = length // 50
    histogram[bucket] = histogram.get(bucket, 0) + 1
for bucket in sorted(histogram):
    print(f"  lengths {bucket * 50:4d}-{bucket * 50 + 49:4d}: {histogram[bucket]}")
print("sum of lengths:", sum(cache))
peak = 0
n = 77031
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    peak = max(peak, n)
print("peak value from 77031:", peak)
