# jitbench: variables whose type changes inside hot loops (int -> float -> big int -> str) and polymorphic call sites
ITER = 300_000


def grow(n):
    x = 1
    kinds = []
    for i in range(n):
        if i < n // 4:
            x = x + 3
        elif i == n // 4:
            x = x / 2
        elif i < n // 2:
            x = x * 1.0001
        elif i == n // 2:
            x = int(x) * 10 ** 30
        elif i < 3 * n // 4:
            x = (x * 3 + i) % (2 ** 200 + 1)
        elif i == 3 * n // 4:
            x = str(x)[:20]
        else:
            x = x[1:] + x[0]
        kind = type(x).__name__
        if not kinds or kinds[-1][0] != kind:
            kinds.append([kind, 0])
        kinds[-1][1] += 1
    return x, kinds


def add(a, b):
    return a + b


def poly_calls(n):
    results = []
    samples = [(1, 2), (1.5, 2), (2 ** 70, 1), ("ab", "cd"), ([1], [2]), ((1,), (2, 3)), (True, True), (-1, 0.5)]
    acc_int = 0
    acc_float = 0.0
    acc_len = 0
    for i in range(n):
        a, b = samples[i % len(samples)]
        r = add(a, b)
        if isinstance(r, bool) or isinstance(r, int):
            acc_int += r
        elif isinstance(r, float):
            acc_float += r
        else:
            acc_len += len(r)
        if i < len(samples):
            results.append(r)
    return results, acc_int, acc_float, acc_len


def accumulate_mixed(values):
    total = 0
    for v in values:
        total += v
    return total


x, kinds = grow(ITER)
print("final value:", x)
print("type runs:", kinds)
res, ai, af, al = poly_calls(ITER * 2)
print("poly results:", res)
print("poly accumulators:", ai, af, al)
print("int sum:", accumulate_mixed(range(1000)))
print("float sum:", accumulate_mixed([0.1] * 1000))
print("mixed sum:", accumulate_mixed([1, 2.5, True, 2 ** 64, -3]))
print("bool sum:", accumulate_mixed([True] * 7 + [False] * 3), type(accumulate_mixed([True, False])).__name__)
v = 0
history = []
for i in range(ITER):
    if i % 5 == 0:
        v = i
    elif i % 5 == 1:
        v = v / 4
    elif i % 5 == 2:
        v = v * 2 ** 64 if isinstance(v, int) else v * 2.0
    elif i % 5 == 3:
        v = -v
    else:
        v = abs(v) // 3
    if i < 15:
        history.append(v)
print("cycling types:", history)
print("last:", v, type(v).__name__)
s = 0
for i in range(ITER):
    s = s + (i if i % 2 else i / 2)
    if s > 1e8:
        s = int(s) % 1000
print("int/float alternating:", s, type(s).__name__)
n = 7
for _ in range(200):
    n = n * n % (2 ** 127 - 1) if n > 0 else 3
print("big int self-map:", n)
