# jitbench: map/filter/sorted with key functions, lambdas, operator getters, reduce, namedtuple records
import functools
import operator
import random
from collections import namedtuple

random.seed(8)
PEOPLE = 50_000

Person = namedtuple("Person", "name age city score")

FIRST = ["ana", "ben", "cleo", "dmitri", "eve", "farid", "gus", "hana", "ivo", "jun"]
CITIES = ["Lima", "Oslo", "Pune", "Kyiv", "Quito", "Accra"]


def make_people(n):
    people = []
    for i in range(n):
        name = random.choice(FIRST).capitalize() + str(i % 97)
        people.append(Person(name, random.randint(18, 90), random.choice(CITIES), round(random.uniform(0, 100), 2)))
    return people


people = make_people(PEOPLE)
adults = list(filter(lambda p: p.age >= 65, people))
print("seniors:", len(adults))
by_age = sorted(people, key=operator.attrgetter("age"))
print("youngest:", by_age[0], "oldest:", by_age[-1])
by_city_score = sorted(people, key=lambda p: (p.city, -p.score, p.name))
print("top of each city:")
seen = set()
for p in by_city_score:
    if p.city not in seen:
        seen.add(p.city)
        print("  ", p)
scores = list(map(operator.attrgetter("score"), people))
print(f"score sum {functools.reduce(operator.add, scores):.2f}, max {max(scores)}, min {min(scores)}")
print("best name:", max(people, key=lambda p: (p.score, p.name)).name)
print("oldest in Oslo:", max((p for p in people if p.city == "Oslo"), key=operator.itemgetter(1), default=None))
print("nobody older than 100:", max((p for p in people if p.age > 100), key=lambda p: p.age, default="none"))
ages_product_mod = functools.reduce(lambda acc, p: acc * p.age % 1_000_003, people, 1)
print("product of ages mod 1000003:", ages_product_mod)
pairs = sorted(zip(map(len, (p.name for p in people)), range(len(people))), reverse=True)[:5]
print("longest names at:", pairs)
stable = sorted(people[:200], key=lambda p: p.age // 10)
print("stable decade sort head:", [(p.age, p.name) for p in stable[:6]])
words = "the quick brown fox jumps over the lazy dog and keeps running far away".split()
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (-len(w), w)))
print(sorted(words, key=str.lower, reverse=True)[:5])
nums = list(range(-10, 11))
print(sorted(nums, key=abs))
print(list(map(lambda a, b: a * b, range(5), range(10, 15))))
print(list(filter(None, [0, 1, "", "x", None, [], [0], 0.0, 2.5])))
grouped = {}
for p in people:
    grouped.setdefault(p.city, []).append(p.age)
for city, ages in sorted(grouped.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
    print(f"{city:6s} mean age {sum(ages) / len(ages):.4f} n={len(ages)}")
rows = [(random.randint(0, 9), random.randint(0, 9), i) for i in range(PEOPLE)]
rows.sort(key=operator.itemgetter(1))
rows.sort(key=operator.itemgetter(0))
print("multi-pass sort checksum:", sum(i * r[2] for i, r in enumerate(rows)) % 1_000_000_007)
print(Person._fields, people[0]._asdict()["city"], people[1]._replace(age=0))
