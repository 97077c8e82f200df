# jitbench: short-circuit and/or with side effects, chained comparisons evaluated once, conditional expressions
ITER = 450_000

calls = []


def probe(name, value):
    calls.append(name)
    return value


def mid():
    calls.append("mid")
    return 5


print(probe("a", 0) and probe("b", 1), calls)
calls.clear()
print(probe("a", 2) and probe("b", 0) and probe("c", 3), calls)
calls.clear()
print(probe("a", 0) or probe("b", "") or probe("c", []) or probe("d", "found") or probe("e", 1), calls)
calls.clear()
print(1 < mid() < 10, calls)
calls.clear()
print(10 < mid() < 1, 1 < mid() < 3, calls)
calls.clear()
print(0 < 1 > -1 < 2 == 2 != 3, 1 < 2 < 3 < 2, "a" < "b" < "c", [1] == [1] != [2], calls)
print(None or 0 or "" or (), [] and 1, 0.0 or -0.0, "x" and 0, not [], not not "s", (1, 2) or 0)
print([x or "default" for x in (0, 1, "", "v", None, [], [0])])
print(["even" if x % 2 == 0 else "odd" if x % 3 else "odd3" for x in range(8)])
d = {}
print(d.get("k") or d.setdefault("k", "created"), d)
print(1 if [] else 2, 3 if "0" else 4, 5 if 0.0 else 6, 7 if None is None else 8)

count_and = 0
count_or = 0
evals = 0


def costly(x):
    global evals
    evals += 1
    return x % 3 == 0


for i in range(ITER):
    if i % 2 == 0 and costly(i):
        count_and += 1
    if i % 5 == 0 or costly(i):
        count_or += 1
print("and/or counts:", count_and, count_or, "costly evaluations:", evals)
in_range = 0
for i in range(ITER):
    if 1000 <= i * 7 % 10007 < 5000 != i % 3:
        in_range += 1
print("chained in range:", in_range)
flags = 0
for i in range(ITER):
    a = i % 4 == 0
    b = i % 6 == 0
    flags += (a and b) + (a or b) * 2 + (not a) * 4 + (a and not b) * 8
print("boolean arithmetic:", flags)
values = [0, 1, "", "s", None, [], [1], 0.0, 2.5]
print("any/all:", any(values), all(values), any(v is None for v in values), all(isinstance(v, (int, float)) for v in values[:2]))
lazy = []
print(any(lazy.append(i) or i > 3 for i in range(10)), lazy)
first_truthy = next((v for v in values if v), "none")
print("first truthy:", first_truthy)
x = 0
result = x != 0 and 10 / x > 1
print("guarded division:", result)
