# jitbench: unbounded spigot for digits of pi using big-int linear fractional transformations
DIGITS = 2600


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    while produced < count:
        if 4 * q + r - t < n * t:
            yield n
            produced += 1
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


line = []
digit_sum = 0
counts = [0] * 10
for i, d in enumerate(pi_digits(DIGITS), 1):
    line.append(str(d))
    digit_sum += d
    counts[d] += 1
    if i % 50 == 0:
        print("".join(line), f":{i}")
        line = []
if line:
    print("".join(line).ljust(50), f":{DIGITS}")
print("digit sum:", digit_sum)
print("digit counts:", counts)
