# jitbench: an uncaught exception: exit status 1, the exception on stderr's last line
# jitbench: timeout=10
print("before the error")
print(1 // 0)
