# jitbench: recursive list flattening that works on normal input, then hits unbounded recursion (RecursionError)
def depth(obj):
    if isinstance(obj, list):
        return 1 + max((depth(x) for x in obj), default=0)
    return 0


def flatten(obj, out):
    if isinstance(obj, list):
        for x in obj:
            flatten(x, out)
    else:
        out.append(obj)
    return out


total = 0
for n in range(40000):
    nested = [n, [n + 1, [n + 2, [n + 3]], n + 4], [[n + 5]]]
    total += sum(flatten(nested, []))
print("flattened total:", total, "depth:", depth(nested))

tree = [1, [2, [3, [4, [5]]]]]
print("flatten:", flatten(tree, []), "depth:", depth(tree))


def count_down(n):
    # the base case test is wrong: it never triggers for odd n
    if n == 0:
        return 0
    return 1 + count_down(n - 2)


print("count_down(10):", count_down(10))
print("count_down(7):")
print(count_down(7))
