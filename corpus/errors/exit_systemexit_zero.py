# jitbench: search loop that stops the program early with raise SystemExit(0); finally blocks still run
LIMIT = 10_000_000


def search():
    checked = 0
    try:
        for n in range(2, LIMIT):
            checked += 1
            s = 0
            m = n
            while m:
                s += (m % 10) ** 3
                m //= 10
            if s == n and n > 1:
                print("armstrong-like number:", n)
            if n == 200_000:
                print("checked", checked, "numbers; stopping early")
                raise SystemExit(0)
    finally:
        print("cleanup runs before exit")


search()
print("not reached")
