# jitbench: functools: reduce, partial, lru_cache/cache with cache_info, wraps, total_ordering, cmp_to_key
import functools
from functools import cache, cmp_to_key, lru_cache, partial, reduce, total_ordering, wraps
import operator


def error(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(label, type(e).__name__, e)


print("reduce", reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(lambda a, b: a + [b], "abc", []))
print("reduce one", reduce(operator.mul, [7]), reduce(max, iter([3, 8, 1])))
error("reduce empty", lambda: reduce(operator.add, []))
error("reduce args", lambda: reduce(operator.add))


def power(base, exponent, modulus=None):
    return pow(base, exponent, modulus)


square = partial(power, exponent=2)
print("partial", square(7), square(3, exponent=3), partial(power, 2)(10), partial(power, 2, 10, 1000)())
print("partial attrs", square.func is power, square.args, square.keywords, type(square).__name__)
nested = partial(partial(power, 3), exponent=4)
print("partial flat", nested.func is power, nested.args, nested.keywords, nested())
print("partial builtin", partial(int, base=16)("ff"), list(map(partial(max, 5), [1, 9, 4])))
print("partial repr", repr(partial(max, 1, key=None)).replace(repr(max), "MAX"))
error("partial uncallable", lambda: partial(3))

calls = []


@lru_cache(maxsize=2)
def slow_square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 1, 3, 2, 1, 1]:
    slow_square(n)
print("lru calls", calls, slow_square.cache_info())
info = slow_square.cache_info()
print("info fields", info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), list(info))
hits, misses, maxsize, currsize = info
print("info unpack", hits, misses, maxsize, currsize, isinstance(info, tuple))
slow_square.cache_clear()
print("cleared", slow_square.cache_info())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib", fib(90), fib.cache_info(), fib.__name__, fib.__wrapped__(10))


@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins=coins[1:])


print("ways", ways(100), ways.cache_info().maxsize, ways.cache_info().hits > 0)


@lru_cache(maxsize=None)
def keyed(a, b=0, *, c=1):
    return (a, b, c)


print("keyed", keyed(1), keyed(1, 2), keyed(1, b=2), keyed(1, c=3), keyed(1), keyed.cache_info())


@lru_cache(maxsize=0)
def uncached(x):
    return x + 1


print("maxsize 0", uncached(1), uncached(1), uncached.cache_info())
error("lru bad", lambda: lru_cache("x"))
print("cache_parameters", fib.cache_parameters(), keyed.cache_parameters())


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)

    return wrapper


@logged
def greet(name, punctuation="!"):
    """Say hello."""
    return "hello " + name + punctuation


greet.extra = "kept"
print("wraps", greet("ann"), greet.__name__, greet.__doc__ is greet.__wrapped__.__doc__, greet.__wrapped__.__name__, greet.__qualname__)


def tagged(func):
    func.tag = "t1"
    return func


@logged
@tagged
def shout(s):
    return s.upper()


print("wraps dict", shout.tag, shout("x"), shout.__name__)
plain = functools.update_wrapper(lambda: 1, greet)
print("update_wrapper", plain.__name__, plain.__doc__ is greet.__doc__, plain.__wrapped__ is greet)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print("ordering", a < b, a <= b, a > b, a >= b, a == b, a != b, b >= b, b <= b, b > b)
print("sorted", sorted([Version(2), Version(1, 5), Version(1)]), max(Version(3), Version(4, 1)))


@total_ordering
class Weight:
    def __init__(self, kg):
        self.kg = kg

    def __eq__(self, other):
        return self.kg == other.kg

    def __ge__(self, other):
        return self.kg >= other.kg


w1, w2 = Weight(1), Weight(2)
print("from ge", w1 < w2, w1 <= w2, w1 > w2, w2 > w1, w1 <= w1, w2 < w2)


def no_order():
    @total_ordering
    class Nothing:
        pass


error("total_ordering none", no_order)


def by_length_then_reverse(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (y > x) - (y < x)


words = "kiwi fig apple banana date plum".split()
print("cmp_to_key", sorted(words, key=cmp_to_key(by_length_then_reverse)))
K = cmp_to_key(lambda p, q: p - q)
print("key objects", K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(3) != K(4), K(5) > K(1), K(1) >= K(2), K(7).obj)
print("max with key", max([3, 1, 4, 1, 5], key=cmp_to_key(lambda p, q: q - p)))
try:
    {K(1)}
except TypeError as e:
    print("key hash", type(e).__name__, "unhashable" in str(e))
print(functools.partial, type(fib.cache_info()) is not tuple, fib.cache_info() == tuple(fib.cache_info()), type(K))
print(repr(partial(max, 1, key=abs)).replace(repr(max), "MAX"))
