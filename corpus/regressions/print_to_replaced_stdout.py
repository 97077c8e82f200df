# jitbench: print writes to sys.stdout as the program replaced it, and calls a file's write once per piece, as CPython does
import sys


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        self.parts.append("<flush>")


saved, sys.stdout = sys.stdout, Recorder()
print("hidden", 1, 2.5, sep="|", end="!\n")
print("flushed", flush=True)
captured, sys.stdout = sys.stdout, saved
print(captured.parts)
other = Recorder()
print("a", "b", file=other)
print(other.parts)
sys.stdout = None
print("goes nowhere")
sys.stdout = saved
print("back", file=None)
