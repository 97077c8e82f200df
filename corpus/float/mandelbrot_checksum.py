# jitbench: Mandelbrot set escape iteration on a grid, row checksums and a tiny ASCII preview
WIDTH = 480
HEIGHT = 320
MAX_ITER = 80


def escape(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def render(width, height, limit):
    rows = []
    for y in range(height):
        ci = -1.2 + 2.4 * y / height
        row = [escape(-2.1 + 3.0 * x / width, ci, limit) for x in range(width)]
        rows.append(row)
    return rows


grid = render(WIDTH, HEIGHT, MAX_ITER)
inside = sum(row.count(MAX_ITER) for row in grid)
print("points inside:", inside, "of", WIDTH * HEIGHT)
print("area estimate: %.5f" % (inside / (WIDTH * HEIGHT) * 3.0 * 2.4))
for y in range(0, HEIGHT, HEIGHT // 10):
    print(f"row {y:3d}: sum={sum(grid[y]):6d} max={max(grid[y]):3d}")
checksum = 0
for row in grid:
    for v in row:
        checksum = (checksum * 31 + v) % 1_000_000_007
print("checksum:", checksum)

chars = " .:-=+*#%@"
preview = render(60, 20, 30)
for row in preview:
    print("".join(chars[min(v * len(chars) // 31, len(chars) - 1)] for v in row))
