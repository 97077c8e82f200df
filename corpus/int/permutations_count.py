# jitbench: counting permutations by hand (Heap's algorithm, next-permutation), derangements, inversions
N = 9
LEX_N = 8


def heap_permutations(n):
    a = list(range(n))
    c = [0] * n
    yield_count = 1
    fixed_points = sum(1 for i in range(n) if a[i] == i)
    derange = 1 if fixed_points == 0 else 0
    i = 0
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                a[0], a[i] = a[i], a[0]
            else:
                a[c[i]], a[i] = a[i], a[c[i]]
            yield_count += 1
            ok = True
            for k in range(n):
                if a[k] == k:
                    ok = False
                    break
            if ok:
                derange += 1
            c[i] += 1
            i = 0
        else:
            c[i] = 0
            i += 1
    return yield_count, derange


def next_permutation(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[i + 1:][::-1]
    return True


def inversions(a):
    inv = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if a[i] > a[j]:
                inv += 1
    return inv


for n in range(1, N + 1):
    total, der = heap_permutations(n)
    print(f"n={n}: permutations={total} derangements={der}")

a = list(range(LEX_N))
histogram = [0] * (LEX_N * (LEX_N - 1) // 2 + 1)
count = 0
while True:
    histogram[inversions(a)] += 1
    count += 1
    if not next_permutation(a):
        break
print("lexicographic permutations:", count)
print("Mahonian numbers:", histogram)
multiset = [1, 1, 2, 2, 3, 3, 3]
distinct = 1
while next_permutation(multiset):
    distinct += 1
print("distinct arrangements of", [1, 1, 2, 2, 3, 3, 3], "=", distinct)
