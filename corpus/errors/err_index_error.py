# jitbench: binary heap implemented on a list; an off-by-one pop on an empty heap ends with an uncaught IndexError
ITEMS = 30_000


def push(heap, value):
    heap.append(value)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent


def pop(heap):
    top = heap[0]
    last = heap.pop()
    if heap:
        heap[0] = last
        i = 0
        n = len(heap)
        while True:
            left = 2 * i + 1
            smallest = i
            if left < n and heap[left] < heap[smallest]:
                smallest = left
            if left + 1 < n and heap[left + 1] < heap[smallest]:
                smallest = left + 1
            if smallest == i:
                break
            heap[i], heap[smallest] = heap[smallest], heap[i]
            i = smallest
    return top


heap = []
x = 1
for _ in range(ITEMS):
    x = (x * 16807) % 2147483647
    push(heap, x % 100000)
out = []
while heap:
    out.append(pop(heap))
print("sorted:", out == sorted(out), "first:", out[:5], "last:", out[-3:])
for k in range(5):
    push(heap, k * 10)
for k in range(6):
    print("popped", pop(heap))
