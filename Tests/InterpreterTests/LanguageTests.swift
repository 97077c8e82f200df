import XCTest

/// The language, construct by construct, each program checked against python3.
final class LanguageTests: InterpreterTestCase {
    static let calls = [
        """
        def f(a, b=2, *args, c, d=4, **kw):
            return (a, b, args, c, d, sorted(kw.items()))
        print(f(1, c=3))
        print(f(1, 5, 6, 7, c=3, e=8, d=9))
        print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
        def g(x, /, y):
            return x - y
        print(g(5, y=3), g(5, 3))
        for bad in [lambda: f(), lambda: f(1, 2), lambda: g(x=1, y=2), lambda: f(1, c=1, a=2), lambda: g(1, 2, 3)]:
            try:
                bad()
            except TypeError as e:
                print("TypeError:", e)
        """,
        """
        def counter():
            count = 0
            def bump(step=1):
                nonlocal count
                count += step
                return count
            return bump
        b = counter()
        print(b(), b(), b(10))
        fs = [lambda i=i: i * i for i in range(4)]
        print([f() for f in fs])
        total = 0
        def add(n):
            global total
            total += n
        for k in range(5): add(k)
        print(total)
        print((lambda *a, **k: (a, k))(1, x=2))
        """,
        """
        def deco(tag):
            def wrap(fn):
                def inner(*args):
                    return f"<{tag}>" + fn(*args) + f"</{tag}>"
                return inner
            return wrap
        @deco("b")
        @deco("i")
        def hello(name):
            return "hi " + name
        print(hello("bob"))
        """,
    ]

    static let generators = [
        """
        def gen(n):
            for i in range(n):
                got = yield i
                if got:
                    print("got", got)
            return "done"
        g = gen(3)
        print(next(g), g.send("x"), next(g))
        try:
            next(g)
        except StopIteration as e:
            print("stop", e.value)
        def outer():
            result = yield from gen(2)
            print("inner returned", result)
            yield "last"
        print(list(outer()))
        def closing():
            try:
                yield 1
                yield 2
            finally:
                print("cleanup")
        c = closing()
        print(next(c))
        c.close()
        def thrower():
            while True:
                try:
                    yield
                except ValueError as e:
                    print("caught", e)
        t = thrower(); next(t); t.throw(ValueError("boom"))
        print(sum(x * x for x in range(10) if x % 3), list(zip(range(3), "abc")))
        """,
    ]

    static let classes = [
        """
        class Shape:
            count = 0
            def __init__(self, name):
                self.name = name
                Shape.count += 1
            def area(self):
                return 0
            def __repr__(self):
                return f"{type(self).__name__}({self.name!r}, {self.area()})"
        class Square(Shape):
            def __init__(self, side):
                super().__init__("square")
                self.side = side
            def area(self):
                return self.side ** 2
        class Circle(Shape):
            def __init__(self, r):
                super().__init__("circle")
                self.r = r
            @property
            def diameter(self):
                return 2 * self.r
            def area(self):
                return round(3.14159 * self.r ** 2, 2)
            @staticmethod
            def unit():
                return Circle(1)
            @classmethod
            def named(cls, r):
                return cls(r)
        shapes = [Square(3), Circle(2), Circle.unit(), Circle.named(5)]
        print(shapes, Shape.count, shapes[1].diameter)
        print(sorted(shapes, key=lambda s: s.area()))
        print(isinstance(shapes[0], Shape), issubclass(Circle, Square), Square.__mro__)
        """,
        """
        class V:
            def __init__(self, x, y): self.x, self.y = x, y
            def __add__(self, o): return V(self.x + o.x, self.y + o.y)
            def __mul__(self, k): return V(self.x * k, self.y * k)
            def __rmul__(self, k): return self * k
            def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
            def __hash__(self): return hash((self.x, self.y))
            def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
            def __len__(self): return 2
            def __getitem__(self, i): return (self.x, self.y)[i]
            def __iter__(self): return iter((self.x, self.y))
            def __contains__(self, v): return v in (self.x, self.y)
            def __call__(self, k): return self.x * k
            def __neg__(self): return V(-self.x, -self.y)
            def __bool__(self): return bool(self.x or self.y)
            def __repr__(self): return f"V({self.x}, {self.y})"
        a, b = V(1, 2), V(3, 4)
        print(a + b, a * 3, 3 * a, -a, a == V(1, 2), a != b, len({a, V(1, 2), b}))
        print(sorted([b, a]), max(a, b), list(a), a[1], 2 in a, a(10), bool(V(0, 0)))
        print(*a, dict([(a, 1)])[V(1, 2)])
        class P:
            __slots__ = ("x",)
        try:
            a < 3
        except TypeError as e:
            print(e)
        try:
            a + 1
        except AttributeError as e:
            print("AttributeError", e)
        """,
        """
        class A:
            def who(self): return "A"
        class B(A):
            def who(self): return "B" + super().who()
        class C(A):
            def who(self): return "C" + super().who()
        class D(B, C):
            def who(self): return "D" + super().who()
        print(D().who(), [k.__name__ for k in D.__mro__])
        class Meta:
            def __getattr__(self, name):
                return name.upper()
        print(Meta().anything, getattr(Meta(), "x"), hasattr(A(), "nope"))
        class Count(dict):
            def __missing__(self, key):
                return 0
        c = Count(a=1)
        print(c["a"], c["b"], c, len(c), isinstance(c, dict))
        class Stack(list):
            def peek(self): return self[-1]
        s = Stack([1, 2, 3]); s.append(4)
        print(s.peek(), s, len(s))
        """,
    ]

    static let protocols = [
        """
        def documented(a, *, k=5):
            \"\"\"Adds k.\"\"\"
            return a + k
        class Doc:
            \"\"\"A class.\"\"\"
        print(documented.__doc__, documented.__kwdefaults__, Doc.__doc__, (lambda: 0).__doc__)
        class Seq:
            def __getitem__(self, i):
                if i >= 3:
                    raise IndexError(i)
                return i * 10
        print(list(Seq()), 20 in Seq())
        class Temp:
            def __init__(self): self._c = 1
            @property
            def c(self): return self._c
            @c.deleter
            def c(self): print("deleting"); del self._c
        t = Temp(); del t.c; print(hasattr(t, "_c"))
        try:
            raise PermissionError("denied")
        except OSError as e:
            print(type(e).__name__, isinstance(e, OSError), e)
        """,
    ]

    static let exceptions = [
        """
        class AppError(Exception):
            pass
        class NotFound(AppError):
            def __init__(self, key):
                super().__init__(f"missing {key}")
                self.key = key
        def find(d, k):
            try:
                return d[k]
            except KeyError:
                raise NotFound(k) from None
        try:
            find({}, "x")
        except AppError as e:
            print(type(e).__name__, e, e.key, e.args, e.__cause__, e.__suppress_context__)
        def flow(n):
            try:
                if n == 0:
                    return "zero"
                if n == 1:
                    raise ValueError("one")
            except ValueError as e:
                return f"handled {e}"
            else:
                return "else"
            finally:
                print("finally", n)
        print(flow(0), flow(1), flow(2))
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                raise TypeError("during")
        except TypeError as e:
            print(repr(e), type(e.__context__).__name__)
        for i in range(3):
            try:
                if i == 1:
                    continue
                print("body", i)
            finally:
                print("fin", i)
        try:
            raise KeyError("k")
        except (IndexError, KeyError) as e:
            print("tuple match", repr(e))
        try:
            [][1]
        except LookupError as e:
            print(e)
        """,
        """
        class Resource:
            def __init__(self, name): self.name = name
            def __enter__(self):
                print("enter", self.name)
                return self
            def __exit__(self, kind, value, tb):
                print("exit", self.name, kind.__name__ if kind else None)
                return kind is ValueError
        with Resource("a") as a, Resource("b"):
            print("body", a.name)
        with Resource("c"):
            raise ValueError("swallowed")
        print("after")
        def early():
            with Resource("d"):
                return "returned"
        print(early())
        """,
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        "import sys\nprint('bye')\nsys.exit(3)\n",
        "raise SystemExit('fatal: stop')\n",
        "x = {'a': 1}\nprint(x['b'])\n",
        "class E(Exception):\n    pass\nraise E('custom', 2)\n",
        "print('a' + 1)\n",
        "def f(:\n    pass\n",
        "x = 1\n  y = 2\n",
        "assert 1 + 1 == 3, 'math is broken'\n",
        "print(undefined_name)\n",
        "def f():\n    print(x)\n    x = 1\nf()\n",
        """
        import sys
        def inner(): raise ValueError("x")
        def outer(): inner()
        try:
            outer()
        except ValueError as e:
            tb = e.__traceback__
            print(tb is not None, sys.exc_info()[2] is not None, type(tb).__name__)
            lines = []
            while tb is not None:
                lines.append(tb.tb_lineno); tb = tb.tb_next
            print(lines)
        print(ValueError("y").__traceback__)
        """,
        """
        for call in [lambda: "abc".replace("a"), lambda: {}.get(), lambda: [].append(), lambda: [].insert(1), lambda: [1].index(), lambda: "a".zfill()]:
            try:
                call()
            except TypeError as e:
                print(e)
        """,
    ]

