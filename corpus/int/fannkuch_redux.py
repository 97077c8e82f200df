# jitbench: fannkuch-redux: permutation generation by rotation, prefix flips, checksum
N = 9


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if perm_index % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips, perm_index + 1
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


for n in range(3, N + 1):
    checksum, flips, perms = fannkuch(n)
    print(f"n={n}: checksum {checksum}, max flips {flips}, permutations {perms}")
