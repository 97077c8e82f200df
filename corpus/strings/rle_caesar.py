# jitbench: run-length encoding/decoding, Caesar and Vigenere ciphers, frequency-analysis cracking
from collections import Counter

LENGTH = 100_000

PLAIN = ("it was a bright cold day in april and the clocks were striking thirteen "
         "the hallway smelt of boiled cabbage and old rag mats at one end of it a coloured poster "
         "too large for indoor display had been tacked to the wall ")


def rle_encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev = ch
            count = 1
    out.append(f"{count}{prev}")
    return "".join(out)


def rle_decode(s):
    out = []
    num = 0
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        else:
            out.append(ch * num)
            num = 0
    return "".join(out)


def caesar(s, shift):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(s, key, decrypt=False):
    shifts = [ord(k) - 97 for k in key]
    out = []
    i = 0
    for ch in s:
        if ch.isalpha():
            sh = shifts[i % len(shifts)]
            out.append(chr((ord(ch) - 97 + (-sh if decrypt else sh)) % 26 + 97))
            i += 1
        else:
            out.append(ch)
    return "".join(out)


ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"


def crack_caesar(cipher):
    best_shift, best_score = 0, -1
    for shift in range(26):
        candidate = caesar(cipher, -shift)
        counts = Counter(ch for ch in candidate if ch.isalpha())
        score = sum(counts[c] * (26 - i) for i, c in enumerate(ENGLISH))
        if score > best_score:
            best_shift, best_score = shift, score
    return best_shift


def make_runs(n, seed=3):
    x = seed
    parts = []
    total = 0
    while total < n:
        x = (x * 1664525 + 1013904223) % 2 ** 32
        ch = "abcdef"[x % 6]
        k = (x >> 8) % 12 + 1
        parts.append(ch * k)
        total += k
    return "".join(parts)[:n]


data = make_runs(LENGTH)
enc = rle_encode(data)
print("rle:", len(data), "->", len(enc), "ratio %.4f" % (len(enc) / len(data)))
print("rle head:", enc[:60])
print("round trip:", rle_decode(enc) == data)
print("samples:", [rle_encode(s) for s in ("", "a", "aaaabbbcca", "abc", "zzzzzzzzzzzz")])

text = PLAIN * (LENGTH // len(PLAIN))
for shift in (3, 13, 25):
    c = caesar(text, shift)
    print(f"shift {shift:2d}: {c[:48]!r} cracked={crack_caesar(c[:6000])} ok={caesar(c, -shift) == text}")
print("rot13 twice:", caesar(caesar("Hello, World!", 13), 13))
key = "orwell"
v = vigenere(text, key)
print("vigenere:", v[:60])
print("vigenere round trip:", vigenere(v, key, decrypt=True) == text)
freq = Counter(ch for ch in v if ch.isalpha())
print("vigenere flattens frequencies:", sorted(freq.values())[-3:], "vs plain", sorted(Counter(ch for ch in text if ch.isalpha()).values())[-3:])
