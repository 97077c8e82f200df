# jitbench: Catalan, Bell, partition and binomial numbers with big ints, several recurrences cross-checked
COUNT = 1000


def catalan_recurrence(n):
    c = [1] + [0] * n
    for i in range(1, n + 1):
        total = 0
        for j in range(i):
            total += c[j] * c[i - 1 - j]
        c[i] = total
    return c


def catalan_binomial(n):
    num = 1
    den = 1
    for k in range(2, n + 1):
        num *= n + k
        den *= k
    return num // den


def bell_numbers(n):
    row = [1]
    bells = [1]
    for _ in range(n):
        new = [row[-1]]
        for v in row:
            new.append(new[-1] + v)
        row = new
        bells.append(row[0])
    return bells


def partitions(n):
    p = [1] + [0] * n
    for i in range(1, n + 1):
        total = 0
        k = 1
        while True:
            g1 = k * (3 * k - 1) // 2
            if g1 > i:
                break
            sign = 1 if k % 2 else -1
            total += sign * p[i - g1]
            g2 = k * (3 * k + 1) // 2
            if g2 <= i:
                total += sign * p[i - g2]
            k += 1
        p[i] = total
    return p


def pascal_row(n):
    row = [1]
    for k in range(n):
        row.append(row[-1] * (n - k) // (k + 1))
    return row


cats = catalan_recurrence(COUNT)
print("first Catalan numbers:", cats[:15])
print("recurrence matches binomial formula:", all(cats[n] == catalan_binomial(n) for n in range(0, COUNT + 1, 37)))
print(f"C({COUNT}) has {len(str(cats[COUNT]))} digits, mod 1e9+7 = {cats[COUNT] % 1_000_000_007}")
bells = bell_numbers(200)
print("Bell numbers:", bells[:12])
print("B(200) digits:", len(str(bells[200])), "mod 1e9+7:", bells[200] % 1_000_000_007)
parts = partitions(4000)
print("p(100) =", parts[100])
print("p(1000) =", parts[1000])
print("p(4000) digits:", len(str(parts[4000])))
row = pascal_row(1000)
print("sum of row 1000 == 2**1000:", sum(row) == 2 ** 1000)
print("central binomial C(1000,500) mod 1e9+7:", row[500] % 1_000_000_007)
print("alternating sum of row:", sum(v if k % 2 == 0 else -v for k, v in enumerate(row)))
