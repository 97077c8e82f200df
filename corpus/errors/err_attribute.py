# jitbench: linked-list search returning None for a missing key; ends with an uncaught AttributeError
NODES = 20_000


class Node:
    def __init__(self, key, value, next_node=None):
        self.key = key
        self.value = value
        self.next = next_node


def build(n):
    head = None
    for i in range(n):
        head = Node(i * 3, f"value-{i}", head)
    return head


def find(head, key):
    node = head
    while node is not None:
        if node.key == key:
            return node
        node = node.next
    return None


head = build(NODES)
found = 0
for k in range(0, 3 * NODES, 311):
    node = find(head, k)
    if node is not None:
        found += 1
print("found", found, "keys")
print("key 300:", find(head, 300).value)
print("key 301:", find(head, 301).value)
