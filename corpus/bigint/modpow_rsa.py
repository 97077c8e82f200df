# jitbench: modular exponentiation by hand and pow(), Miller-Rabin, extended Euclid, toy RSA on big ints
import random

random.seed(99)
BITS = 512


def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def is_probable_prime(n, rounds=20):
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = random.randrange(2, n - 1)
        x = power_mod(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(bits):
    tries = 0
    while True:
        tries += 1
        candidate = random.getrandbits(bits) | (1 << (bits - 1)) | 1
        if is_probable_prime(candidate):
            return candidate, tries


def egcd(a, b):
    x0, y0, x1, y1 = 1, 0, 0, 1
    while b:
        q = a // b
        a, b = b, a - q * b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return a, x0, y0


def mod_inverse(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError("not invertible")
    return x % m


print("mersenne exponents up to 700:", [p for p in range(2, 700) if is_probable_prime(p) and is_probable_prime(2 ** p - 1, 5)])
p, tp = random_prime(BITS)
q, tq = random_prime(BITS)
print("found primes after", tp, "and", tq, "candidates")
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = mod_inverse(e, phi)
print("d == pow(e, -1, phi):", d == pow(e, -1, phi))
print("modulus bits:", n.bit_length(), "modulus mod 1e9+7:", n % 1_000_000_007)
ok = 0
check = 0
for i in range(40):
    message = random.getrandbits(BITS)
    cipher = power_mod(message, e, n)
    plain = power_mod(cipher, d, n)
    if plain == message and cipher == pow(message, e, n):
        ok += 1
    check ^= cipher
print("round trips ok:", ok)
print("cipher xor checksum (hex tail):", hex(check)[-32:])
print("fermat check:", all(pow(a, p - 1, p) == 1 for a in (2, 3, 5, 7, 10 ** 20)))
print("carmichael 561 fools fermat:", pow(2, 560, 561) == 1, "but not miller-rabin:", is_probable_prime(561))