    static let data = [
        """
        s = "  Hello, World  "
        print(s.strip().lower().split(", "), s.count("l"), s.find("World"), s.replace("l", "L", 2))
        print("-".join(["a", "b"]), "abc".upper().center(9, "*"), "x".zfill(4), "a,b,,c".split(","))
        print(f"{3.14159:8.3f}|{42:>6}|{42:<6}|{'s':^5}|{1234567:,}|{0.5:.0%}|{255:#x}|{7:08b}")
        print("%5.2f %d %s %r %x" % (2.5, 7, "s", "r", 255), "{} {name} {0}".format(1, name="n") if False else "{0} {name}".format(1, name="n"))
        print(sorted({3, 1, 2}), {1, 2} | {3}, {1, 2} & {2}, {1, 2} - {2}, {1, 2} ^ {2, 3})
        d = {"b": 2, "a": 1}
        d.update(c=3)
        print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("z", 0), d.pop("a"), d)
        print(d.keys(), d.items(), len(d), "b" in d, {k: v * 2 for k, v in d.items()})
        xs = list(range(10))
        xs[2:5] = ["a"]
        del xs[-2:]
        print(xs, xs[::2], xs[::-1][:3], xs.index("a"))
        first, *middle, last = range(6)
        print(first, middle, last)
        print(sorted(["bb", "a", "ccc"], key=len, reverse=True), min([3, 1, 2]), max("abc"), sum([0.1] * 10))
        print(list(enumerate("ab", 1)), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])))
        print(any([]), all([]), divmod(-7, 2), pow(2, 10, 1000), abs(-3.5), round(2.675, 2), round(7.5), int("ff", 16), hex(255))
        print(2 ** 100, 7 // -2, -7 % 3, 1 / 3, 10 ** -2, 0.1 + 0.2, float("inf"), 3 < 4 < 5 != 6)
        print(chr(9731), ord("a"), repr("it's"), ascii("é"), str(b"") if False else "bytes skipped")
        print(type(1), type(1.0), type(""), type([]), type(None), type(len), type(print))
        if (n := len("walrus")) > 3:
            print("walrus", n)
        """,
        """
        import math, random, time
        from collections import Counter, defaultdict, namedtuple, deque, OrderedDict
        random.seed(42)
        print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 3))
        xs = list(range(10)); random.shuffle(xs); print(xs)
        print(math.sqrt(2), math.pi, math.floor(-2.5), math.gcd(12, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
        c = Counter("mississippi")
        print(c, c.most_common(2))
        d = defaultdict(list); d["k"].append(1); print(d)
        Point = namedtuple("Point", ["x", "y"]); p = Point(1, 2); print(p, p.x + p.y, p._replace(y=5))
        q = deque([1, 2]); q.appendleft(0); q.append(3); print(q, q.popleft())
        t = time.perf_counter(); print(time.perf_counter() >= t)
        """,
    ]

    static let metaprogramming = [
        """
        class Meta(type):
            def __new__(mcls, name, bases, ns):
                ns["tag"] = name.lower()
                cls = super().__new__(mcls, name, bases, ns)
                cls.tag2 = "set-after"
                return cls
            def describe(cls): return "I am " + cls.__name__
            @property
            def upper(cls): return cls.__name__.upper()
        class P(metaclass=Meta): pass
        print(P.tag, P.tag2, type(P).__name__, P.describe(), P.upper, repr(P), isinstance(P, Meta))
        class Singleton(type):
            _inst = {}
            def __call__(cls, *a, **k):
                if cls not in cls._inst:
                    cls._inst[cls] = super().__call__(*a, **k)
                return cls._inst[cls]
        class Conf(metaclass=Singleton):
            def __init__(self, v): self.v = v
        a = Conf(1); b = Conf(2); print(a is b, a.v)
        class Fields(type):
            def __init__(cls, name, bases, ns, **kw):
                super().__init__(name, bases, ns)
                cls.fields = [k for k in ns if not k.startswith("_")]
        class Rec(metaclass=Fields):
            a = 1
            b = 2
        print(Rec.fields)
        class Ordered(type):
            @classmethod
            def __prepare__(mcls, name, bases):
                print("prepare", name); return {"pre": 1}
        class O(metaclass=Ordered): pass
        print(O.pre)
        T = type("T", (object,), {"v": 5, "f": lambda self: self.v * 2})
        print(T().f(), T.__name__)
        class X(type): pass
        class Y(type): pass
        try:
            class Z(X("A", (), {}), Y("B", (), {})): pass
        except TypeError as e:
            print(e)
        """,
        """
        class Registry:
            subs = []
            def __init_subclass__(cls, **kw):
                super().__init_subclass__(**kw)
                Registry.subs.append(cls.__name__)
        class A(Registry): pass
        class B(A): pass
        print(Registry.subs)
        class Plugin:
            def __init_subclass__(cls, tag="none", **kw):
                super().__init_subclass__(**kw)
                cls.tag = tag
        class Q(Plugin, tag="q"): pass
        print(Q.tag)
        try:
            class Bad(Registry, x=1): pass
        except TypeError as e:
            print(e)
        class Typed:
            def __set_name__(self, owner, name): self.name = "_" + name
            def __get__(self, obj, owner):
                if obj is None: return self
                return getattr(obj, self.name)
            def __set__(self, obj, value):
                if not isinstance(value, int): raise TypeError(f"{self.name[1:]} must be int")
                setattr(obj, self.name, value)
        class Pt:
            x = Typed(); y = Typed()
            def __init__(self, x, y): self.x = x; self.y = y
        p = Pt(1, 2); print(p.x, p.y, p.__dict__, type(Pt.x).__name__)
        try: p.x = "a"
        except TypeError as e: print(e)
        """,
        """
        class D:
            def __init__(self, **kw): self.__dict__.update(kw)
            def total(self): return sum(self.__dict__.values())
        d = D(a=1, b=2); print(d.a, d.b, vars(d), d.total())
        d.c = 3; print(d.__dict__, d.total())
        del d.a; print(d.__dict__, hasattr(d, "a"))
        d.__dict__["total"] = lambda: "shadowed"
        print(d.total())
        e = D(); e.__dict__ = {"z": 26}; print(e.z)
        class G:
            def __getattribute__(self, name):
                if name == "magic": return 42
                return object.__getattribute__(self, name)
            def __getattr__(self, name): return "fallback:" + name
        g = G(); g.z = 1; print(g.magic, g.z, g.nope)
        class Logged:
            def __setattr__(self, name, value):
                print("set", name); object.__setattr__(self, name, value)
            def __delattr__(self, name):
                print("del", name); object.__delattr__(self, name)
        l = Logged(); l.v = 1; del l.v; print(hasattr(l, "v"))
        """,
        """
        class MyInt(int):
            def double(self): return self * 2
            def __repr__(self): return f"MyInt({int(self)})"
        a = MyInt(21)
        print(a, repr(a), a + 1, a.double(), type(a + 1).__name__, isinstance(a, int), a == 21, hash(a) == hash(21), a < 22)
        print([10, 20, 30, 40][MyInt(1)], range(MyInt(3)), f"{a:05d}", str(a), int(a), float(a), -a, abs(MyInt(-3)), a // 4, a % 4, a ** 2, divmod(a, 5))
        big = MyInt(10**30); print(big + 1, big > 10**29, hash(big) == hash(10**30))
        class Celsius(float):
            def __new__(cls, value):
                return super().__new__(cls, value)
            def to_f(self): return self * 9 / 5 + 32
        c = Celsius(100); print(c, c.to_f(), round(c, 1), c + 1.5, type(c).__name__, isinstance(c, float))
        class Token(str):
            def __new__(cls, text, kind):
                obj = super().__new__(cls, text)
                obj.kind = kind
                return obj
            def describe(self): return f"{self.kind}:{self}"
        t = Token("abc", "NAME"); print(t, t.kind, t.describe(), t.upper(), t + "!", len(t), t == "abc", {t: 1}["abc"], t[1], t.startswith("a"), repr(t))
        print(sorted([Token("b", "X"), Token("a", "Y")]), "%s-%d" % (t, a), f"{t:>6}|")
        class Upper(str):
            def __add__(self, other): return Upper(str.__add__(self, other).upper())
        print(Upper("ab") + "cd", type(Upper("ab") + "cd").__name__)
        class Flags(int):
            NAMES = {1: "A", 2: "B"}
            def __str__(self): return "|".join(n for b, n in self.NAMES.items() if self & b)
        print(Flags(3), Flags(3) | 4, type(Flags(3) | 4).__name__)
        class Pos(int):
            def __new__(cls, v):
                if v < 0: raise ValueError("negative")
                return super().__new__(cls, v)
        print(Pos(5) + Pos(6))
        try: Pos(-1)
        except ValueError as e: print(e)
        try:
            class B(bool): pass
        except TypeError as e: print(e)
        class Named(int):
            pass
        n = Named(7); n.label = "seven"; print(n.label, vars(n), n)
        """,
    ]

