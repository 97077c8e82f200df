# jitbench: hash-free checksums written by hand: Adler-32, Fletcher-16, CRC-32 table, FNV-1a over ints
LENGTH = 600_000


def make_data(n):
    data = []
    x = 12345
    for _ in range(n):
        x = (x * 214013 + 2531011) & 0xFFFFFFFF
        data.append((x >> 16) & 0xFF)
    return data


def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fletcher16(data):
    s1 = s2 = 0
    for byte in data:
        s1 = (s1 + byte) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c >>= 1
        table.append(c)
    return table


TABLE = crc_table()


def crc32(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc = TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


data = make_data(LENGTH)
print("first bytes:", data[:12])
for size in (1, 10, 100, 1000, LENGTH):
    chunk = data[:size]
    print(f"{size:6d}: adler32={adler32(chunk):08x} fletcher16={fletcher16(chunk):04x} "
          f"crc32={crc32(chunk):08x} fnv1a64={fnv1a64(chunk):016x}")
text = [ord(c) for c in "The quick brown fox jumps over the lazy dog"]
print("crc32(fox) =", hex(crc32(text)))
print("adler32(fox) =", hex(adler32(text)))
