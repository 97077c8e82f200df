# jitbench: try/finally interacting with return, break and continue in loops; finally overriding results
ITER = 400_000

log = []


def return_in_try(x):
    try:
        return x * 2
    finally:
        log.append(x)


def finally_overrides(x):
    try:
        return "try"
    finally:
        if x % 2:
            return "finally"


def break_in_finally(n):
    count = 0
    for i in range(n):
        try:
            if i == 7:
                raise RuntimeError("swallowed by break")
            count += 1
        finally:
            if i == 7:
                break
    return count


def continue_in_try(n):
    total = 0
    cleanups = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i % 5 == 0:
                break_now = i > n - 10
                if break_now:
                    break
            total += i
        finally:
            cleanups += 1
    return total, cleanups


def nested_finally(n):
    order = []
    for i in range(n):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    return order + ["early"]
                order.append(f"body{i}")
            finally:
                order.append(f"inner{i}")
        finally:
            order.append(f"outer{i}")
    return order


def exception_through_finally(x):
    steps = []
    try:
        try:
            steps.append("start")
            if x:
                raise ValueError(x)
            steps.append("no error")
        finally:
            steps.append("cleanup")
    except ValueError as e:
        steps.append(f"handled {e}")
    return steps


def while_with_finally(limit):
    i = 0
    hits = 0
    while True:
        try:
            i += 1
            if i % 2:
                continue
            if i > limit:
                break
            hits += i
        finally:
            hits += 1
    return i, hits


def generator_cleanup():
    events = []

    def gen():
        try:
            for k in range(10):
                yield k
        finally:
            events.append("gen closed")

    g = gen()
    for v in g:
        if v == 3:
            break
    events.append(f"stopped at {v}")
    g.close()
    return events


acc = 0
for i in range(ITER):
    acc += return_in_try(i)
print("return in try:", acc, len(log), log[:3], log[-1])
print("finally overrides:", [finally_overrides(i) for i in range(4)])
overrides = sum(1 for i in range(ITER) if finally_overrides(i) == "finally")
print("override count:", overrides)
print("break in finally:", break_in_finally(100))
print("continue in try:", continue_in_try(ITER))
print("nested finally:", nested_finally(6))
print("through finally:", exception_through_finally(0), exception_through_finally(5))
print("while with finally:", while_with_finally(ITER))
print("generator cleanup:", generator_cleanup())
total = 0
for i in range(ITER // 4):
    total += len(exception_through_finally(i % 3))
print("steps total:", total)