    static let introspection = [
        """
        t = str.maketrans("lo", "01", "h"); print(sorted(t.items()), "hello".translate(t))
        print("abc".translate({ord("a"): "xyz", ord("b"): None}), "Straße".casefold())
        class Missing(dict):
            def __missing__(self, key): return "?" + key
        print("{a}-{b}".format_map(Missing(a=1)))
        import random
        r = random.Random(42); random.seed(42)
        print(r.random() == random.random(), r.randint(1, 6), random.Random(7).choice("abc"))
        state = r.getstate(); first = r.random(); r.setstate(state); print(first == r.random())
        e = OSError(2, "No such file", "a.txt")
        print(type(e).__name__, e.errno, e.strerror, e)
        import math
        print(math.gamma(4.5), math.lgamma(0.5), math.remainder(10, 3))
        import functools
        print(2.5.__round__(), (5).__add__(2.0), (5.0).__add__(2), (3).__lt__(4), functools.reduce(int.__add__, range(10)))
        print(sorted(["bb", "a", "ccc"], key=str.__len__), [1, 2].__getitem__(1), "ab".__contains__("a"), (2.7).__floor__())
        """,
        """
        def outer(a, b=1, *rest, key, **options):
            local = a + b
            def inner(): return local
            return inner
        code = outer.__code__
        print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_varnames, code.co_cellvars)
        print([cell.cell_contents for cell in outer(2, key=0).__closure__], outer.__closure__)
        class Base: pass
        class Left(Base): pass
        class Right(Base): pass
        class Both(Left, Right): pass
        print([c.__name__ for c in Base.__subclasses__()], [c.__name__ for c in Both.mro()])
        class Point:
            dims = 2
            def __init__(self): self.x = 1
            def norm(self): return 0
        print(dir(Point())[-4:], [n for n in dir(Point) if not n.startswith("_")])
        """,
        """
        from functools import singledispatch, lru_cache
        def g(x: int, *rest: str, k: float = 1.0, **kw: bool) -> float:
            pass
        print(g.__annotations__, (lambda: 0).__annotations__)
        def h(a, b): pass
        print(h.__annotations__)
        h.__annotations__ = {"a": int}; print(h.__annotations__)
        @singledispatch
        def f(x): return "object"
        @f.register
        def _(x: int): return "int"
        @f.register(str)
        def _(x): return "str"
        print(f(1), f("s"), f(2.0))
        @lru_cache(typed=True)
        def t(x): return type(x).__name__
        print(t(1), t(1.0), t(True), t.cache_info().currsize)
        class Point:
            x: int
            y: int = 0
            label: str = "p"
            if True:
                z: float = 1.5
        print(Point.__annotations__, Point.y, hasattr(Point, "x"))
        count: int = 5
        name: str
        print(__annotations__, count)
        class Empty: pass
        print("__annotations__" in Empty.__dict__)
        def local():
            v: int = 3
            w: undefined_name
            return v
        print(local())
        class AttrDict(dict):
            def __setattr__(self, k, v): self[k] = v
            def __getattr__(self, k): return self[k]
        a = AttrDict(); a.b = 2; print(a, a.b)
        class Tracked(list):
            def __setattr__(self, k, v):
                print("set", k); super().__setattr__(k, v)
        t = Tracked(); t.note = "x"; print(t.note)
        class Obj:
            def __setattr__(self, k, v):
                print("obj set", k); object.__setattr__(self, k, v)
        o = Obj(); o.z = 1; print(o.z)
        from collections import Counter, namedtuple
        print(Counter(x=1) < Counter(x=2, y=1), Counter(a=2) >= Counter(a=1), Counter(a=1) <= Counter(b=1))
        D = namedtuple("D", ["a", "_x", "def", "a"], rename=True); print(D._fields)
        try: namedtuple("B", ["def", "ok"])
        except ValueError as e: print(e)
        P = namedtuple("P", "x y", defaults=[0])
        try: P(1).__setattr__("x", 5) if False else setattr(P(1), "x", 5)
        except AttributeError as e: print(e)
        try: P()
        except TypeError as e: print(e)
        import operator
        print(operator.length_hint([1, 2, 3]), operator.length_hint(object(), 7))
        """,
        """
        class Account:
            __count = 0
            def __init__(self, owner, balance):
                self.__owner = owner
                self.__balance = balance
                Account.__count += 1
            def __secret(self): return "s" + self.__owner
            def reveal(self): return self.__secret(), self.__balance, Account.__count
            @property
            def balance(self):
                "The balance."
                return self.__balance
        a = Account("ann", 10)
        print(a.reveal(), sorted(vars(a)), a._Account__balance, hasattr(a, "__balance"), Account.balance.__doc__, Account.balance.fdel)
        class _Hidden:
            def __init__(self): self.__x = 1
        print(vars(_Hidden()))
        class Sub(Account):
            def __init__(self):
                super().__init__("bob", 5)
                self.__balance = 99
        print(sorted(vars(Sub())))
        class G:
            def __init__(self, __v=3): self.v = __v
            def comp(self): return [__q for __q in range(3)]
        print(G().v, G().comp(), G(__v=4).v if False else G(4).v)
        def f(**kw): return kw
        try: print(f(**{"q": 1}, q=2))
        except TypeError as e: print(e)
        print(f(**{"a": 1}, b=2))
        class Outer:
            class Inner(Exception): pass
        x = "\\u00e9"; y = "e\\u0301"; print(len(x), len(y), x == y)
        import sys
        try: sys.exit((1, 2))
        except SystemExit as e: print(e.args, e.code)
        print(SystemExit("a", "b").code, IOError is OSError, issubclass(UserWarning, Warning))
        """,
        """
        def f(x: list[int], y: int | None = None, *z: tuple[str, ...]) -> dict[str, list[int]]:
            return {}
        print(f.__annotations__)
        print(int | str, int | None | str, (int | str) | float, isinstance(3, int | str), isinstance(3.0, int | str), list[int], type[int])
        class C:
            def __class_getitem__(cls, item): return f"C[{item.__name__ if isinstance(item, type) else item}]"
        print(C[int], C["x"], list[int]([1, 2]), list[int].__origin__, dict[str, int].__args__)
        try: int[0]
        except TypeError as e: print(e)
        try: None | None
        except TypeError as e: print(e)
        print("a".__lt__("b"), "a".__lt__(1), [1].__eq__([1]), (1, 2).__gt__((1,)))
        l = [1, 2, 3]; l.__setitem__(0, 9); l.__delitem__(1); print(l)
        try: iter(5, 1)
        except TypeError as e: print(e)
        class M:
            def __pow__(self, o, m=None): return ("pow", o, m)
        print(pow(M(), 2, 3), pow(M(), 2))
        try: pow(2, "a", 3)
        except TypeError as e: print(e)
        try: pow(2.0, 2, 3)
        except TypeError as e: print(e)
        """,
    ]

