# jitbench: formatting: f-string format specs, str.format, %-formatting, format(), number tables
import math

ROWS = 40


def amortization(principal, annual_rate, months):
    r = annual_rate / 12
    payment = principal * r / (1 - (1 + r) ** -months)
    balance = principal
    lines = []
    for m in range(1, months + 1):
        interest = balance * r
        balance -= payment - interest
        if m % (months // 8) == 0 or m == 1:
            lines.append(f"{m:>4} | {payment:>12,.2f} | {interest:>10,.2f} | {max(balance, 0.0):>14,.2f}")
    return payment, lines


pay, lines = amortization(350_000, 0.061, 360)
print(f"{'month':>4} | {'payment':>12} | {'interest':>10} | {'balance':>14}")
print("\n".join(lines))
print(f"total paid: {pay * 360:,.2f}")

for n in (0, 1, 7, 42, 255, 4096, 65535, 10 ** 6, -1, -255):
    print(f"{n:>9d} {n:>+9d} {n:#011x} {n:#o} {n:b} {n:_} {n:,} {n:e}" if n >= 0 else
          f"{n:>9d} {n:>+9d} {n:#x} {n:#o} {n:b} {n}")
for x in (0.0, 1.5, -2.25, math.pi, 1e-7, 123456789.123, 2.5e22, float("inf"), float("nan"), -0.0):
    print(f"|{x:10.3f}|{x:<12.4e}|{x:^14g}|{x:+.2%}|{x!r}|{x:.0f}|")
print("{0}-{1}-{0}".format("a", "b"), "{name} is {age}".format(name="Ann", age=33), "{:*^15}".format("mid"))
print("{0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 7))
print("{:08.3f} {:+08d} {:x} {:X} {:c}".format(-3.14159, 42, 3054, 3054, 65))
print("%5d|%-5d|%05d|%x|%X|%o|%e|%.3g|%s|%r|%%|%c" % (42, 42, 42, 255, 255, 8, 12345.678, 0.000123456, "s", "r", 97))
print("%(a)s and %(b)05.1f" % {"a": "dict", "b": 2.25})
print("%-10s|%10s|%.2s" % ("left", "right", "truncate"))
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(255, "08b"), format("x", ">5"), format(True), format(None))
print(f"{'nested':{'>'}{12}}", f"{3.14159:{8}.{3}}", f"{{literal}}", f"{7 * 6 = }", f"{'q'!r:>6}")
width = 10
for precision in range(0, 6):
    print(f"{math.e:{width}.{precision}f} {math.e * 1000:{width},.{precision}f} {1 / 3:.{precision}%}")
print("round trip:", all(float(f"{k / 7:.17g}") == k / 7 for k in range(1000)))
table = []
for i in range(1, ROWS + 1):
    x = i * 0.37
    table.append("%3d %8.4f %10.6f %12.5e %8s" % (i, math.sqrt(x), math.sin(x), math.exp(x), hex(i * 1234)))
print("\n".join(table[::5]))
acc = 0
for i in range(200_000):
    acc += len(f"{i:05d}{i * 0.5:.2f}{i:x}") + len("%d:%s" % (i, i % 7)) + len("{}{}".format(i, -i))
print("formatted length total:", acc)
