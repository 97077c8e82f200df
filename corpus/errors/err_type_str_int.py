# jitbench: report building with str concatenation; ends with an uncaught TypeError adding str and int
ROWS = 300_000

lines = []
total = 0
for i in range(ROWS):
    qty = i % 17
    total += qty
    if i % 30000 == 0:
        lines.append("row " + str(i) + ": qty " + str(qty))
print("\n".join(lines))
print("total quantity: " + str(total))
summary = "rows=" + str(ROWS) + ", average=" + format(total / ROWS, ".4f")
print(summary)
print("grand total: " + total)