    /// collections.deque, native: both ends, bounds, rotation, searches through `__eq__`,
    /// subscripts and operators with CPython's messages, iterators that notice mutation,
    /// subclasses, and a randomized check against a list.
    static let deque = [
        """
        from collections import deque
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "!!", type(e).__name__, e)
        class Idx:
            def __init__(self, v): self.v = v
            def __index__(self): return self.v
        print(deque(), deque("abc"), deque(range(5), 3), deque([1], maxlen=0), deque(iterable=[1], maxlen=None), deque(range(3), True))
        for args, kwargs in [((1,), {}), (([], -1), {}), (([], 1.5), {}), (([], 2 ** 70), {}), ((), {"foo": 1}),
                             (([], 1, 2), {}), (([],), {"iterable": []})]:
            attempt("deque%r %r" % (args, kwargs), lambda: deque(*args, **kwargs))
        d = deque([1, 2, 3])
        print(d.maxlen, type(d).__name__, type(d).__module__, deque, deque.append.__qualname__, type(iter(d)), type(reversed(d)).__name__)
        for label, f in [("set maxlen", lambda: setattr(d, "maxlen", 3)), ("set other", lambda: setattr(d, "x", 3)), ("hash", lambda: hash(d)),
                         ("pop empty", lambda: deque().pop()), ("popleft empty", lambda: deque().popleft()), ("append()", lambda: d.append()),
                         ("pop(1)", lambda: d.pop(1)), ("rotate(1.5)", lambda: d.rotate(1.5)), ("rotate(1, 2)", lambda: d.rotate(1, 2)),
                         ("index(9)", lambda: d.index(9)), ("index(1, 'a')", lambda: d.index(1, "a")), ("remove(9)", lambda: d.remove(9)),
                         ("insert full", lambda: deque([1], 1).insert(0, 2)), ("d[3]", lambda: d[3]), ("d[-4]", lambda: d[-4]),
                         ("d[1:2]", lambda: d[1:2]), ("d['a']", lambda: d["a"]), ("d[2**70]", lambda: d[2 ** 70]), ("d + [1]", lambda: d + [1]),
                         ("[1] + d", lambda: [1] + d), ("d * 'a'", lambda: d * "a"), ("[1] * d", lambda: [1] * d), ("d - d", lambda: d - d),
                         ("d < [1]", lambda: d < [1]), ("extend(1)", lambda: d.extend(1)), ("unbound", lambda: deque.pop()),
                         ("descriptor", lambda: deque.append(1, 2)), ("wrapper", lambda: deque.__len__(1)), ("attr", lambda: d.nope)]:
            attempt(label, f)
        d = deque()
        for i in range(12):
            (d.append if i % 3 else d.appendleft)(i)
        print(d, len(d), d[0], d[-1], d[4], [d.pop(), d.popleft()], d)
        b = deque(maxlen=3)
        for i in range(5): b.append(i)
        b.appendleft(-1); b.extend([7, 8]); b.extendleft("ab")
        print(b, b.maxlen)
        d = deque([1, 2]); d.extend(d); d.extendleft((9, 8)); d.extend(x * 10 for x in range(3)); print(d)
        for n in [0, 1, -1, 3, -10, 2 ** 40, Idx(2)]:
            r = deque(range(7)); r.rotate(n); print("rotate", r)
        r = deque(range(8)); r.rotate(3); r.rotate(-13); print("full ring", r)
        d = deque([1, 2, 3, 2, 1, 2.0, None])
        print(d.count(2), d.index(2), d.index(2, 2), d.index(2, -3), d.index(1, 1, -1), 2 in d, 9 in d)
        d.remove(2); d.remove(2.0); print(d)
        for i, v in [(0, "a"), (2, "b"), (-1, "c"), (-50, "d"), (50, "e"), (Idx(3), "f")]:
            d.insert(i, v)
        print(d)
        d.reverse(); print(d, d.copy(), d.copy() is d)
        d[0] = "first"; d[-1] = "last"; del d[2]; del d[-2]; print(d, d[Idx(1)], d[True])
        d.clear(); print(d, bool(d), len(d))
        a = deque([1, 2, 3]); m = deque([7, 8], maxlen=3)
        print(a + a, a + m, m + a, a * 2, 2 * a, a * 0, m * 3, deque([5], maxlen=3) * 9, deque([1, 2], maxlen=5) * 4)
        x = deque([1]); y = x; x += [2, 3]; x += "ab"; x *= 2; print(x, x is y)
        for p, q in [([], []), ([1], []), ([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]), (["a"], ["b"]), ([1.0], [1])]:
            u, v = deque(p), deque(q)
            print(p, q, u == v, u != v, u < v, u <= v, u > v, u >= v)
        print(deque([1]) == [1], deque([1]) != [1], a.__eq__([1]))
        r = deque(); r.append(r); lst = [r]; r.append(lst); print(r, deque("ab", maxlen=4), deque([deque([1], 2)]))
        """,
        """
        from collections import deque
        import random
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "!!", type(e).__name__, e)
        d = deque(range(5))
        print(list(d), list(reversed(d)), sorted(d, reverse=True), sum(d), [*d], 3 in d, list(zip(d, reversed(d))))
        it = iter(d); rit = reversed(d)
        print(next(it), it.__length_hint__(), next(rit))
        d.append(5)
        attempt("next", lambda: next(it)); attempt("next again", lambda: next(it))
        attempt("reversed next", lambda: next(rit)); attempt("reversed again", lambda: next(rit))
        d = deque(range(5)); out = []
        for v in d:
            if v == 1: d.reverse()
            if v == 2: d[4] = "set"
            out.append(v)
        print(out, d)
        for change in [lambda e: e.rotate(0), lambda e: e.clear(), lambda e: e.__imul__(1), lambda e: e.__iadd__([])]:
            e = deque([1, 2]); it = iter(e); change(e); attempt("after change", lambda: list(it))
        class Loose:
            def __init__(self, v): self.v = v
            def __eq__(self, other):
                print("  eq", self.v, other)
                return self.v == other
            def __repr__(self): return "Loose(%r)" % self.v
        d = deque([Loose(1), Loose(2)])
        print(2 in d, d.count(2), d.index(2)); d.remove(1); print(d)
        class Mutator:
            def __init__(self, target): self.target = target
            def __eq__(self, other):
                self.target.append(0)
                return False
        for method in ["count", "index", "remove", "__contains__"]:
            t = deque([1, 2]); t.appendleft(Mutator(t))
            attempt("mutating during " + method, lambda: getattr(t, method)(5))
        class Queue(deque):
            def __init__(self, name, items=()):
                super().__init__(items, 3)
                self.name = name
            def describe(self): return "%s:%d" % (self.name, len(self))
        q = Queue("jobs", [1, 2]); q.append(3); q.append(4); q.extra = 1
        print(q, q.describe(), q.maxlen, isinstance(q, deque), q.__dict__, q == deque([2, 3, 4]))
        attempt("subclass copy", lambda: q.copy())
        class Plain(deque): pass
        p = Plain([1, 2], 4)
        print(p, p.copy(), type(p + deque([3])).__name__, type(p * 2).__name__, p.__reduce__()[:3])
        rng = random.Random(7); model = []; dq = deque()
        for step in range(1500):
            op = rng.randrange(9)
            if op < 3:
                dq.append(step); model.append(step)
            elif op < 5:
                dq.appendleft(-step); model.insert(0, -step)
            elif op == 5 and model:
                assert dq.pop() == model.pop()
            elif op == 6 and model:
                assert dq.popleft() == model.pop(0)
            elif op == 7 and model:
                n = rng.randrange(-40, 40); dq.rotate(n); n %= len(model)
                if n: model[:] = model[-n:] + model[:-n]
            elif op == 8 and model:
                k = rng.randrange(-len(model), len(model)); del dq[k]; del model[k]
            assert len(dq) == len(model)
        print(list(dq) == model, len(dq), sum(dq))
        big = deque()
        for i in range(3000):
            big.append("s%d" % i)
        while len(big) > 3:
            big.popleft()
        print(big, len(big))
        class L(list): pass
        for o in [Plain([1]), L([1])]:
            o.x = 1
            del o.x
            attempt("del again", lambda: delattr(o, "x"))
        class OwnIter(list):
            def __iter__(self): return iter(["own"])
        e = deque(OwnIter([1, 2])); e.extend(OwnIter([3])); e += OwnIter([4]); print(e)
        """,
    ]

