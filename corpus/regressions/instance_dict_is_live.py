# jitbench: obj.__dict__ is the instance's own namespace: updates through it show as attributes (it was once a copy)
class Options:
    def __init__(self, **settings):
        self.__dict__.update(settings)

    def describe(self):
        return ", ".join(f"{k}={v}" for k, v in sorted(vars(self).items()))


opts = Options(width=80, color="red")
print(opts.width, opts.color, opts.describe())
opts.height = 24
opts.__dict__["depth"] = 3
del opts.color
print(opts.describe(), hasattr(opts, "color"), opts.depth)
opts.__dict__ = {"fresh": True}
print(opts.describe())
