# jitbench: dense float linear algebra: LU decomposition with partial pivoting, solve, determinant, inverse
import random

random.seed(2024)
SIZE = 160


def lu_decompose(m):
    n = len(m)
    a = [row[:] for row in m]
    perm = list(range(n))
    sign = 1
    for k in range(n):
        pivot = max(range(k, n), key=lambda r: abs(a[r][k]))
        if a[pivot][k] == 0.0:
            raise ValueError("singular matrix")
        if pivot != k:
            a[k], a[pivot] = a[pivot], a[k]
            perm[k], perm[pivot] = perm[pivot], perm[k]
            sign = -sign
        akk = a[k][k]
        rowk = a[k]
        for i in range(k + 1, n):
            rowi = a[i]
            factor = rowi[k] / akk
            rowi[k] = factor
            for j in range(k + 1, n):
                rowi[j] -= factor * rowk[j]
    return a, perm, sign


def lu_solve(lu, perm, b):
    n = len(lu)
    y = [0.0] * n
    for i in range(n):
        s = b[perm[i]]
        row = lu[i]
        for j in range(i):
            s -= row[j] * y[j]
        y[i] = s
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = y[i]
        row = lu[i]
        for j in range(i + 1, n):
            s -= row[j] * x[j]
        x[i] = s / row[i]
    return x


def matvec(m, v):
    return [sum(a * b for a, b in zip(row, v)) for row in m]


matrix = [[random.uniform(-1.0, 1.0) for _ in range(SIZE)] for _ in range(SIZE)]
for i in range(SIZE):
    matrix[i][i] += 4.0
lu, perm, sign = lu_decompose(matrix)
log_det = 0.0
det_sign = sign
for i in range(SIZE):
    d = lu[i][i]
    if d < 0:
        det_sign = -det_sign
    log_det += abs(d) ** (1.0 / SIZE)
print("pivot permutation head:", perm[:10])
print(f"determinant sign {det_sign}, geometric-mean-ish {log_det / SIZE:.10f}")

inverse_cols = []
for c in range(SIZE):
    e = [0.0] * SIZE
    e[c] = 1.0
    inverse_cols.append(lu_solve(lu, perm, e))
max_err = 0.0
for c in range(SIZE):
    col = matvec(matrix, inverse_cols[c])
    for r in range(SIZE):
        expected = 1.0 if r == c else 0.0
        max_err = max(max_err, abs(col[r] - expected))
print("inverse residual below 1e-10:", max_err < 1e-10)
trace_inv = sum(inverse_cols[i][i] for i in range(SIZE))
print(f"trace of inverse: {trace_inv:.10f}")
b = [float(i % 7 - 3) for i in range(SIZE)]
x = lu_solve(lu, perm, b)
print("solution head:", [round(v, 8) for v in x[:6]])
print(f"solution sum: {sum(x):.10f}")

small = [[2.0, 1.0, 1.0], [4.0, -6.0, 0.0], [-2.0, 7.0, 2.0]]
lu3, p3, s3 = lu_decompose(small)
det3 = s3
for i in range(3):
    det3 *= lu3[i][i]
print("det of 3x3:", det3)
print("solve 3x3:", lu_solve(lu3, p3, [5.0, -2.0, 9.0]))