    /// Argument-count and keyword messages of builtins, in each of CPython's conventions, and
    /// `str.format`'s parse errors.
    static let argumentMessages = [
        """
        def attempt(label, f):
            try:
                print(label, "->", f())
            except TypeError as e:
                print(label, "->", e)
        attempt('"a".strip(x=1)', lambda: "a".strip(x=1))
        attempt('"a".upper(x=1)', lambda: "a".upper(x=1))
        attempt('[].append(x=1)', lambda: [].append(x=1))
        attempt('"a".split(1,2,3,4)', lambda: "a".split(1,2,3,4))
        attempt('"a".split(foo=1)', lambda: "a".split(foo=1))
        attempt('"a".count(1,2,3,4)', lambda: "a".count(1,2,3,4))
        attempt('"a".startswith()', lambda: "a".startswith())
        attempt('(1,).index()', lambda: (1,).index())
        attempt('(1,2,3,2).index(2,2,5)', lambda: (1,2,3,2).index(2,2,5))
        attempt('(1,2).index(2,-1)', lambda: (1,2).index(2,-1))
        attempt('"a".expandtabs(1,2)', lambda: "a".expandtabs(1,2))
        attempt('len(x=1)', lambda: len(x=1))
        attempt('{}.get(x=1)', lambda: {}.get(x=1))
        attempt('"a".zfill()', lambda: "a".zfill())
        attempt('[].insert(1)', lambda: [].insert(1))
        attempt('"ab".replace("a")', lambda: "ab".replace("a"))
        attempt('sorted()', lambda: sorted())
        attempt('[].sort(1)', lambda: [].sort(1))
        attempt('"a".splitlines(x=1)', lambda: "a".splitlines(x=1))
        attempt('"a".center()', lambda: "a".center())
        attempt('divmod(1)', lambda: divmod(1))
        attempt('abs()', lambda: abs())
        attempt('max()', lambda: max())
        attempt('int(1,2,3)', lambda: int(1,2,3))
        attempt('int(x=1)', lambda: int(x=1))
        attempt('{}.pop()', lambda: {}.pop())
        attempt('[].pop(1,2)', lambda: [].pop(1,2))
        attempt('dict.fromkeys()', lambda: dict.fromkeys())
        attempt('{}.update(1,2)', lambda: {}.update(1,2))
        attempt('{}.items(1)', lambda: {}.items(1))
        attempt('set().add(1,2)', lambda: set().add(1,2))
        attempt('"abc".upper(1)', lambda: "abc".upper(1))
        attempt('"a".title(1)', lambda: "a".title(1))
        attempt('"a".isdigit(1)', lambda: "a".isdigit(1))
        attempt('[].copy(1)', lambda: [].copy(1))
        attempt('[].clear(1)', lambda: [].clear(1))
        attempt('(1).bit_length(1)', lambda: (1).bit_length(1))
        attempt('(1.5).is_integer(2)', lambda: (1.5).is_integer(2))
        attempt('round()', lambda: round())
        attempt('round(number=2.675, ndigits=2)', lambda: round(number=2.675, ndigits=2))
        attempt('pow(1)', lambda: pow(1))
        attempt('pow(base=2, exp=10)', lambda: pow(base=2, exp=10))
        attempt('sum()', lambda: sum())
        attempt('enumerate()', lambda: enumerate())
        attempt('list(enumerate(iterable="ab", start=1))', lambda: list(enumerate(iterable="ab", start=1)))
        attempt('print(foo=1)', lambda: print(foo=1))
        attempt('str.join("a")', lambda: str.join("a"))
        attempt('"a".format_map(1,2)', lambda: "a".format_map(1,2))
        """,
        """
        class A:
            x = [1, {"k": "v"}]
            def __format__(self, spec): return "A(" + spec + ")"
            def __repr__(self): return "A()"
        cases = ["{", "}", "{0", "{0!}", "{0!x}", "{0!r", "{0[}", "{0[0}", "{0.}", "{.x}", "{!r}", "{a", "{0:d", "x}y",
                 "{}{1}", "{0[a]b}", "{ 0 }", "{-1}", "{+0}", "{0.x[1][k]}", "{0.x[0]x}", "{0[]}", "{0..x}", "{0:{1}}",
                 "{0:{1:{2}}}", "{0!s:>5}", "{0!r:}", "{0:{{}}}", "a{{b}}c", "}}{{", "{0}}", "{99999999999999999999999}"]
        for c in cases:
            try:
                print(repr(c), "->", repr(c.format(A(), 5, 6, k=1)))
            except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
                print(repr(c), "->", type(e).__name__, e)
        """,
    ]

    /// The operators of list, dict and set called as methods; `__get__` called by hand.
    static let containerOperators = [
        """
        for f in [lambda: [1].__iadd__([2]), lambda: [1, 2].__imul__(2), lambda: {"a": 1}.__ior__({"b": 2}), lambda: {1}.__ior__({2}),
                  lambda: {"a": 1}.__or__({"b": 2}), lambda: {"a": 1}.__or__(5), lambda: {1}.__or__([2]), lambda: frozenset({1}).__or__({2}),
                  lambda: {1, 2}.__and__({2}), lambda: {1, 2}.__rsub__({2, 3}), lambda: {"a": 1}.__ior__([("k", "v")]),
                  lambda: [1].__iadd__(range(3)), lambda: {"a": 1}.__ror__({"b": 2}), lambda: {1}.__isub__({1})]:
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
        d = {"q": 1}
        d.__delitem__("q")
        print(d)
        try:
            d.__delitem__("q")
        except KeyError as e:
            print("KeyError", e)
        class L(list):
            def __iadd__(self, other):
                print("L.__iadd__")
                return super().__iadd__(other)
        l = L([1]); l += [2]; print(l, type(l).__name__)
        class D(dict):
            def __or__(self, other):
                return ("D|", super().__or__(other))
        print(D(a=1) | {"b": 2})
        """,
        """
        import functools
        class Shape:
            @functools.singledispatchmethod
            def area(self, arg):
                return f"generic {arg!r}"
            @area.register(int)
            def _(self, arg):
                return f"int {arg * 2}"
            @area.register
            def _(self, arg: str):
                return f"str {arg.upper()}"
            @area.register(list)
            @area.register(tuple)
            def _(self, arg):
                return f"seq {len(arg)}"
        s = Shape()
        print(s.area(3), s.area("ab"), s.area([1, 2]), s.area((1,)), s.area(2.5), s.area(True))
        print(Shape.area.__name__)
        def f(self): return "f of " + type(self).__name__
        print(f.__get__(s)(), f.__get__(None, Shape) is f, f.__get__(s, Shape)())
        sm = staticmethod(len); cm = classmethod(lambda cls: cls.__name__)
        print(sm.__get__(s)([1, 2]), cm.__get__(s)(), cm.__get__(None, Shape)())
        """,
    ]

    /// Protocol corners: which arguments a message lists, ImportError's keywords, starred
    /// subscripts, when hashes are computed, a subclass's own methods used by builtins,
    /// `__slots__` conflicts, reprs of super objects, generators' `gi_running`.
    static let protocolCorners = [
        """
        def pos_only(a, b, /, c):
            return a, b, c
        for kw in [dict(a=1, b=2, c=3), dict(b=1, c=2), dict(c=1, x=2), dict(x=1, a=2)]:
            try:
                pos_only(**kw)
            except TypeError as e:
                print(e)
        def with_kwargs(a, /, **k):
            return a, k
        print(with_kwargs(1, a=2))
        """,
        """
        try:
            raise ImportError("optional dependency missing", name="numpy")
        except ImportError as e:
            print(e, e.name, e.path, e.msg, e.args)
        for make in [lambda: ImportError(foo=1), lambda: ModuleNotFoundError("a", "b", name="n", path=None)]:
            try:
                e = make()
                print(repr(e), e.name, e.path, e.msg)
            except TypeError as error:
                print(error)
        class Missing(ImportError):
            pass
        e = Missing("m", path="/p")
        print(e.args, e.name, e.path, e.msg)
        try:
            Missing(x=1)
        except TypeError as error:
            print(error)
        try:
            import no_such_module
        except ImportError as e:
            print(type(e).__name__, e.name, e.path, e.msg)
        """,
        """
        grid = {(0, 1): "x"}
        idx = (0, 1)
        print(grid[*idx])
        grid[*idx, 2] = "y"
        print(grid)
        del grid[*idx]
        print(grid)
        class Echo:
            def __getitem__(self, i):
                return i
        print(Echo()[*idx], Echo()[*[]], Echo()[1, *idx])
        """,
        """
        def attempt(make):
            try:
                make()
                print("no error")
            except ValueError as e:
                print("ValueError:", e)
        def a():
            class _Point:
                __slots__ = ("x", "y")
                x = 0
        def b():
            class _Point:
                __slots__ = ("__x", "y")
                __x = 1
        def c():
            class _Point:
                __slots__ = "y"
                y = 1
        def d():
            class _Point:
                __slots__ = ["__dict__"]
                __dict__ = 1
        def e():
            class _Point:
                __slots__ = ("a",)
                b = 1
        for f in [a, b, c, d, e]:
            attempt(f)
        class Base:
            @classmethod
            def make(cls):
                return super()
        class Child(Base):
            def show(self):
                return super()
        print(Child().show(), super(Base, Child()), Child.make(), super(Child, Child))
        def worker():
            yield g.gi_running, g.gi_suspended
        g = worker()
        print(g.gi_running, g.gi_suspended)
        print(next(g), g.gi_running, g.gi_suspended)
        print(list(g), g.gi_running, g.gi_suspended)
        """,
        """
        class Tag(str):
            def __str__(self):
                return "<" + self + ">"
        class Plain(str):
            pass
        class Reprd(str):
            def __repr__(self):
                return "R!"
        t = Tag("b")
        print(str(t), "{}".format(t), f"{t}", format(t), format(t, ""), format(t, "5"), "%s" % t, "%r" % t, t)
        print(type(str(t)).__name__, repr(t), [t], t + "x", t.upper())
        p = Plain("q")
        print(str(p), type(str(p)).__name__, "{}".format(p), format(p), f"{p!s}", p)
        r = Reprd("z")
        print(str(r), f"{r}", f"{r!r}", "{}".format(r), [r], r)
        """,
        """
        class Key:
            def __init__(self, n):
                self.n = n
            def __hash__(self):
                print("hash", self.n)
                return 1
            def __eq__(self, other):
                return self is other
            def __repr__(self):
                return "K%d" % self.n
        k1, k2 = Key(1), Key(2)
        d = {k1: 1, k2: 2}
        print("copying")
        e = dict(d)
        f = {**d}
        g = d.copy()
        h = {}
        h.update(d)
        print(d == e, e == f, f == g, g == h, len(h))
        def kw(**k):
            return k
        print(kw(**{"a": 1}))
        print("sets")
        a = {k1, k2}
        b = {k2, k1}
        print(a == b, a <= b, a < b, a >= b, a > b, a != b)
        print(frozenset(a) == b, a.issubset(b), a | b == a, set(a) == a)
        class Upper(dict):
            def __getitem__(self, k):
                return super().__getitem__(k).upper()
            def __iter__(self):
                return iter(self.keys())
        class OnlyGetitem(dict):
            def __getitem__(self, k):
                return super().__getitem__(k).upper()
        class OnlyIter(dict):
            def __iter__(self):
                return iter(["a"])
            def keys(self):
                return ["a"]
        u = Upper(a="x")
        o = OnlyGetitem(a="y")
        i = OnlyIter(a="z", b="w")
        print(dict(u), {**u}, dict(o), {**o}, dict(i), {**i}, kw(**u), kw(**o))
        n = {}
        n.update(u)
        n.update(o)
        print(n, "%(a)s" % u, "{0[a]}".format(u))
        """,
    ]

