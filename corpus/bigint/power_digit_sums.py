# jitbench: digit sums and digit statistics of 2**N, 3**N, 7**N and repeated big-int powers
import sys

N = 20_000

sys.set_int_max_str_digits(100_000)


def digit_sum_str(n):
    return sum(int(c) for c in str(n))


def digit_sum_divmod(n):
    total = 0
    while n:
        n, r = divmod(n, 10 ** 18)
        while r:
            total += r % 10
            r //= 10
    return total


for base in (2, 3, 7):
    value = base ** N
    s = digit_sum_str(value)
    print(f"{base}**{N}: {len(str(value))} digits, digit sum {s}, divmod check {digit_sum_divmod(value) == s}")
p = 1
best = (0, 0.0)
records = 0
for k in range(1, 3000):
    p *= 2
    s = digit_sum_str(p)
    density = s / len(str(p))
    if k > 20 and density > best[1]:
        best = (k, density)
        records += 1
    if k % 150 == 0:
        print(f"2**{k}: digit sum {s}, leading {str(p)[:8]}")
print(f"densest digit sum after 2**20: 2**{best[0]} with mean digit {best[1]:.6f} ({records} records)")
counts = [0] * 10
for c in str(2 ** N):
    counts[ord(c) - 48] += 1
print("digit histogram of 2**N:", counts)
print("digital root of 2**N:", 1 + (2 ** N - 1) % 9)
x = 12345
for step in range(6):
    x = x ** 3 + step
    print(f"step {step}: bits {x.bit_length()}, digit sum {digit_sum_str(x)}")
