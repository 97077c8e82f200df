# jitbench: Newton's method and bisection for square roots, cube roots and polynomial roots, float loops
import math

COUNT = 160_000


def newton_sqrt(x, tol=1e-15):
    if x == 0.0:
        return 0.0
    guess = x if x > 1.0 else 1.0
    iterations = 0
    while True:
        nxt = 0.5 * (guess + x / guess)
        iterations += 1
        if abs(nxt - guess) <= tol * nxt:
            return nxt, iterations
        guess = nxt


def newton_cbrt(x):
    g = x / 3.0 + 1.0
    for _ in range(100):
        ng = g - (g * g * g - x) / (3.0 * g * g)
        if abs(ng - g) < 1e-14 * abs(ng):
            return ng
        g = ng
    return g


def poly_eval(coeffs, x):
    result = 0.0
    deriv = 0.0
    for c in coeffs:
        deriv = deriv * x + result
        result = result * x + c
    return result, deriv


def newton_poly(coeffs, x0):
    x = x0
    for step in range(200):
        fx, dfx = poly_eval(coeffs, x)
        if dfx == 0.0:
            break
        nx = x - fx / dfx
        if abs(nx - x) < 1e-13:
            return nx, step + 1
        x = nx
    return x, 200


def bisect(f, lo, hi, tol=1e-12):
    flo = f(lo)
    while hi - lo > tol:
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


total_err = 0.0
total_iters = 0
for i in range(1, COUNT + 1):
    x = i * 0.37
    r, it = newton_sqrt(x)
    total_err += abs(r - math.sqrt(x))
    total_iters += it
print(f"sqrt: total error {total_err:.6e}, total iterations {total_iters}")
cbrt_sum = 0.0
for i in range(1, COUNT // 4):
    cbrt_sum += newton_cbrt(float(i))
print(f"sum of cube roots: {cbrt_sum:.8f}")

# (x-1)(x-2)(x-3)(x+4) = x^4 - 2x^3 - 13x^2 + 38x - 24
quartic = [1.0, -2.0, -13.0, 38.0, -24.0]
for start in (-10.0, 0.0, 1.6, 2.4, 10.0):
    root, steps = newton_poly(quartic, start)
    print(f"from {start:6.2f}: root {root:.10f} after {steps} steps")
print(f"bisection root of cos(x) - x: {bisect(lambda x: math.cos(x) - x, 0.0, 1.0):.12f}")
print(f"bisection root of x^5 - x - 1: {bisect(lambda x: x ** 5 - x - 1, 1.0, 2.0):.12f}")
golden, _ = newton_poly([1.0, -1.0, -1.0], 1.0)
print("golden ratio:", golden, repr(golden))