    /// Corners where CPython converts, checks or words things its own way: argument
    /// conversions, `%` formatting, set keys, float and math protocols, exception fields
    /// and notes, attribute deletion, module attributes.
    static let cpythonCorners = [
        """
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        class I:
            def __index__(self): return 2
        attempt('enumerate([], "a")', lambda: enumerate([], "a"))
        attempt('enumerate("ab", 1.5)', lambda: enumerate("ab", 1.5))
        attempt('enumerate("ab", True)', lambda: list(enumerate("ab", True)))
        attempt('enumerate("ab", I())', lambda: list(enumerate("ab", I())))
        attempt('enumerate("ab", start=2**70)', lambda: list(enumerate("ab", start=2**70)))
        attempt('enumerate(5, "a")', lambda: enumerate(5, "a"))
        attempt('center(10, 1)', lambda: "abc".center(10, 1))
        attempt('ljust(10, "ab")', lambda: "abc".ljust(10, "ab"))
        attempt('rjust(5, None)', lambda: "abc".rjust(5, None))
        attempt('join(5)', lambda: ",".join(5))
        attempt('join([1])', lambda: ",".join([1]))
        attempt('join(gen)', lambda: ",".join(str(i) for i in range(3)))
        class BadIter:
            def __iter__(self): raise TypeError("inner")
        attempt('join(BadIter())', lambda: ",".join(BadIter()))
        def bad_gen():
            yield "a"
            raise TypeError("during")
        attempt('join(bad_gen())', lambda: ",".join(bad_gen()))
        attempt('splitlines("a")', lambda: "a\\nb".splitlines("a"))
        attempt('splitlines(1.5)', lambda: "a\\nb".splitlines(1.5))
        attempt('splitlines(I())', lambda: "a\\nb".splitlines(I()))
        attempt('splitlines(2**40)', lambda: "a\\nb".splitlines(2**40))
        attempt('splitlines(keepends=0)', lambda: "a\\nb".splitlines(keepends=0))
        attempt('update([1, 2])', lambda: {}.update([1, 2]))
        attempt('dict([1])', lambda: dict([1]))
        attempt('dict([(1, 2), 3])', lambda: dict([(1, 2), 3]))
        attempt('dict([(1, 2), "abc"])', lambda: dict([(1, 2), "abc"]))
        attempt('dict(["ab", BadIter()])', lambda: dict(["ab", BadIter()]))
        attempt('format(1.5, "r")', lambda: format(1.5, "r"))
        attempt('format(1.5, "")', lambda: format(1.5, ""))
        attempt('format(1.5, ".3")', lambda: format(1.5, ".3"))
        attempt('format(2, "r")', lambda: format(2, "r"))
        attempt('f"{2.5:>8}"', lambda: f"{2.5:>8}")
        print(A().m(), A().n())
        class L:
            def __init__(self, n): self.n = n
            def __len__(self): return self.n
        class Idx:
            def __index__(self): return 4
        for n in [2 ** 100, -2 ** 100, -1, 2 ** 62, True, Idx(), 1.5, "3"]:
            attempt(f'len({n!r:.10})', lambda: len(L(n)))
        attempt('bool(L(2**100))', lambda: bool(L(2 ** 100)))
        """,
        """
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        class G:
            def __getitem__(self, k): return k * 2
        class Missing(dict):
            def __missing__(self, k): return "missing " + k
        class M:
            def __rmod__(self, o): return "rmod"
            def __repr__(self): return "M()"
        class S(str):
            def __rmod__(self, o): return "S.rmod"
        class T(str):
            def __mod__(self, o): return NotImplemented
        attempt('"%(a)s %s" % {"a": 1}', lambda: "%(a)s %s" % {"a": 1})
        attempt('"%s %(a)s" % {"a": 1}', lambda: "%s %(a)s" % {"a": 1})
        attempt('"%(a)s %(a)s" % {"a": 1}', lambda: "%(a)s %(a)s" % {"a": 1})
        attempt('"abc" % []', lambda: "abc" % [])
        attempt('"abc" % range(3)', lambda: "abc" % range(3))
        attempt('"abc" % G()', lambda: "abc" % G())
        attempt('"%(ab)s" % G()', lambda: "%(ab)s" % G())
        attempt('"%(a)s" % [1]', lambda: "%(a)s" % [1])
        attempt('"%(k)s" % Missing()', lambda: "%(k)s" % Missing())
        attempt('"%s" % [1]', lambda: "%s" % [1])
        attempt('"%s %s" % [1]', lambda: "%s %s" % [1])
        attempt('"abc" % 5', lambda: "abc" % 5)
        attempt('"abc" % "s"', lambda: "abc" % "s")
        attempt('"abc" % ()', lambda: "abc" % ())
        attempt('"%s" % ()', lambda: "%s" % ())
        attempt('"%(a)s" % (1,)', lambda: "%(a)s" % (1,))
        attempt('"%(a)d" % {"a": 3}', lambda: "%(a)d" % {"a": 3})
        attempt('"%(a)5.1f|" % {"a": 3}', lambda: "%(a)5.1f|" % {"a": 3})
        attempt('"s%s" % M()', lambda: "s%s" % M())
        attempt('"s" % M()', lambda: "s" % M())
        attempt('"s%s" % S("x")', lambda: "s%s" % S("x"))
        attempt('T("t%s") % M()', lambda: T("t%s") % M())
        attempt('5 % M()', lambda: 5 % M())
        x = "v=%s"
        x %= M()
        print(x)
        """,
        """
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        s = {frozenset({1}), 3}
        print({1} in s, {2} in s, {1} in frozenset(s))
        s.discard({1}); print(s)
        s.add(frozenset({1}))
        s.remove({1}); print(s)
        attempt('s.remove({2})', lambda: s.remove({2}))
        attempt('s.add({2})', lambda: s.add({2}))
        attempt('[1] in s', lambda: [1] in s)
        attempt('{1} in dict', lambda: {1} in {frozenset({1}): 2})
        attempt('difference_update', lambda: s.difference_update([{1}]))
        class HSet(set):
            def __hash__(self): return 7
        attempt('HSet in', lambda: HSet({1}) in {frozenset({1})})
        class PSet(set): pass
        attempt('PSet in', lambda: PSet({1}) in {frozenset({1})})
        d = {"a": 1}
        d |= [("k", "v")]
        d |= {"z": 0}
        print(d)
        def ior_bad():
            e = {}
            e |= [1]
        def ior_int():
            e = {}
            e |= 5
        attempt('d |= [1]', ior_bad)
        attempt('d |= 5', ior_int)
        attempt('{} | [(1, 2)]', lambda: {} | [(1, 2)])
        """,
        """
        import math
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        class F:
            def __init__(self, v): self.v = v
            def __float__(self): return self.v
        class FS(float): pass
        class I:
            def __index__(self): return 9
        class IS(int):
            def __index__(self): return 5
        class SS(str):
            def __index__(self): return 5
        attempt('float(F(2))', lambda: float(F(2)))
        attempt('float(F(2.5))', lambda: float(F(2.5)))
        attempt('float(F("x"))', lambda: float(F("x")))
        attempt('float(I())', lambda: float(I()))
        attempt('float(IS(3))', lambda: float(IS(3)))
        attempt('float(SS("2.5"))', lambda: float(SS("2.5")))
        attempt('float(object())', lambda: float(object()))
        class N:
            def __floor__(self): return "floor"
            def __ceil__(self): return "ceil"
            def __trunc__(self): return "trunc"
        print(math.floor(N()), math.ceil(N()), math.trunc(N()))
        attempt('math.floor(F(2.5))', lambda: math.floor(F(2.5)))
        attempt('math.ceil(F(2.5))', lambda: math.ceil(F(2.5)))
        attempt('math.trunc(F(2.5))', lambda: math.trunc(F(2.5)))
        attempt('math.sqrt(F(4.0))', lambda: math.sqrt(F(4.0)))
        attempt('math.sqrt(F(4))', lambda: math.sqrt(F(4)))
        attempt('math.sqrt(I())', lambda: math.sqrt(I()))
        attempt('math.pow(F(2.0), 3)', lambda: math.pow(F(2.0), 3))
        attempt('math.atan2(F(1.0), F(1.0))', lambda: math.atan2(F(1.0), F(1.0)))
        attempt('math.sqrt(object())', lambda: math.sqrt(object()))
        attempt('math.factorial(I())', lambda: math.factorial(I()))
        attempt('math.gcd(I(), 6)', lambda: math.gcd(I(), 6))
        attempt('math.factorial(F(3.0))', lambda: math.factorial(F(3.0)))
        attempt('math.ldexp(F(1.5), I())', lambda: math.ldexp(F(1.5), I()))
        attempt('math.isnan(F(1.0))', lambda: math.isnan(F(1.0)))
        attempt('math.floor(IS(7))', lambda: math.floor(IS(7)))
        attempt('math.floor(FS(7.5))', lambda: math.floor(FS(7.5)))
        attempt('math.log(F(100.0), 10)', lambda: math.log(F(100.0), 10))
        """,
        """
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        e = Exception()
        e.args = ("changed", 1)
        print(str(e), repr(e), e.args)
        e.args = "ab"
        print(str(e), repr(e))
        e.args = [5]
        print(str(e), repr(e), type(e.args).__name__)
        attempt('args = 5', lambda: setattr(e, "args", 5))
        k = KeyError("k")
        k.args = ("other",)
        print(str(k))
        e = Exception("x")
        print(e.__suppress_context__)
        e.__cause__ = KeyError()
        print(e.__suppress_context__, repr(e.__cause__))
        e.__suppress_context__ = False
        e.__cause__ = None
        print(e.__suppress_context__, repr(e.__cause__))
        attempt('__cause__ = 5', lambda: setattr(e, "__cause__", 5))
        attempt('__cause__ = KeyError', lambda: setattr(e, "__cause__", KeyError))
        attempt('__context__ = 5', lambda: setattr(e, "__context__", 5))
        e.__context__ = ValueError("ctx")
        print(repr(e.__context__), e.__suppress_context__)
        attempt('__suppress_context__ = 1', lambda: setattr(e, "__suppress_context__", 1))
        e.custom = 3
        print(e.custom)
        del e.custom
        attempt('del e.custom', lambda: delattr(e, "custom"))
        v = ValueError("v")
        v.add_note("hint")
        v.add_note("two\\nlines")
        print(v.__notes__)
        attempt('add_note(5)', lambda: v.add_note(5))
        w = ValueError()
        w.__notes__ = 5
        attempt('add_note when not a list', lambda: w.add_note("x"))
        attempt('add_note()', lambda: w.add_note())
        del v.__notes__
        print(hasattr(v, "__notes__"))
        try:
            try:
                1 / 0
            except ZeroDivisionError as z:
                z.add_note("while dividing")
                raise
        except ZeroDivisionError as z:
            print(z.__notes__)
        def g():
            yield 1
            raise StopIteration("bad")
        try:
            list(g())
        except RuntimeError as e:
            print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
        def h():
            yield 1
        attempt('throw(ValueError("a"), "b")', lambda: h().throw(ValueError("a"), "b"))
        attempt('throw(ValueError("a"), None)', lambda: h().throw(ValueError("a"), None))
        attempt('throw(5)', lambda: h().throw(5))
        attempt('throw(int)', lambda: h().throw(int))
        attempt('throw(KeyError, "k")', lambda: h().throw(KeyError, "k"))
        attempt('throw(KeyError, ("k", 2))', lambda: h().throw(KeyError, ("k", 2)))
        attempt('throw(KeyError, KeyError(3))', lambda: h().throw(KeyError, KeyError(3)))
        attempt('throw(KeyError, None, 5)', lambda: h().throw(KeyError, None, 5))
        def started():
            it = h()
            next(it)
            return it.throw(ValueError, "v")
        attempt('started throw', started)
        """,
        """
        e = ValueError("boom")
        e.add_note("first note")
        e.add_note("second\\nnote")
        raise e
        """,
        """
        e = ValueError("v")
        e.__notes__ = 5
        print("before")
        raise e
        """,
        """
        def attempt(label, f):
            try:
                print(label, "->", repr(f()))
            except Exception as e:
                print(label, "->", type(e).__name__, e)
        class A:
            def m(self):
                return super().__class__.__name__, type(super()).__name__
            def n(self):
                return super().__str__ is not None
        print(A().m(), A().n())
        class S:
            __slots__ = ("x",)
        class T(S):
            pass
        class U:
            __slots__ = "y"
        for obj, name in [(S(), "x"), (T(), "x"), (U(), "y"), (T(), "z")]:
            attempt(f"del {type(obj).__name__}.{name}", lambda: delattr(obj, name))
        t = T(); t.x = 1; del t.x
        attempt("del again", lambda: delattr(t, "x"))
        attempt('delattr([], "append")', lambda: delattr([], "append"))
        attempt('delattr([], "nope")', lambda: delattr([], "nope"))
        attempt('delattr(1, "foo")', lambda: delattr(1, "foo"))
        attempt('delattr({}, "keys")', lambda: delattr({}, "keys"))
        class V: pass
        attempt('delattr(V(), "__init__")', lambda: delattr(V(), "__init__"))
        attempt('delattr(V, "foo")', lambda: delattr(V, "foo"))
        """,
        """
        \"""Usage: prog.py FILE\"""
        import sys
        print(__doc__)
        print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
        print(list(globals())[:2])
        for x in [[1, 2], (1, 2), "ab", {1: 2}, {1: 2}.keys(), {1: 2}.values(), {1: 2}.items()]:
            r = reversed(x)
            print(type(r).__name__, list(r), list(r))
        """,
        """
        import collections
        od = collections.OrderedDict(a=1, b=2)
        print(list(od), [k for k in od], list(od.items()))
        od2 = collections.OrderedDict(a=1)
        od2.move_to_end("a")
        print(od2, od == collections.OrderedDict(b=2, a=1))
        for mutate in [lambda d, k: d.__setitem__("z" + k, 1), lambda d, k: d.pop(k), lambda d, k: d.__setitem__(k, 5)]:
            od = collections.OrderedDict(a=1, b=2)
            try:
                for k in od:
                    mutate(od, k)
                print("no error", od)
            except RuntimeError as e:
                print(e)
        """,
        """
        import sys
        print(len(str(10 ** 4299)), len(str(-10 ** 4299)))
        for v in [10 ** 4300, -10 ** 4300]:
            try:
                str(v)
            except ValueError as e:
                print(e)
        sys.set_int_max_str_digits(5000)
        print(len(str(10 ** 4300)))
        """,
    ]

