# jitbench: objects with __index__ stand for ints in slices, repetition, range, chr/hex, round, list.insert/pop and math, and a non-int __index__ result is a TypeError
class I:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
class Bad:
    def __index__(self): return "x"
print("abcdef"[I(2):], "abcdef"[I(1):I(4):I(2)], [1] * I(2), "ab" * I(3), (1, 2) * I(2))
print(range(I(3)), list(range(I(1), I(7), I(2))), chr(I(65)), hex(I(255)), bin(I(5)), oct(I(8)))
print(round(2.675, I(2)), "x".center(I(5)), [1, 2, 3][I(1)], (1, 2, 3)[I(-1)])
import math, operator
print(math.factorial(I(5)), operator.index(I(7)), "abc".zfill(I(5)))
l = [0, 1, 2, 3]; l.insert(I(1), "i"); print(l, l.pop(I(0)))
for bad in [lambda: "ab"[Bad():], lambda: [1] * Bad(), lambda: range(Bad()), lambda: "ab" * 1.5, lambda: range(1.5)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
