# jitbench: __slots__ rejects an attribute it does not name; OrderedDict.fromkeys makes an OrderedDict
from collections import OrderedDict


class Token:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind
        self.text = text


t = Token("name", "x")
try:
    t.other = 1
except AttributeError as e:
    print("slots:", e)
o = OrderedDict.fromkeys("abc", 0)
o.move_to_end("a")
print(type(o).__name__, list(o))
