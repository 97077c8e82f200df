# jitbench: naive recursive Fibonacci and Ackermann-style call-heavy integer recursion
import sys

N = 31


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    for i in range(0, N + 1, 3):
        print(f"fib({i}) = {fib(i)}")
    print("fib(N) =", fib(N))
    print("tak(18, 12, 6) =", tak(18, 12, 6))
    for m in range(3):
        print("ackermann", m, [ackermann(m, n) for n in range(6)])
    print("ackermann(2, 300) =", ackermann(2, 300))
