# jitbench: integer matrix multiplication with nested lists, matrix power, trace checksums
SIZE = 140


def make_matrix(n, seed):
    m = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append(x % 21 - 10)
        m.append(row)
    return m


def matmul(a, b):
    n = len(a)
    p = len(b[0])
    bt = [[b[k][j] for k in range(len(b))] for j in range(p)]
    result = []
    for i in range(n):
        ai = a[i]
        row = []
        for j in range(p):
            bj = bt[j]
            s = 0
            for k in range(len(ai)):
                s += ai[k] * bj[k]
            row.append(s)
        result.append(row)
    return result


def matmul_mod(a, b, mod):
    return [[sum(x * y for x, y in zip(row, col)) % mod for col in zip(*b)] for row in a]


def trace(m):
    return sum(m[i][i] for i in range(len(m)))


a = make_matrix(SIZE, 1)
b = make_matrix(SIZE, 2)
c = matmul(a, b)
print("trace(A*B) =", trace(c))
print("row 0 head:", c[0][:8])
print("checksum:", sum(sum(row) for row in c))
d = matmul(c, a)
print("trace(A*B*A) =", trace(d))
print("max entry:", max(max(row) for row in d), "min entry:", min(min(row) for row in d))

fibm = [[1, 1], [1, 0]]
result = [[1, 0], [0, 1]]
e = 90
base = fibm
while e:
    if e & 1:
        result = matmul(result, base)
    base = matmul(base, base)
    e >>= 1
print("fib(90) via matrix power:", result[0][1])

small = make_matrix(20, 7)
acc = [[int(i == j) for j in range(20)] for i in range(20)]
for step in range(1, 31):
    acc = matmul_mod(acc, small, 1_000_003)
    if step % 10 == 0:
        print(f"trace(M^{step}) mod 1000003 = {trace(acc) % 1_000_003}")
