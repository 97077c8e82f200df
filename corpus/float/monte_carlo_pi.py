# jitbench: Monte Carlo estimates with random.seed: pi, random walks, Buffon's needle, dice statistics
import math
import random

SAMPLES = 600_000


def estimate_pi(n):
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


def random_walk(steps):
    x = y = 0
    max_dist2 = 0
    for _ in range(steps):
        r = random.randrange(4)
        if r == 0:
            x += 1
        elif r == 1:
            x -= 1
        elif r == 2:
            y += 1
        else:
            y -= 1
        d2 = x * x + y * y
        if d2 > max_dist2:
            max_dist2 = d2
    return x, y, max_dist2


def buffon(n, length=0.8, spacing=1.0):
    crossings = 0
    for _ in range(n):
        center = random.uniform(0, spacing / 2)
        angle = random.uniform(0, math.pi / 2)
        if center <= length / 2 * math.sin(angle):
            crossings += 1
    return 2 * length * n / (spacing * crossings)


random.seed(42)
print(f"pi estimate: {estimate_pi(SAMPLES):.6f}")
for trial in range(3):
    print("walk", trial, random_walk(SAMPLES // 10))
print(f"buffon estimate: {buffon(SAMPLES // 4):.6f}")
counts = [0] * 13
for _ in range(SAMPLES // 4):
    counts[random.randint(1, 6) + random.randint(1, 6)] += 1
for total in range(2, 13):
    print(f"{total:2d}: {counts[total]:6d} {'#' * (counts[total] // 500)}")
gauss = [random.gauss(10.0, 2.0) for _ in range(20000)]
mean = sum(gauss) / len(gauss)
var = sum((g - mean) ** 2 for g in gauss) / (len(gauss) - 1)
print(f"gauss mean {mean:.6f} stdev {math.sqrt(var):.6f}")
deck = list(range(52))
random.shuffle(deck)
print("shuffled head:", deck[:10])
print("sample:", random.sample(range(1000), 8))
print("choice:", [random.choice("abcdef") for _ in range(10)])
