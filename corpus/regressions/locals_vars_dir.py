# jitbench: locals(), vars() and dir() without arguments read the calling frame: a module or class namespace, or a function's variables including free ones
name, count = "widgets", 3
print("%(name)s: %(count)d" % locals())
def f(a, b=2, *rest, **kw):
    c = a + b
    def g():
        return c
    print(sorted((k, v) for k, v in locals().items() if k != "g"), dir())
    print("{a}-{b}-{c}".format(**locals()), vars()["a"])
    return g
f(1, 5, 6, k=7)
class K:
    x = 1
    y = sorted(k for k in locals() if not k.startswith("__"))
    print(y, "x" in dir())
print([n for n in dir() if not n.startswith("__")])
def shadow():
    locals = lambda: "mine"
    return locals()
print(shadow())
print((lambda q: sorted(locals()))(9))
print([locals() for i in range(1)] == [{".0": None}] or "comprehension")
