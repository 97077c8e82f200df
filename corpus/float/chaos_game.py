# jitbench: chaos game fractals (Sierpinski triangle, Barnsley fern) with random.seed, grid histograms
import random

POINTS = 400_000


def sierpinski(n, size):
    verts = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.8660254037844386)]
    grid = [[0] * size for _ in range(size)]
    x, y = 0.3, 0.3
    for i in range(n):
        vx, vy = verts[random.randrange(3)]
        x = (x + vx) * 0.5
        y = (y + vy) * 0.5
        if i > 20:
            grid[int(y * (size - 1))][int(x * (size - 1))] += 1
    return grid


def fern(n, size):
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for _ in range(n):
        r = random.random()
        if r < 0.01:
            x, y = 0.0, 0.16 * y
        elif r < 0.86:
            x, y = 0.85 * x + 0.04 * y, -0.04 * x + 0.85 * y + 1.6
        elif r < 0.93:
            x, y = 0.2 * x - 0.26 * y, 0.23 * x + 0.22 * y + 1.6
        else:
            x, y = -0.15 * x + 0.28 * y, 0.26 * x + 0.24 * y + 0.44
        gx = int((x + 2.75) / 5.5 * (size - 1))
        gy = int(y / 10.0 * (size - 1))
        grid[gy][gx] += 1
    return grid, x, y


random.seed(7)
tri = sierpinski(POINTS, 32)
occupied = sum(1 for row in tri for v in row if v)
print("sierpinski occupied cells:", occupied, "of", 32 * 32)
for row in reversed(tri[::2]):
    print("".join("#" if v else "." for v in row[::1]))
fgrid, fx, fy = fern(POINTS, 40)
print(f"fern final point: ({fx:.6f}, {fy:.6f})")
print("fern row sums:", [sum(r) for r in fgrid[::4]])
print("fern busiest cell:", max(max(r) for r in fgrid))
for row in reversed(fgrid[::3]):
    print("".join("*" if v > 20 else ("." if v else " ") for v in row))
