# jitbench: bucketed averages over generated data; ends with an uncaught ZeroDivisionError on an empty bucket
SAMPLES = 200_000


def bucket_stats(n, buckets):
    sums = [0] * buckets
    counts = [0] * buckets
    x = 7
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2 ** 31
        b = x % (buckets - 1)  # the last bucket never receives data
        sums[b] += x % 1000
        counts[b] += 1
    return sums, counts


sums, counts = bucket_stats(SAMPLES, 8)
for b in range(len(sums)):
    print(f"bucket {b}: count={counts[b]}")
    print(f"  mean={sums[b] / counts[b]:.4f}")
print("not reached")
