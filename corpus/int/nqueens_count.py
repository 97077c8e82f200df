# jitbench: N-queens solution counting with list-based backtracking and bitmask backtracking
SIZE = 11


def queens_lists(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n
    count = 0
    first = None

    def place(row):
        nonlocal count, first
        if row == n:
            count += 1
            if first is None:
                first = list(placement)
            return
        for c in range(n):
            if not cols[c] and not diag1[row + c] and not diag2[row - c + n]:
                cols[c] = diag1[row + c] = diag2[row - c + n] = True
                placement[row] = c
                place(row + 1)
                cols[c] = diag1[row + c] = diag2[row - c + n] = False

    place(0)
    return count, first


def queens_bits(n):
    full = (1 << n) - 1

    def solve(cols, ld, rd):
        if cols == full:
            return 1
        total = 0
        avail = full & ~(cols | ld | rd)
        while avail:
            bit = avail & -avail
            avail -= bit
            total += solve(cols | bit, ((ld | bit) << 1) & full, (rd | bit) >> 1)
        return total

    return solve(0, 0, 0)


for n in range(4, SIZE + 1):
    c, first = queens_lists(n)
    print(f"{n} queens: {c} solutions, first {first}")
for n in range(4, SIZE + 2):
    print(f"{n} queens (bitmask): {queens_bits(n)}")
