# jitbench: dividing a float by zero raises ZeroDivisionError in the interpreter's fast path too (a Swift `case 4, 17 where` guarded only one of the two patterns)
def ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError as error:
        return f"ZeroDivisionError: {error}"


for a, b in [(1.0, 0), (1.0, 0.0), (-2.5, 0), (0.0, 0.0), (3, 0.0), (7.5, 2)]:
    print(a, b, ratio(a, b))
total = 10.0
total /= 4
print(total)
try:
    total /= 0
except ZeroDivisionError as error:
    print("in place:", error)
