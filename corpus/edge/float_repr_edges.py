# jitbench: float repr/str edge cases: shortest repr, exponents, -0.0, inf, nan, subnormals, fsum vs sum
import math

ITER = 250_000

values = [1e16, 1e15, 1e-5, 1e-4, 0.1 + 0.2, 0.3, -0.0, 0.0, float("inf"), -float("inf"), float("nan"),
          1e22, 1e23, 2.0 ** 53, 2.0 ** 53 + 1, 123456789012345678.0, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 1 / 3, 2 / 3, 100.0, 1e100, 0.1 * 3, 9007199254740993.0, 3.0e-10]
for v in values:
    print(repr(v), str(v), f"{v}", v == v, v > 0, math.isfinite(v))
print("containers:", [0.1, -0.0, 1e16], (1.5,), {"k": 2.5e-7})
print("float of strings:", float("1e-5"), float(" 12.5 "), float("-inf"), float("+1E3"), float("16"), float("1_000.5"))
print("overflow to inf:", 1e308 * 10, -1e308 * 10, 1e308 + 1e308 - 1e308)
print("inf arithmetic:", math.inf - math.inf, math.inf * 0, math.inf / math.inf, -math.inf < -1e308, math.inf == math.inf)
nan = float("nan")
print("nan comparisons:", nan == nan, nan != nan, nan < 1, nan > 1, nan in [nan], [nan] == [nan], math.isnan(nan))
print("signed zero:", -0.0 == 0.0, math.copysign(1, -0.0), math.copysign(1, 0.0), 1 / math.inf, -1 / math.inf, str(-0.0 * 1))
print("is_integer:", (3.0).is_integer(), (3.5).is_integer(), (1e300).is_integer())
print("int conversions:", int(1e16), int(1e22), int(-2.5), int(2.0 ** 63), int(1.7976931348623157e308) % 1000)
print("sum vs fsum:", sum([0.1] * 10), math.fsum([0.1] * 10), sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
print("math:", math.sqrt(2), math.exp(1), math.log(10), math.log10(1000), math.log2(1024), math.hypot(3, 4), math.pi, math.e)
print("trig:", math.sin(math.pi), math.cos(math.pi), math.tan(math.pi / 4), math.atan2(-1, -1), math.degrees(math.pi))
print("isclose:", math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)

acc = 0.0
reprs = 0
for i in range(1, ITER):
    x = i / 10
    acc += x
    s = repr(x)
    reprs += len(s)
    if float(s) != x:
        print("round trip failed", i)
print("accumulated tenths:", acc, repr(acc), "repr chars:", reprs)
total = 0
for k in range(-320, 309):
    total += len(repr(10.0 ** k)) if k > -300 else len(repr(float(f"1e{k}")))
print("repr lengths of powers of ten:", total)
step = 0.0
count = 0
while step < 1.0:
    step += 0.1
    count += 1
print("0.1 steps to reach 1.0:", count, repr(step))
x = 1.0
halvings = 0
while x > 0.0:
    x /= 2
    halvings += 1
print("halvings to underflow:", halvings)
eps = 1.0
while 1.0 + eps / 2 > 1.0:
    eps /= 2
print("machine epsilon:", eps, eps == 2.0 ** -52)
s = 0.0
for i in range(ITER):
    s += (-1) ** i / (2 * i + 1)
print("leibniz pi:", 4 * s, repr(4 * s))
