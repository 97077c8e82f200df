# jitbench: Euclid gcd, lcm accumulation, totient counting and coprime pair counting
N = 1000


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


def totient(n):
    result = n
    p = 2
    m = n
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result


def main():
    coprime = 0
    gsum = 0
    for a in range(1, N + 1):
        for b in range(1, N + 1):
            g = gcd(a, b)
            gsum += g
            if g == 1:
                coprime += 1
    print("coprime pairs up to", N, ":", coprime)
    print("sum of gcds:", gsum)
    print("ratio * 1e6:", coprime * 1_000_000 // (N * N))
    running = 1
    for k in range(1, 41):
        running = lcm(running, k)
        if k % 5 == 0:
            print(f"lcm(1..{k}) = {running}")
    phi_total = 0
    for n in range(1, 20001):
        phi_total += totient(n)
    print("sum of phi(1..20000):", phi_total)
    print("phi samples:", [totient(n) for n in (1, 2, 36, 97, 100, 1001, 65536)])


if __name__ == "__main__":
    main()
