# jitbench: leaving an except block restores the previously handled exception (a release build once left the old one as __context__)
try:
    raise KeyError("a")
except KeyError:
    pass
try:
    raise ValueError("b")
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")
except ValueError as e:
    print(repr(e.__context__))
