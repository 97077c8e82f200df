# jitbench: functools.lru_cache/cache on recursive problems, cache_info, partial, cmp_to_key, total_ordering
import functools
import sys

sys.setrecursionlimit(5000)
LIMIT = 1800


@functools.lru_cache(maxsize=None)
def edit(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit(a[1:], b[1:])
    return 1 + min(edit(a[1:], b), edit(a, b[1:]), edit(a[1:], b[1:]))


@functools.lru_cache(maxsize=None)
def stairs(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return stairs(n - 1) + stairs(n - 2) + stairs(n - 3)


@functools.lru_cache(maxsize=128)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


@functools.cache
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


def power(base, exponent, modulus=None):
    return pow(base, exponent, modulus)


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


print("stairs:", [stairs(n) for n in (5, 10, 50)])
print("stairs(LIMIT) mod 1e9+7:", stairs(LIMIT) % 1_000_000_007)
print(stairs.cache_info())
print("edit distances:", edit("intention", "execution"), edit("sunday", "saturday"),
      edit("abcdefghijklmnopqrstuvwxyz" * 2, "zyxwvutsrqponmlkjihgfedcba" * 2))
print("edit cache size:", edit.cache_info().currsize)
edit.cache_clear()
print("after clear:", edit.cache_info().currsize)
total = 0
for n in range(1, 60_000):
    total += collatz(n)
print("collatz total:", total)
info = collatz.cache_info()
print("bounded cache:", info.maxsize, info.currsize, info.hits > 0)
print("grid paths 16x16:", grid_paths(16, 16), "120x120 mod 1e9+7:", grid_paths(120, 120) % 1_000_000_007)
square = functools.partial(power, exponent=2)
mod_cube = functools.partial(power, exponent=3, modulus=1000)
print("partials:", [square(k) for k in range(8)], [mod_cube(k) for k in range(95, 101)])
print("partial attributes:", square.func.__name__, square.args, sorted(square.keywords))
int_base2 = functools.partial(int, base=2)
print("int base 2:", int_base2("101101"), int_base2("1" * 40))
words = "pear fig banana kiwi apple plum date cherry lime".split()
print(sorted(words, key=functools.cmp_to_key(compare_len_then_alpha)))
versions = [Version(v) for v in ("1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3", "2.0")]
print(sorted(versions), max(versions), Version("1.2") <= Version("1.10"), Version("3.0") >= Version("3.0"))
print("reduce:", functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3, 4, 5]), functools.reduce(max, [3, 9, 2], 0))
