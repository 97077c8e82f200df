# jitbench: recursive generators with yield from: BST traversals, permutations, flattening, subsets, partitions
import random

random.seed(4)
KEYS = 50_000


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(root, key):
    if root is None:
        return Node(key)
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = Node(key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Node(key)
                return root
            node = node.right


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)


def preorder(node, depth=0):
    if node is not None:
        yield node.key, depth
        yield from preorder(node.left, depth + 1)
        yield from preorder(node.right, depth + 1)


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def subsets(items):
    if not items:
        yield ()
        return
    for s in subsets(items[1:]):
        yield s
        yield (items[0],) + s


def partitions(n, largest=None):
    if largest is None:
        largest = n
    if n == 0:
        yield []
        return
    for k in range(min(n, largest), 0, -1):
        for rest in partitions(n - k, k):
            yield [k] + rest


def counted():
    total = yield from range(3)
    return total


root = None
for _ in range(KEYS):
    root = insert(root, random.randrange(1_000_000))
keys = list(inorder(root))
print("inorder sorted:", keys == sorted(keys), "count:", len(keys))
print("first keys:", keys[:6], "last keys:", keys[-3:])
depths = [d for _, d in preorder(root)]
print("max depth:", max(depths), "mean depth: %.4f" % (sum(depths) / len(depths)))
perms = list(permutations([1, 2, 3, 4, 5, 6, 7]))
print("permutations of 7:", len(perms), perms[0], perms[-1])
fixed = sum(1 for p in permutations(list(range(8))) if p[0] < p[-1])
print("perms of 8 with first < last:", fixed)
nested = [1, [2, [3, [4, [5]], 6], 7], [[8, 9], [10]], [], [[[11]]]]
print("flatten:", list(flatten(nested)))
deep = list(range(5))
for _ in range(40):
    deep = [deep, len(deep)]
print("deep flatten sum:", sum(flatten(deep)))
subs = list(subsets(list(range(14))))
print("subsets of 14:", len(subs), "with sum 30:", sum(1 for s in subs if sum(s) == 30))
parts = list(partitions(30))
print("partitions of 30:", len(parts), parts[:3], parts[-2:])
g = counted()
print("yield from values:", list(g))
