# jitbench: a with statement calls the manager's bound __exit__ (a release build once called the __enter__ result instead)
class Resource:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        print("exit", kind.__name__ if kind else None)
        return kind is KeyError


with Resource():
    print("body")
with Resource() as r:
    raise KeyError("swallowed")
print("after", type(r).__name__)
