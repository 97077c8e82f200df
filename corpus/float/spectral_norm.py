# jitbench: spectral norm of an infinite matrix by power iteration, float division in nested loops
import math

N = 220


def a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def mul_av(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out[i] = s


def mul_atv(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out[i] = s


def mul_atav(v, out, tmp):
    mul_av(v, tmp)
    mul_atv(tmp, out)


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for it in range(iterations):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)
        vbv = sum(x * y for x, y in zip(u, v))
        vv = sum(x * x for x in v)
        print(f"iteration {it}: estimate {math.sqrt(vbv / vv):.12f}")
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return math.sqrt(vbv / vv)


print(f"spectral norm ({N}): {spectral_norm(N, 10):.9f}")
print(f"spectral norm (10): {spectral_norm(10, 3):.9f}")
