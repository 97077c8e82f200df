# jitbench: building aligned text tables: column widths, ljust/rjust/center, totals, multiplication/ASCII tables
import random

random.seed(77)
ROWS = 2000

PRODUCTS = ["apple", "banana", "cherry", "dragonfruit", "elderberry", "fig", "grape", "honeydew", "kiwi"]
REGIONS = ["north", "south", "east", "west"]


def render(headers, rows, aligns):
    widths = [len(h) for h in headers]
    cells = [[str(c) for c in row] for row in rows]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [sep, "| " + " | ".join(h.center(w) for h, w in zip(headers, widths)) + " |", sep.replace("-", "=")]
    for row in cells:
        parts = []
        for c, w, a in zip(row, widths, aligns):
            parts.append(c.ljust(w) if a == "<" else c.rjust(w) if a == ">" else c.center(w))
        out.append("| " + " | ".join(parts) + " |")
    out.append(sep)
    return "\n".join(out)


sales = []
for _ in range(ROWS):
    sales.append((random.choice(PRODUCTS), random.choice(REGIONS), random.randint(1, 50), random.randint(50, 500) / 100))

totals = {}
for product, region, qty, price in sales:
    key = (product, region)
    q, revenue = totals.get(key, (0, 0.0))
    totals[key] = (q + qty, revenue + qty * price)

rows = []
for product in PRODUCTS:
    line = [product]
    grand = 0.0
    for region in REGIONS:
        q, revenue = totals.get((product, region), (0, 0.0))
        line.append(f"{revenue:,.2f}")
        grand += revenue
    line.append(f"{grand:,.2f}")
    rows.append(line)
col_totals = ["TOTAL"]
for region in REGIONS:
    col_totals.append(f"{sum(totals.get((p, region), (0, 0.0))[1] for p in PRODUCTS):,.2f}")
col_totals.append(f"{sum(v[1] for v in totals.values()):,.2f}")
rows.append(col_totals)
print(render(["product"] + REGIONS + ["total"], rows, "<>>>>>"))

mult = [[str(i)] + [str(i * j) for j in range(1, 13)] for i in range(1, 13)]
print(render(["x"] + [str(j) for j in range(1, 13)], mult, ">" * 13))

ascii_rows = []
for code in range(32, 127, 6):
    ascii_rows.append([code, hex(code), oct(code), bin(code)[2:].zfill(8), repr(chr(code))])
print(render(["dec", "hex", "oct", "bin", "char"], ascii_rows, ">>>>^"))

size = 0
for rep in range(2500):
    random_rows = [[random.choice(PRODUCTS).upper(), random.randint(-999, 999), f"{random.random():.5f}"] for _ in range(40)]
    size += len(render(["NAME", "VALUE", "RATIO"], random_rows, "<>^"))
print("rendered characters:", size)
