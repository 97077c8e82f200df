# jitbench: generator coroutines with send(), throw(), close(), return values and yield-from delegation
SAMPLES = 500_000


def running_stats():
    count = 0
    total = 0.0
    lo = hi = None
    value = yield None
    while True:
        count += 1
        total += value
        lo = value if lo is None or value < lo else lo
        hi = value if hi is None or value > hi else hi
        value = yield (count, total / count, lo, hi)


def accumulator():
    total = 0
    while True:
        item = yield
        if item is None:
            return total
        total += item


def delegate(results):
    while True:
        total = yield from accumulator()
        results.append(total)


class Reset(Exception):
    pass


def resettable_counter():
    n = 0
    while True:
        try:
            step = yield n
            n += step if step is not None else 1
        except Reset:
            n = 0
        finally:
            pass


def tokenizer_fsm():
    """Consume characters one by one, produce a list of completed tokens when sent None."""
    tokens = []
    current = ""
    kind = None
    while True:
        ch = yield
        if ch is None:
            if current:
                tokens.append((kind, current))
            return tokens
        new_kind = "num" if ch.isdigit() else "word" if ch.isalpha() else None
        if new_kind == kind and kind is not None:
            current += ch
        else:
            if current:
                tokens.append((kind, current))
            current = ch if new_kind else ""
            kind = new_kind


def primed(gen):
    next(gen)
    return gen


stats = primed(running_stats())
x = 1
result = None
for i in range(SAMPLES):
    x = (x * 48271) % 2147483647
    result = stats.send((x % 10000) / 100.0)
    if i % 50000 == 0:
        print(f"after {result[0]:6d}: mean {result[1]:.5f} min {result[2]} max {result[3]}")
print("final:", result[0], round(result[1], 6))

results = []
d = primed(delegate(results))
for group in range(200):
    for k in range(group % 17 + 1):
        d.send(k * group)
    d.send(None)
print("group totals:", len(results), results[:8], sum(results))

c = resettable_counter()
seen = [next(c)]
resets = 0
for k in range(1, 150000):
    if k % 997 == 0:
        resets += 1 + c.throw(Reset)
    else:
        v = c.send(k % 5)
        if k % 4999 == 0:
            seen.append(v)
c.close()
print("resets:", resets, "counter samples:", seen)
try:
    next(c)
except StopIteration:
    print("closed counter raises StopIteration")

text = "abc 123 def45 6g7 hello world 2024x " * 300
fsm = primed(tokenizer_fsm())
try:
    for ch in text:
        fsm.send(ch)
    fsm.send(None)
except StopIteration as stop:
    tokens = stop.value
print("tokens:", len(tokens), tokens[:7])
print("numbers sum:", sum(int(t) for k, t in tokens if k == "num"))
