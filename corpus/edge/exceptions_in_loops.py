# jitbench: exceptions raised, caught, re-raised and chained inside hot loops; custom hierarchies; else/finally
ITER = 250_000


class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}")
        self.field = field
        self.value = value


class RetryableError(AppError):
    pass


def parse_record(i):
    if i % 17 == 0:
        raise ValidationError("id", i)
    if i % 23 == 0:
        raise RetryableError(f"busy {i}")
    if i % 31 == 0:
        return int("x" + str(i))
    if i % 37 == 0:
        return [1, 2, 3][i % 5]
    if i % 41 == 0:
        return {"a": 1}["missing-" + str(i % 3)]
    return i * 2


def process(n):
    ok = 0
    counts = {}
    total = 0
    finally_runs = 0
    else_runs = 0
    for i in range(1, n):
        try:
            total += parse_record(i)
        except ValidationError as e:
            counts["validation:" + e.field] = counts.get("validation:" + e.field, 0) + 1
        except AppError as e:
            counts[type(e).__name__] = counts.get(type(e).__name__, 0) + 1
        except (ValueError, IndexError) as e:
            counts[type(e).__name__] = counts.get(type(e).__name__, 0) + 1
        except LookupError as e:
            counts["lookup:" + str(e)] = counts.get("lookup:" + str(e), 0) + 1
        else:
            ok += 1
            else_runs += 1
        finally:
            finally_runs += 1
    return ok, total, counts, finally_runs, else_runs


def with_retries(i, attempts):
    last = None
    for attempt in range(attempts):
        try:
            if (i + attempt) % 4 != 0:
                raise RetryableError(f"attempt {attempt}")
            return attempt
        except RetryableError as e:
            last = e
            continue
    raise AppError(f"gave up on {i}") from last


def wrap_errors(n):
    chained = 0
    contexts = 0
    messages = []
    for i in range(n):
        try:
            try:
                with_retries(i, 2)
            except AppError as e:
                if e.__cause__ is not None:
                    chained += 1
                raise ValueError("wrapped") if i % 2 else KeyError(i)
        except ValueError as outer:
            if isinstance(outer.__context__, AppError):
                contexts += 1
            if len(messages) < 2:
                messages.append((str(outer), str(outer.__context__), str(outer.__context__.__cause__)))
        except KeyError as outer:
            contexts += outer.__context__ is not None
    return chained, contexts, messages


def reraise_count(n):
    caught = 0
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ZeroDivisionError("inner")
                1 // (i % 3 - 1)
            except ZeroDivisionError:
                if i % 2:
                    raise
                caught += 1
        except ZeroDivisionError as e:
            caught += 100 if e.args[0] == "inner" else 10000
    return caught


ok, total, counts, fin, els = process(ITER)
print("ok:", ok, "total:", total, "finally:", fin, "else:", els)
for key in sorted(counts):
    print(f"  {key}: {counts[key]}")
print("retry results:", [with_retries(i, 4) for i in range(8)])
print("chaining:", wrap_errors(ITER // 10))
print("reraise:", reraise_count(ITER))
e = ValidationError("name", "")
print("exception attributes:", e.args, e.field, repr(e.value), str(e), isinstance(e, AppError), isinstance(e, Exception))
try:
    raise AppError("one", 2, 3.0)
except AppError as err:
    print("multi-arg:", err.args, str(err), repr(err))
try:
    {}["k"]
except KeyError as err:
    print("KeyError str:", str(err), repr(err), err.args)
lookups = 0
d = {i: i for i in range(0, 1000, 3)}
for i in range(ITER):
    try:
        lookups += d[i % 1000]
    except KeyError:
        lookups -= 1
print("dict lookups with KeyError fallback:", lookups)
it = iter(range(5))
collected = []
while True:
    try:
        collected.append(next(it))
    except StopIteration:
        break
print("manual iteration:", collected)