    /// lru_cache wrappers and partials with attribute dicts, str's Unicode 14.0 view (as CPython 3.11's), namedtuple's argument errors, subclasses
    /// of `random.Random`, `__class__` assignment, comparison order, iterator values, partial
    /// output, postponed annotations, folded constants in set displays.
    static let objectCorners = [
        """
        class BadRepr:
            def __repr__(self): return 5
        for f in [repr, str, format]:
            try:
                f(BadRepr())
            except TypeError as e:
                print(f.__name__, e)
        """,
        """
        import functools
        @functools.lru_cache(maxsize=None)
        def fib(n):
            return n
        g = functools.wraps(fib)(lambda: 0)
        print(g.__name__)

        print(len.__module__)

        import functools
        @functools.lru_cache
        def f(): pass
        f.hits = 5
        print(f.hits, f.__wrapped__.__name__, f.__doc__)

        import functools
        def f(): pass
        f.tag = 1
        g = functools.lru_cache(f)
        print(g.tag)

        import functools
        p = functools.partial(max, 1)
        p.note = "x"
        print(p.note)

        import functools
        @functools.lru_cache
        def f(): pass
        print(type(f).__name__)
        """,
        """
        print(chr(0x0C5C).isalpha(), chr(0x1E030).isalpha(), chr(0x2EBF0).isalpha(), chr(0x0897).isprintable())
        print("ÄbcΣ ǅx".upper(), "ÄBCΣ ǅX".lower(), "ǆemal".title(), "straße".casefold(), "ÀÉÎ".swapcase())
        print(ascii(chr(0x1E030).upper()), chr(0x0C5C).isidentifier(), "aé".isidentifier(), "٣".isdecimal(), "Ⅻ".isnumeric())
        print([c.isprintable() for c in "a\\u200b\\u00ad\\u0378é"], "ΣΑΣ ΣΑΣ".lower(), "ΌΣΟΣ".lower())
        """,
        """
        from collections import namedtuple
        P = namedtuple('P', 'x y z')
        for f in [lambda: P(1, 2, 3, 4), lambda: P(1, x=3), lambda: P(1, q=2, x=5), lambda: P(1), lambda: P(1, 2, z=3), lambda: P._make([1,2]), lambda: P._make(range(3)), lambda: P(y=1, x=2, z=3)]:
            try: print(f())
            except TypeError as e: print(e)
        Q = namedtuple('Q', 'a b c d', defaults=[4])
        for f in [lambda: Q(), lambda: Q(1, 2, 3), lambda: Q(1)]:
            try: print(f())
            except TypeError as e: print(e)
        """,
        """
        import random
        class Dice(random.Random):
            def __init__(self, sides, seed):
                super().__init__(seed)
                self.sides = sides
            def roll(self):
                return self.randint(1, self.sides)
        d = Dice(6, 7)
        print(type(d).__name__, isinstance(d, Dice), isinstance(d, random.Random))
        print([d.roll() for _ in range(5)], d.sides)
        r = random.Random(7)
        print([r.randint(1, 6) for _ in range(5)])
        class Plain(random.Random):
            pass
        p = Plain(42)
        print(p.random(), random.Random(42).random())
        p.seed(3); print(p.choice("abcdef"))
        print(random.Random().__class__.__name__)
        """,
        """
        class Dog:
            sound = "woof"
            def speak(self): return f"{self.name} says {self.sound}"
        class Cat:
            sound = "meow"
            def speak(self): return f"{self.name} purrs {self.sound}"
            @property
            def upper(self): return self.name.upper()
        pet = Dog()
        pet.name = "rex"
        pets = [Dog() for _ in range(3)]
        for p in pets: p.name = "d"
        print(pet.speak(), [p.speak() for p in pets])
        pet.__class__ = Cat
        print(type(pet).__name__, pet.sound, pet.speak(), pet.upper, isinstance(pet, Cat), [p.speak() for p in pets])
        for bad in [lambda: setattr(pet, "__class__", 5), lambda: setattr(pet, "__class__", int)]:
            try:
                bad()
            except TypeError as e:
                print("TypeError:", e)
        class S:
            __slots__ = ("a",)
        try:
            pet.__class__ = S
        except TypeError as e:
            print("TypeError:", e)
        """,
        """
        class A:
            def __eq__(self, o):
                print("A.eq")
                return NotImplemented
        class B(A):
            def __eq__(self, o):
                print("B.eq")
                return True
        print(A() != B())
        """,
        """
        class Source:
            def __iter__(self):
                return self
            def __next__(self):
                raise StopIteration("exhausted")
        try:
            next(Source())
        except StopIteration as e:
            print(repr(e), e.value)
        """,
        """
        class Bad:
            def __str__(self):
                raise ValueError("bad str")
        try:
            print("start", 1, Bad(), "end")
        except ValueError as e:
            print("|caught", e)
        """,
        """
        \"\"\"Module docstring.\"\"\"
        from __future__ import annotations
        import __future__


        class Node:
            value: int
            next: Node | None = None

            def link(self, other: Node, weight: dict[str, list[int]] = {}) -> Node:
                return other

            def total(self, *args: int, **kw: "Node") -> float:
                return 0.0


        print(Node().link(Node()) is not None)
        print(Node.link.__annotations__)
        print(Node.total.__annotations__)
        print(Node.__annotations__)
        x: Undefined[int] = 5
        print(__annotations__, x)
        print(__future__.annotations.compiler_flag, __future__.division)
        """,
        """
        # CPython builds an all-constant set display (>=3 items) from a frozenset constant that the
        # compiler re-creates from its own iteration order, so slot placement differs from plain insertion.
        print({6, -3, 5})
        a = 6
        print({a, -3, 5})
        """,
    ]

