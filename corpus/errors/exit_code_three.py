# jitbench: input validation pass that reports problems and exits with status 3 via sys.exit(3)
import sys

RECORDS = 400_000

problems = 0
checked = 0
for i in range(RECORDS):
    value = (i * 2654435761) % 1000003
    checked += 1
    if value % 9973 == 0:
        problems += 1
        if problems <= 5:
            print(f"record {i}: suspicious value {value}")
print(f"checked {checked} records, {problems} problems")
if problems:
    print("validation failed")
    sys.exit(3)
print("not reached")
