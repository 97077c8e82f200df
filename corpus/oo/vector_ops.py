# jitbench: operator overloading on small Vector/Matrix classes used in a particle simulation
import math

STEPS = 1000
PARTICLES = 120


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __eq__(self, other):
        return isinstance(other, Vector) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __iter__(self):
        yield self.x
        yield self.y

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __len__(self):
        return 2

    def __repr__(self):
        return f"Vector({self.x:.4f}, {self.y:.4f})"


class Matrix:
    def __init__(self, a, b, c, d):
        self.a, self.b, self.c, self.d = a, b, c, d

    def __matmul__(self, other):
        if isinstance(other, Matrix):
            return Matrix(self.a * other.a + self.b * other.c, self.a * other.b + self.b * other.d,
                          self.c * other.a + self.d * other.c, self.c * other.b + self.d * other.d)
        return Vector(self.a * other.x + self.b * other.y, self.c * other.x + self.d * other.y)

    def __pow__(self, n):
        result = Matrix(1, 0, 0, 1)
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    @staticmethod
    def rotation(theta):
        c, s = math.cos(theta), math.sin(theta)
        return Matrix(c, -s, s, c)

    def __repr__(self):
        return f"Matrix({self.a}, {self.b}, {self.c}, {self.d})"


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self, center, dt):
        offset = center - self.pos
        dist = abs(offset)
        if dist > 1e-9:
            self.vel += offset * (dt / (dist * dist + 0.1))
        self.vel = self.vel * 0.999
        self.pos += self.vel * dt


rot = Matrix.rotation(2 * math.pi / PARTICLES)
p = Vector(1.0, 0.0)
particles = []
for i in range(PARTICLES):
    particles.append(Particle(p * (1 + i % 5), Vector(-p.y, p.x) * 0.3))
    p = rot @ p
print("after full rotation:", p, "equal to start (rounded):", Vector(round(p.x, 9), round(p.y, 9)) == Vector(1.0, 0.0))
for step in range(1, STEPS + 1):
    total = Vector()
    for q in particles:
        total += q.pos
    center = total / len(particles)
    for q in particles:
        q.step(center, 0.01)
    if step % 100 == 0:
        energy = sum(q.vel * q.vel for q in particles) * 0.5
        spread = max(abs(q.pos - center) for q in particles)
        print(f"step {step}: center {center}, energy {energy:.6f}, spread {spread:.6f}")
x, y = particles[0].pos
print("unpacked:", round(x, 6), round(y, 6), "len:", len(particles[0].pos), "index:", round(particles[3].pos[1], 6))
fib = Matrix(1, 1, 1, 0) ** 80
print("fibonacci via matrix power:", fib.b)
print("truthiness:", bool(Vector()), bool(Vector(0.0, 1.0)), -Vector(1, 2), 3 * Vector(1, 2))
print("distinct hashed vectors:", len({Vector(i % 3, i % 2) for i in range(30)}))
