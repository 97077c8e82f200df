# jitbench: configuration check that aborts with sys.exit("message") (message to stderr, status 1)
import sys

SETTINGS = 300_000

config = {}
for i in range(SETTINGS):
    key = f"opt{i % 250}"
    config[key] = config.get(key, 0) + i % 7
print("options:", len(config), "sum:", sum(config.values()))
required = ["opt0", "opt17", "opt249", "opt250"]
for name in required:
    if name in config:
        print("found", name, "=", config[name])
    else:
        sys.exit(f"fatal: required option {name} missing")
print("not reached")
