# jitbench: exception propagating out of nested calls through finally blocks that print; ends with ValueError
ITEMS = 200_000


def parse_all(tokens):
    values = []
    try:
        for t in tokens:
            values.append(int(t, 16))
    finally:
        print("parsed", len(values), "tokens before stopping")
    return values


def checksum(values):
    c = 0
    for v in values:
        c = (c * 33 + v) % 1_000_000_007
    return c


good = [format(i * 37, "x") for i in range(ITEMS)]
print("checksum:", checksum(parse_all(good)))
bad = good[:1000] + ["12g4"] + good[1000:]
try:
    print("checksum:", checksum(parse_all(bad)))
finally:
    print("outer finally")
