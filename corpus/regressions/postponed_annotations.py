# jitbench: from __future__ import annotations keeps annotations as the strings of their source (forward references work), and __future__ is a module
from __future__ import annotations
import __future__


class Node:
    value: int
    next: Node | None = None

    def link(self, other: Node, weight: dict[str, list[int]] = {}) -> Node:
        return other

    def total(self, *args: int, **kw: "Node") -> float:
        return 0.0


print(Node().link(Node()) is not None)
print(Node.link.__annotations__)
print(Node.total.__annotations__)
print(Node.__annotations__)
x: Undefined[int] = 5
print(__annotations__, x)
print(__future__.annotations.compiler_flag, __future__.division)
