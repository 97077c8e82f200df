# jitbench: numerical integration: trapezoid, Simpson, adaptive Simpson, Romberg on math functions
import math

PANELS = 240_000


def trapezoid(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def simpson(f, a, b, n):
    if n % 2:
        n += 1
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n, 2):
        s += 4.0 * f(a + i * h)
    for i in range(2, n, 2):
        s += 2.0 * f(a + i * h)
    return s * h / 3.0


def adaptive_simpson(f, a, b, eps, whole, fa, fb, fm, depth):
    m = (a + b) / 2
    lm = (a + m) / 2
    rm = (m + b) / 2
    flm = f(lm)
    frm = f(rm)
    left = (m - a) / 6 * (fa + 4 * flm + fm)
    right = (b - m) / 6 * (fm + 4 * frm + fb)
    delta = left + right - whole
    if depth <= 0 or abs(delta) <= 15 * eps:
        return left + right + delta / 15
    return (adaptive_simpson(f, a, m, eps / 2, left, fa, fm, flm, depth - 1)
            + adaptive_simpson(f, m, b, eps / 2, right, fm, fb, frm, depth - 1))


def integrate_adaptive(f, a, b, eps=1e-10):
    fa, fb, fm = f(a), f(b), f((a + b) / 2)
    whole = (b - a) / 6 * (fa + 4 * fm + fb)
    return adaptive_simpson(f, a, b, eps, whole, fa, fb, fm, 50)


def romberg(f, a, b, levels):
    table = [[0.5 * (b - a) * (f(a) + f(b))]]
    for k in range(1, levels):
        h = (b - a) / 2 ** k
        s = sum(f(a + (2 * i - 1) * h) for i in range(1, 2 ** (k - 1) + 1))
        row = [0.5 * table[-1][0] + h * s]
        for j in range(1, k + 1):
            row.append(row[j - 1] + (row[j - 1] - table[-1][j - 1]) / (4 ** j - 1))
        table.append(row)
    return table[-1][-1]


def gaussian(x):
    return math.exp(-x * x)


cases = [
    ("sin on [0, pi]", math.sin, 0.0, math.pi, 2.0),
    ("x^3 on [0, 2]", lambda x: x ** 3, 0.0, 2.0, 4.0),
    ("1/x on [1, e]", lambda x: 1.0 / x, 1.0, math.e, 1.0),
    ("exp(-x^2) on [-3, 3]", gaussian, -3.0, 3.0, math.sqrt(math.pi) * math.erf(3.0)),
    ("sqrt(1-x^2) on [-1, 1]", lambda x: math.sqrt(max(0.0, 1 - x * x)), -1.0, 1.0, math.pi / 2),
]
for name, f, a, b, exact in cases:
    t = trapezoid(f, a, b, PANELS)
    s = simpson(f, a, b, PANELS)
    ad = integrate_adaptive(f, a, b)
    r = romberg(f, a, b, 12)
    print(name)
    print(f"  trapezoid {t:.12f} err {abs(t - exact):.3e}")
    print(f"  simpson   {s:.12f} err {abs(s - exact):.3e}")
    print(f"  adaptive  {ad:.12f} err {abs(ad - exact):.3e}")
    print(f"  romberg   {r:.12f} err {abs(r - exact):.3e}")
