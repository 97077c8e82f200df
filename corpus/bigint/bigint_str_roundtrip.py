# jitbench: int<->str conversion of huge numbers in several bases, the 3.11 digit limit, int(s, base)
import sys

SIZE = 9000


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))


def dc_to_str(n, width=0):
    # divide-and-conquer decimal conversion
    if n < 10 ** 18:
        s = str(n)
        return s.zfill(width) if width else s
    k = (len(bin(n)) - 2) * 3 // 20
    hi, lo = divmod(n, 10 ** k)
    left = dc_to_str(hi, width - k if width else 0)
    return left + dc_to_str(lo, k)


try:
    str(10 ** 5000)
except ValueError as e:
    print("conversion limit hit:", type(e).__name__)
print("default limit:", sys.get_int_max_str_digits())
print("power-of-two bases are exempt:", len(hex(10 ** 5000)))
sys.set_int_max_str_digits(0)

x = 7 ** SIZE + 12345
s = str(x)
print("digits of 7**SIZE + 12345:", len(s))
print("head/tail:", s[:25], s[-25:])
print("round trip:", int(s) == x)
print("divide and conquer matches:", dc_to_str(x) == s)
for base in (2, 3, 8, 16, 36):
    t = to_base(x, base)
    print(f"base {base:2d}: {len(t)} digits, tail {t[-16:]}, back: {int(t, base) == x}")
print("hex matches:", hex(x)[2:] == to_base(x, 16), "oct matches:", oct(x)[2:] == to_base(x, 8))
print("bin matches:", bin(x)[2:] == to_base(x, 2))
print("negative:", to_base(-255, 16), int("-ff", 16), int("  -0x1F  ", 16), int("0b1011", 0), int("1_000_000"))
huge = 3 ** 30000
hs = str(huge)
print("3**30000:", len(hs), "digits, digit sum", sum(map(int, hs)))
print("round trip huge:", int(hs) == huge)
total = 0
for k in range(1, 300):
    v = int("9" * k)
    total += len(str(v * v))
print("sum of lengths of squares of repunits of 9:", total)
