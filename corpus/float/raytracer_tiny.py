# jitbench: tiny raytracer with Vec/Sphere/Ray classes, shading, shadows and reflection; prints checksums
import math

WIDTH = 160
HEIGHT = 120


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def __repr__(self):
        return f"Vec({self.x:.3f}, {self.y:.3f}, {self.z:.3f})"


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, center, radius, color, reflect=0.0):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        sq = math.sqrt(disc)
        t = -b - sq
        if t > 1e-6:
            return t
        t = -b + sq
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return (p - self.center).normalized()


class Plane:
    def __init__(self, point, normal, color):
        self.point = point
        self.normal = normal.normalized()
        self.color = color
        self.reflect = 0.3

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(1.0, 0.2, 0.2), 0.2),
            Sphere(Vec(-2.2, 0.7, 6.0), 0.7, Vec(0.2, 1.0, 0.2), 0.5),
            Sphere(Vec(2.0, 0.5, 4.0), 0.5, Vec(0.3, 0.3, 1.0)),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), Vec(0.8, 0.8, 0.8)),
        ]
        self.light = Vec(-5.0, 8.0, -2.0)

    def closest(self, ray):
        best_t = math.inf
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < best_t:
                best_t, best = t, obj
        return best, best_t

    def trace(self, ray, depth=0):
        obj, t = self.closest(ray)
        if obj is None:
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.5, 0.7, 1.0) * k + Vec(1.0, 1.0, 1.0) * (1.0 - k)
        p = ray.at(t)
        n = obj.normal_at(p)
        to_light = (self.light - p).normalized()
        shadow_obj, shadow_t = self.closest(Ray(p, to_light))
        lit = shadow_obj is None or shadow_t > (self.light - p).length()
        diffuse = max(0.0, n.dot(to_light)) if lit else 0.0
        color = obj.color * (0.1 + 0.9 * diffuse)
        if obj.reflect > 0 and depth < 3:
            d = ray.direction
            refl = d - n * (2.0 * d.dot(n))
            color = color * (1.0 - obj.reflect) + self.trace(Ray(p, refl), depth + 1) * obj.reflect
        return color


def render(scene, width, height):
    eye = Vec(0.0, 1.5, -1.0)
    pixels = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / height
            y = -(j - height / 2) / height
            row.append(scene.trace(Ray(eye, Vec(x, y, 1.0))))
        pixels.append(row)
    return pixels


def to_byte(c):
    return int(max(0.0, min(1.0, c)) * 255 + 0.5)


scene = Scene()
image = render(scene, WIDTH, HEIGHT)
total = [0, 0, 0]
for row in image:
    for c in row:
        total[0] += to_byte(c.x)
        total[1] += to_byte(c.y)
        total[2] += to_byte(c.z)
print("channel sums:", total)
for j in range(0, HEIGHT, 10):
    print(f"row {j:2d}:", " ".join(f"{to_byte(image[j][i].x):3d}" for i in range(0, WIDTH, 10)))
print("center pixel:", image[HEIGHT // 2][WIDTH // 2])
shades = " .:-=+*#"
for j in range(0, HEIGHT, 4):
    line = ""
    for i in range(0, WIDTH, 2):
        c = image[j][i]
        lum = 0.3 * c.x + 0.59 * c.y + 0.11 * c.z
        line += shades[min(len(shades) - 1, int(lum * len(shades)))]
    print(line)
