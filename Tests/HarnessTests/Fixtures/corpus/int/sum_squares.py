# jitbench: sums squares in a loop
# jitbench: timeout=10
total = 0
for i in range(2000):
    total += i * i
print("sum of squares:", total)
