# jitbench: closures with nonlocal state, decorators and decorator factories, memoization by hand, lambdas
import functools

WORK = 30_000


def counter(start=0, step=1):
    count = start

    def tick():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    tick.reset = reset
    return tick


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


def clamp_result(lo, hi):
    def decorator(func):
        def wrapper(*args):
            return max(lo, min(hi, func(*args)))
        wrapper.__name__ = func.__name__
        return wrapper
    return decorator


def make_accumulators(n):
    return [lambda x, k=k: x * k for k in range(n)]


def make_late_binding(n):
    return [lambda x: x * k for k in range(n)]


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed


@count_calls
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    return steps


@memoize
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)


@clamp_result(-100, 100)
def poly(x):
    return x * x * x - 10 * x


tick = counter(10, 3)
for _ in range(WORK):
    tick()
print("counter value:", tick())
tick.reset()
print("after reset:", tick(), tick())
ticks = [counter(step=s) for s in range(1, 6)]
print("independent counters:", [t() + t() for t in ticks])

best = max(range(1, WORK), key=collatz_steps)
print("longest collatz below", WORK, "is", best, "with", collatz_steps(best), "steps")
print("calls:", collatz_steps.calls, "name:", collatz_steps.__name__)

print("partitions via memo:", [ways(n, n) for n in (5, 10, 50, 100, 200)])
print("memo entries:", len(ways.cache), ways.__name__)
print("clamped:", [poly(x) for x in range(-6, 7, 2)], poly.__name__)

accs = make_accumulators(5)
late = make_late_binding(5)
print("default-bound lambdas:", [f(10) for f in accs])
print("late-bound lambdas:", [f(10) for f in late])
pipeline = compose(lambda x: x + 1, lambda x: x * 2, abs)
print("composed:", [pipeline(x) for x in range(-3, 4)])
total = 0
adders = {}
for name, k in (("one", 1), ("ten", 10), ("hundred", 100)):
    def adder(x, k=k):
        return x + k
    adders[name] = adder
for i in range(WORK):
    total = adders["one"](total) if i % 3 else adders["ten"](total)
print("adders total:", total, adders["hundred"](0))