    /// "Did you mean" after the last line of an uncaught NameError or AttributeError, and the
    /// exceptions' `name` and `obj`.
    static let suggestions = [
        """
        total = 5
        print(totl)
        """,
        """
        def f():
            counter = 1
            return countr + 1
        f()
        """,
        """
        class A:
            def __init__(self): self.value = 1
        A().valeu
        """,
        """
        print(lenn([1]))
        """,
        """
        import math
        math.sqr(2)
        """,
        """
        x = "abc"
        x.uper()
        """,
        """
        class Point: pass
        Point.origin
        """,
        """
        try:
            undefined_thing
        except NameError as e:
            print(e.name, e)
        try:
            [].apend(1)
        except AttributeError as e:
            print(e.name, e.obj, e)
        Prin("x")
        """,
        """
        import collections
        d = collections.defaultdict(list)
        d.appendd(1)
        """,
        """
        def outer():
            Value = 3
            def inner():
                return valeu
            return inner()
        outer()
        """,
        """
        import collections
        d = collections.defaultdict(list)
        o = collections.OrderedDict(a=1)
        print(type(d).__name__, type(o).__name__, type(d), type(o), repr(d), repr(o), type(d).__qualname__)
        class Sub(collections.defaultdict): pass
        print(type(Sub(int)).__name__, Sub(int))
        for bad in [lambda: d + 1, lambda: o.nope]:
            try: bad()
            except Exception as e: print(type(e).__name__, e)
        """,
    ]

    func testCalls() throws { try assertSameAsPython(Self.calls) }
    func testGenerators() throws { try assertSameAsPython(Self.generators) }
    func testClasses() throws { try assertSameAsPython(Self.classes) }
    func testExceptionsAndExitStatus() throws { try assertSameAsPython(Self.exceptions) }
    func testDocstringsSequenceIterationDeletersAndOSErrors() throws { try assertSameAsPython(Self.protocols) }
    func testDataTypesBuiltinsAndModules() throws { try assertSameAsPython(Self.data) }
    func testMetaclassesDescriptorsAndLiveDicts() throws { try assertSameAsPython(Self.metaprogramming) }
    func testStrTablesRandomObjectsOSErrorsAndIntrospection() throws { try assertSameAsPython(Self.introspection) }
    func testDeque() throws { try assertSameAsPython(Self.deque) }
    func testArgumentMessages() throws { try assertSameAsPython(Self.argumentMessages) }
    func testContainerOperators() throws { try assertSameAsPython(Self.containerOperators) }
    func testCPythonCorners() throws { try assertSameAsPython(Self.cpythonCorners) }
    func testProtocolCorners() throws { try assertSameAsPython(Self.protocolCorners) }
    func testObjectCorners() throws { try assertSameAsPython(Self.objectCorners) }
    func testSuggestions() throws { try assertSameAsPython(Self.suggestions) }

    /// The same programs with a collection every few allocations: values the collector cannot
    /// see would be freed under them.
    func testUnderTheCollectorsStressSwitch() throws {
        try assertSameAsPython(
            Self.calls + Self.generators + Self.classes + Self.protocols + Self.exceptions + Self.data + Self.metaprogramming + Self.introspection
                + Self.deque + Self.argumentMessages + Self.containerOperators + Self.cpythonCorners
                + Self.protocolCorners + Self.objectCorners + Self.suggestions,
            stressPeriod: 3)
    }
}
