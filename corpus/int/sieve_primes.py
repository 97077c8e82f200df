# jitbench: Sieve of Eratosthenes over a list of flags, prime counting and gap statistics
LIMIT = 2_000_000


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return flags


def main():
    flags = sieve(LIMIT)
    count = 0
    checkpoint = 10
    last = 2
    max_gap = 0
    gap_at = 0
    total = 0
    for k in range(2, LIMIT + 1):
        if flags[k]:
            count += 1
            total += k
            gap = k - last
            if gap > max_gap:
                max_gap = gap
                gap_at = last
            last = k
        if k == checkpoint:
            print(f"pi({k}) = {count}")
            checkpoint *= 10
    print("primes below", LIMIT, ":", count)
    print("sum of primes mod 1e9+7:", total % 1_000_000_007)
    print("largest prime:", last)
    print("largest gap:", max_gap, "after", gap_at)
    twins = sum(1 for k in range(3, LIMIT - 1) if flags[k] and flags[k + 2])
    print("twin prime pairs:", twins)


main()
