# jitbench: bit manipulation: popcount variants, bit reversal, gray codes, xorshift PRNG in 32/64 bits
ROUNDS = 60_000
MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF


def popcount_kernighan(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


def popcount_swar(x):
    x = x - ((x >> 1) & 0x55555555)
    x = (x & 0x33333333) + ((x >> 2) & 0x33333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F
    return ((x * 0x01010101) & MASK32) >> 24


def reverse_bits32(x):
    r = 0
    for _ in range(32):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


def xorshift32(state):
    state ^= (state << 13) & MASK32
    state ^= state >> 17
    state ^= (state << 5) & MASK32
    return state


def xorshift64(state):
    state ^= (state << 13) & MASK64
    state ^= state >> 7
    state ^= (state << 17) & MASK64
    return state


def main():
    s32 = 2463534242
    s64 = 88172645463325252
    pc_total = 0
    rev_xor = 0
    mismatches = 0
    for i in range(ROUNDS):
        s32 = xorshift32(s32)
        s64 = xorshift64(s64)
        a = popcount_kernighan(s32)
        b = popcount_swar(s32)
        if a != b:
            mismatches += 1
        pc_total += a + popcount_kernighan(s64)
        rev_xor ^= reverse_bits32(s32) if i % 4 == 0 else s32
        if i % 10000 == 0:
            print(f"{i:6d} {s32:08x} {s64:016x} pc={a}")
    print("popcount total:", pc_total, "mismatches:", mismatches)
    print("reversed xor:", hex(rev_xor))
    gray = [i ^ (i >> 1) for i in range(16)]
    print("gray codes:", [format(g, "04b") for g in gray])
    ok = all(popcount_kernighan(gray[i] ^ gray[i + 1]) == 1 for i in range(15))
    print("gray adjacency ok:", ok)
    print("lowest set bits:", [x & -x for x in (12, 40, 96, 1 << 40, 7)])
    print("bit lengths:", [(1 << k).bit_length() for k in (0, 31, 32, 62, 63, 64)])
    print("final states:", s32, s64)


main()
