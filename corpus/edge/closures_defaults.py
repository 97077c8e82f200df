# jitbench: mutable default arguments, closures capturing loop variables, late binding, class attribute sharing
ITER = 400_000


def append_to(item, target=[]):
    target.append(item)
    return target


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


def make_counter_dict(key, store={}):
    store[key] = store.get(key, 0) + 1
    return store[key]


class Registry:
    shared = []

    def __init__(self):
        self.own = []

    def register(self, x):
        self.shared.append(x)
        self.own.append(x)


print("mutable default:", append_to(1), append_to(2), append_to(3, []), append_to(4))
print("safe default:", append_safe(1), append_safe(2))
print("default id stable:", append_to.__defaults__[0] is append_to(5))
for i in range(ITER):
    make_counter_dict(i % 10)
print("shared store:", make_counter_dict.__defaults__[0])

late = [lambda: i for i in range(5)]
bound = [lambda i=i: i for i in range(5)]
print("late binding:", [f() for f in late], "bound:", [f() for f in bound])

fs = []
for j in range(4):
    def f():
        return j * 10
    fs.append(f)
j = 99
print("loop closures see final value:", [f() for f in fs])


def make_multipliers():
    out = []
    for k in range(4):
        def mul(x, k=k):
            return x * k
        out.append(mul)
    return out


def make_adders():
    def adder_factory(n):
        return lambda x: x + n
    return [adder_factory(n) for n in range(4)]


print("multipliers:", [m(10) for m in make_multipliers()], "adders:", [a(10) for a in make_adders()])


def counter_pair():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count

    return inc, get


inc, get = counter_pair()
for _ in range(ITER):
    inc()
print("nonlocal shared:", get())

a = Registry()
b = Registry()
for i in range(ITER):
    (a if i % 2 else b).register(i)
print("class attribute shared:", len(Registry.shared), len(a.own), len(b.own), a.shared is b.shared)
b.shared = ["shadow"]
print("instance attribute shadows:", len(a.shared), b.shared, len(Registry.shared))

total = 0
closures = []
for i in range(200):
    closures.append(lambda x, i=i: x + i)
for rep in range(ITER // 200):
    for c in closures:
        total = c(total) % 1_000_003
print("closure application total:", total)
squares = {n: (lambda n=n: n * n) for n in range(6)}
print("dict of closures:", {k: f() for k, f in squares.items()})
gen_late = (lambda: k for k in range(3))
print("generator of lambdas:", [g() for g in gen_late])
x = 10
comp = [x for x in range(3)]
print("comprehension scope does not leak:", x, comp)
cells = []
for name in ("alpha", "beta", "gamma"):
    cells.append(lambda prefix="": prefix + name)
print("all see last name:", [c("> ") for c in cells])
