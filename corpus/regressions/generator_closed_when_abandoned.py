# jitbench: a suspended generator whose yield sits in try/finally runs its finally when the last reference goes: on break, return and exceptions out of `for x in gen()`, on `del`, and at exit in creation order
def gen(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup", tag)


for x in gen("break"):
    if x == 2:
        break
print("after break")


def first():
    for x in gen("return"):
        return x


print("first", first())

try:
    for x in gen("raise"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

g = gen("del")
next(g)
del g
print("after del")


def local_delete():
    g2 = gen("local del")
    next(g2)
    del g2
    print("local delete done")


local_delete()

# Another reference keeps the generator open.
saved = gen("saved")
for x in iter(saved):
    break
print("saved still open:", next(saved))


def outer():
    for x in gen("inside a closed generator"):
        yield x


o = outer()
next(o)
o.close()
print("closed outer")

late = gen("at exit, made second")
next(late)
earlier = [gen("at exit, made third")]
next(earlier[0])
print("end")
