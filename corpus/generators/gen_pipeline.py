# jitbench: generator pipelines over synthetic log records: parse, filter, transform, window, aggregate
from collections import Counter, defaultdict

RECORDS = 120_000

SERVICES = ["auth", "billing", "search", "upload", "profile"]
LEVELS = ["DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR"]


def synthetic_lines(n, seed=17):
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        service = SERVICES[x % len(SERVICES)]
        level = LEVELS[(x >> 8) % len(LEVELS)]
        latency = (x >> 4) % 900 + 5
        user = (x >> 12) % 250
        yield f"{i:07d}|{service}|{level}|user{user}|{latency}ms"


def parse(lines):
    for line in lines:
        seq, service, level, user, latency = line.split("|")
        yield {"seq": int(seq), "service": service, "level": level,
               "user": user, "latency": int(latency[:-2])}


def only_levels(records, levels):
    return (r for r in records if r["level"] in levels)


def slow(records, threshold):
    for r in records:
        if r["latency"] >= threshold:
            yield r


def windowed_average(values, size):
    window = []
    total = 0
    for v in values:
        window.append(v)
        total += v
        if len(window) > size:
            total -= window.pop(0)
        if len(window) == size:
            yield total / size


def take(n, iterable):
    out = []
    for item in iterable:
        if len(out) >= n:
            break
        out.append(item)
    return out


def main():
    records = parse(synthetic_lines(RECORDS))
    per_service = defaultdict(list)
    levels = Counter()
    users = Counter()
    for r in records:
        per_service[r["service"]].append(r["latency"])
        levels[r["level"]] += 1
        users[r["user"]] += 1
    for service in sorted(per_service):
        lat = per_service[service]
        print(f"{service:8s} n={len(lat):6d} mean={sum(lat) / len(lat):8.3f} max={max(lat)}")
    print("levels:", sorted(levels.items()))
    print("busiest users:", users.most_common(3))

    problems = only_levels(parse(synthetic_lines(RECORDS)), {"WARN", "ERROR"})
    slow_problems = slow(problems, 850)
    first = take(5, slow_problems)
    for r in first:
        print("  slow problem:", r["seq"], r["service"], r["level"], r["latency"])
    remaining = sum(1 for _ in slow_problems)
    print("remaining slow problems after the first five:", remaining)

    latencies = (r["latency"] for r in parse(synthetic_lines(RECORDS // 4)))
    peaks = 0
    best = 0.0
    for avg in windowed_average(latencies, 50):
        if avg > best:
            best = avg
            peaks += 1
    print(f"best 50-window average {best:.4f} reached through {peaks} records")
    squares = sum(x * x for x in range(1000) if x % 3 == 0)
    evens = list(x for x in map(lambda r: r["latency"], parse(synthetic_lines(20))) if x % 2 == 0)
    print("squares:", squares, "even latencies:", evens)


if __name__ == "__main__":
    main()
