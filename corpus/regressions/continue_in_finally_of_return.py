# jitbench: break and continue in a finally body run for a return drop the return value (the loop once found it where its iterator should be)
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f())
def g():
    for i in range(5):
        try:
            return i
        finally:
            if i < 3:
                continue
            break
    return "broke"
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    for i in range(3):
        for j in range(3):
            try:
                try:
                    return (i, j)
                finally:
                    if j < 2: continue
            finally:
                if i < 1: break
    return "end"
print(k())
def w():
    while True:
        try:
            return "w"
        finally:
            break
    return "after"
print(w())
