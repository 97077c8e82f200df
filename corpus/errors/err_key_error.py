# jitbench: order fulfilment against a stock dict; ends with an uncaught KeyError for a string key
ORDERS = 250_000

stock = {"widget": 10**9, "gadget": 10**9, "sprocket": 10**9, "flange": 10**9}
prices = {"widget": 3, "gadget": 11, "sprocket": 7, "flange": 5}
names = list(stock)

revenue = 0
for i in range(ORDERS):
    name = names[(i * 7) % len(names)]
    qty = i % 5 + 1
    stock[name] -= qty
    revenue += prices[name] * qty
print("revenue:", revenue)
print("stock left:", sorted(stock.items()))


def fulfil(order):
    total = 0
    for name, qty in order:
        stock[name] -= qty
        total += prices[name] * qty
        print(f"  shipped {qty} x {name}")
    return total


print("order 1:", fulfil([("widget", 2), ("flange", 1)]))
print("order 2:", fulfil([("gadget", 1), ("gizmo", 4), ("widget", 1)]))
