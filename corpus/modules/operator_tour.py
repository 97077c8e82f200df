# jitbench: operator: arithmetic, comparison and sequence functions, itemgetter/attrgetter/methodcaller
import operator
from operator import attrgetter, itemgetter, methodcaller


def error(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(label, type(e).__name__, e)


print("arith", operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2),
      operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.matmul if False else "-")
print("bits", operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 70),
      operator.rshift(1024, 3), operator.invert(5), operator.inv(0), operator.neg(4), operator.pos(-4), operator.abs(-2.5))
print("compare", operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1.0), operator.gt(3, 2),
      operator.ge([1], [2]))
print("truth", operator.not_([]), operator.truth("x"), operator.is_(None, None), operator.is_not(1, None))
print("index", operator.index(7), operator.index(True), operator.call(divmod, 7, 2), operator.call(sorted, [3, 1, 2], reverse=True))
error("index float", lambda: operator.index(1.5))
print("sequences", operator.contains([1, 2], 2), operator.contains("abc", "d"), operator.getitem("hello", 1),
      operator.getitem([1, 2, 3, 4], slice(1, 3)), operator.concat([1], [2]), operator.concat("a", "b"),
      operator.countOf([1, 2, 1], 1), operator.indexOf("xyz", "z"))
error("concat ints", lambda: operator.concat(1, 2))
data = {"a": 1}
operator.setitem(data, "b", 2)
operator.delitem(data, "a")
print("setitem", data)
items = [1, 2]
print("inplace", operator.iadd(items, [3]), items, operator.iadd(1, 2), operator.imul("ab", 2))
print("dunders", operator.__add__(1, 2), operator.__lt__(1, 2), operator.__not__(0), operator.__getitem__("ab", 0))
error("div zero", lambda: operator.truediv(1, 0))
error("add types", lambda: operator.add(1, "a"))

rows = [("bob", 30, "Oslo"), ("amy", 25, "Lima"), ("cat", 30, "Accra")]
print("itemgetter", list(map(itemgetter(0), rows)), itemgetter(2, 0)(rows[0]), sorted(rows, key=itemgetter(1, 0)))
print("itemgetter dict", itemgetter("a")({"a": 5}), itemgetter(slice(0, 2))("hello"))
print(repr(itemgetter(1)), repr(itemgetter("x", 2)))
error("itemgetter none", lambda: itemgetter())
error("itemgetter missing", lambda: itemgetter(5)([1]))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self if x > 100 else None

    def scaled(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)

    def __repr__(self):
        return f"P({self.x}, {self.y})"


points = [Point(3, 1), Point(1, 2), Point(2, 0)]
print("attrgetter", sorted(points, key=attrgetter("x")), attrgetter("x", "y")(points[0]),
      attrgetter("inner.inner.x")(Point(101, 1)))
print(repr(attrgetter("x")), repr(attrgetter("a.b", "c")))
error("attrgetter int", lambda: attrgetter(1))
error("attrgetter missing", lambda: attrgetter("z")(points[0]))
print("methodcaller", methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"),
      methodcaller("scaled", 2, offset=1)(points[0]), list(map(methodcaller("count", "a"), ["banana", "apple"])))
print(repr(methodcaller("scaled", 2, offset=1)), repr(methodcaller("upper")))
error("methodcaller int", lambda: methodcaller(3))
print("types", type(itemgetter(1)).__name__, type(attrgetter("x")).__name__, type(methodcaller("f")).__name__)
print(operator.itemgetter, operator.attrgetter, operator.methodcaller)
