# jitbench: a set display of constants, set(s), frozenset(s) and {*s} lay out their tables as CPython's (a constant frozenset merged in, a set's table merged), so they print in the same order
a = set([8, 16, 32, 64, 128])
print(a, set(a), frozenset(a), a.copy(), a | set(), set().union(a))
b = set()
b.update(a)
print(b)
print({8, 16, 32, 64, 128}, {8, 16}, {*a}, {8, 16, 32, *a})
x = 8
print({x, 16, 32, 64, 128})
print(frozenset({8, 16, 32, 64, 128}))
s = {1, 2, 3, 9, 17, 33, 65}
print(s, set(s), {1, 2, 3, 9, 17, 33, 65})
print({"a", "b"} == {"b", "a"}, {1.5, 2.5, 3.5, 9.5})
fs = frozenset([3, 11, 19])
print(frozenset(fs) is fs, set(dict.fromkeys([40, 8, 24, 16])))
