# jitbench: rational numbers written by hand: gcd normalization, arithmetic dunders, ordering, hashing, series
N_TERMS = 2500


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    __slots__ = ("num", "den")

    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den)
        self.num = num // g
        self.den = den // g

    @classmethod
    def coerce(cls, value):
        if isinstance(value, Frac):
            return value
        if isinstance(value, int):
            return cls(value)
        return NotImplemented

    def __add__(self, other):
        other = Frac.coerce(other)
        if other is NotImplemented:
            return other
        return Frac(self.num * other.den + other.num * self.den, self.den * other.den)

    __radd__ = __add__

    def __sub__(self, other):
        other = Frac.coerce(other)
        return Frac(self.num * other.den - other.num * self.den, self.den * other.den)

    def __rsub__(self, other):
        return Frac.coerce(other) - self

    def __mul__(self, other):
        other = Frac.coerce(other)
        return Frac(self.num * other.num, self.den * other.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = Frac.coerce(other)
        return Frac(self.num * other.den, self.den * other.num)

    def __rtruediv__(self, other):
        return Frac.coerce(other) / self

    def __neg__(self):
        return Frac(-self.num, self.den)

    def __abs__(self):
        return Frac(abs(self.num), self.den)

    def __pow__(self, n):
        if n >= 0:
            return Frac(self.num ** n, self.den ** n)
        return Frac(self.den ** -n, self.num ** -n)

    def __eq__(self, other):
        other = Frac.coerce(other)
        if other is NotImplemented:
            return False
        return self.num == other.num and self.den == other.den

    def __lt__(self, other):
        other = Frac.coerce(other)
        return self.num * other.den < other.num * self.den

    def __le__(self, other):
        return self == other or self < other

    def __hash__(self):
        if self.den == 1:
            return hash(self.num)
        return hash((self.num, self.den))

    def __float__(self):
        return self.num / self.den

    def __int__(self):
        return int(self.num / self.den) if abs(self.num) < 2 ** 52 else self.num // self.den

    def __repr__(self):
        return f"Frac({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"


def harmonic(n):
    h = Frac(0)
    for k in range(1, n + 1):
        h += Frac(1, k)
    return h


def bernoulli(n):
    a = [Frac(0)] * (n + 1)
    out = []
    for m in range(n + 1):
        a[m] = Frac(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        out.append(a[0])
    return out


def egyptian(f):
    parts = []
    while f.num != 0:
        d = -(-f.den // f.num)
        parts.append(d)
        f = f - Frac(1, d)
    return parts


def sqrt2_convergents(k):
    x = Frac(1)
    out = []
    for _ in range(k):
        x = 1 + 1 / (1 + x)
        out.append(x)
    return out


h = harmonic(N_TERMS)
print(f"H({N_TERMS}) numerator digits {len(str(h.num))}, denominator digits {len(str(h.den))}, float {float(h):.12f}")
for n in (1, 2, 3, 4, 5, 10, 20):
    print(f"H({n}) = {harmonic(n)}")
bs = bernoulli(30)
print("Bernoulli:", ", ".join(str(b) for b in bs[:13]))
print("B30 =", bs[30])
print("egyptian 4/13:", egyptian(Frac(4, 13)), "5/121:", egyptian(Frac(5, 121)))
conv = sqrt2_convergents(40)
print("sqrt2 convergents:", [str(c) for c in conv[:8]])
print(f"error of 40th: {abs(float(conv[-1]) - 2 ** 0.5):.3e}")
print("numerator longer count:", sum(1 for c in conv if len(str(c.num)) > len(str(c.den))))
values = [Frac(k * 7 % 11 - 5, k % 6 + 1) for k in range(1, 40)]
print("sorted:", " ".join(str(v) for v in sorted(values)[:12]))
print("max, min:", max(values), min(values), "sum:", sum(values, Frac(0)))
print("distinct:", len(set(values)), "hash(Frac(6,3)) == hash(2):", hash(Frac(6, 3)) == hash(2))
print("mixed:", Frac(1, 3) + 1, 2 - Frac(1, 3), 3 * Frac(2, 9), 1 / Frac(3, 4), Frac(2, 3) ** -2)
print("comparisons:", Frac(1, 3) < Frac(1, 2), Frac(2, 4) == Frac(1, 2), Frac(3) == 3, Frac(1, 2) <= Frac(1, 2))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("caught:", e)
