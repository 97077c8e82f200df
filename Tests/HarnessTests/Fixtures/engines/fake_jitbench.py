#!/usr/bin/env python3
# A stand-in for `jitbench exec` that follows the exec protocol of docs/HARNESS.md with CPython
# underneath, and reports made-up JIT counters: it lets the tests drive the built-in engines end to end.
import json
import sys
import time

arguments = sys.argv[2:]  # after "exec"
options = {}
while arguments and arguments[0].startswith("--"):
    flag = arguments.pop(0)[2:]
    options[flag] = True if flag in ("probe", "gc-stress") else arguments.pop(0)

if options.get("probe"):
    print(f"{options['engine']}: fake engine on CPython {sys.version.split()[0]}")
    sys.exit(0)

program = arguments[0]
sys.argv = arguments
with open(program, "rb") as source:
    code = compile(source.read(), program, "exec")
stats = open(options["stats-file"], "w") if "stats-file" in options else None
for iteration in range(1, int(options.get("iterations", 1)) + 1):
    start = time.perf_counter()
    exec(code, {"__name__": "__main__", "__file__": program})
    if stats:
        stats.write(json.dumps({"iteration": iteration, "seconds": time.perf_counter() - start}) + "\n")
        stats.flush()
if stats and options["engine"] != "interp":
    stats.write(json.dumps({"counters": {"code_bytes": 4096, "side_exits": 3}}) + "\n")
