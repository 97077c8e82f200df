# jitbench: a small stack-machine interpreter in Python: assembler with labels, dispatch loop, call frames
REPEAT = 3


class VMError(Exception):
    pass


class Instruction:
    __slots__ = ("op", "arg")

    def __init__(self, op, arg=None):
        self.op = op
        self.arg = arg

    def __repr__(self):
        return self.op if self.arg is None else f"{self.op} {self.arg}"


def assemble(source):
    labels = {}
    pending = []
    for raw in source.strip().splitlines():
        line = raw.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(pending)
            continue
        parts = line.split()
        pending.append((parts[0].lower(), parts[1] if len(parts) > 1 else None))
    code = []
    for op, arg in pending:
        if arg is None:
            code.append(Instruction(op))
        elif arg in labels:
            code.append(Instruction(op, labels[arg]))
        else:
            try:
                code.append(Instruction(op, int(arg)))
            except ValueError:
                raise VMError(f"unknown label {arg}") from None
    return code


class Frame:
    def __init__(self, return_pc, nlocals):
        self.return_pc = return_pc
        self.locals = [0] * nlocals


class VM:
    def __init__(self, code, nlocals=8):
        self.code = code
        self.stack = []
        self.frames = [Frame(-1, nlocals)]
        self.output = []
        self.steps = 0
        self.nlocals = nlocals

    def run(self):
        code = self.code
        stack = self.stack
        pc = 0
        while pc < len(code):
            ins = code[pc]
            op = ins.op
            pc += 1
            self.steps += 1
            if op == "push":
                stack.append(ins.arg)
            elif op == "load":
                stack.append(self.frames[-1].locals[ins.arg])
            elif op == "store":
                self.frames[-1].locals[ins.arg] = stack.pop()
            elif op == "add":
                b = stack.pop()
                stack.append(stack.pop() + b)
            elif op == "sub":
                b = stack.pop()
                stack.append(stack.pop() - b)
            elif op == "mul":
                b = stack.pop()
                stack.append(stack.pop() * b)
            elif op == "mod":
                b = stack.pop()
                if b == 0:
                    raise VMError("modulo by zero")
                stack.append(stack.pop() % b)
            elif op == "div":
                b = stack.pop()
                stack.append(stack.pop() // b)
            elif op == "lt":
                b = stack.pop()
                stack.append(1 if stack.pop() < b else 0)
            elif op == "eq":
                b = stack.pop()
                stack.append(1 if stack.pop() == b else 0)
            elif op == "jmp":
                pc = ins.arg
            elif op == "jz":
                if stack.pop() == 0:
                    pc = ins.arg
            elif op == "jnz":
                if stack.pop() != 0:
                    pc = ins.arg
            elif op == "dup":
                stack.append(stack[-1])
            elif op == "swap":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            elif op == "pop":
                stack.pop()
            elif op == "print":
                self.output.append(stack.pop())
            elif op == "call":
                self.frames.append(Frame(pc, self.nlocals))
                pc = ins.arg
            elif op == "ret":
                frame = self.frames.pop()
                pc = frame.return_pc
            elif op == "halt":
                break
            else:
                raise VMError(f"bad opcode {op!r}")
        return self.output


SUM_LOOP = """
    push 0
    store 0          ; total
    push 0
    store 1          ; i
loop:
    load 1
    push 20000
    lt
    jz done
    load 0
    load 1
    add
    store 0
    load 1
    push 1
    add
    store 1
    jmp loop
done:
    load 0
    print
    halt
"""

PRIMES = """
    push 2
    store 0          ; n
outer:
    load 0
    push 1500
    lt
    jz finish
    push 2
    store 1          ; d
inner:
    load 1
    load 1
    mul
    load 0
    swap
    lt               ; n < d*d ?
    jnz prime
    load 0
    load 1
    mod
    jz next
    load 1
    push 1
    add
    store 1
    jmp inner
prime:
    load 0
    print
next:
    load 0
    push 1
    add
    store 0
    jmp outer
finish:
    halt
"""

# recursive fib(n): argument and result passed on the stack
FIB = """
    push 18
    call fib
    print
    halt
fib:
    store 0
    load 0
    push 2
    lt
    jnz base
    load 0
    push 1
    sub
    call fib
    load 0
    push 2
    sub
    call fib
    add
    ret
base:
    load 0
    ret
"""

GCD = """
    push 0
    store 2
    push 1
    store 3          ; a
grow:
    load 3
    push 300
    lt
    jz end
    load 3
    push 7919
    mul
    push 1000
    mod
    store 0
    load 3
    store 1
euclid:
    load 1
    jz found
    load 0
    load 1
    mod
    load 1
    store 0
    store 1
    jmp euclid
found:
    load 2
    load 0
    add
    store 2
    load 3
    push 1
    add
    store 3
    jmp grow
end:
    load 2
    print
    halt
"""

programs = [("sum", SUM_LOOP), ("primes", PRIMES), ("fib", FIB), ("gcd", GCD)]
for rep in range(REPEAT):
    for name, src in programs:
        code = assemble(src)
        vm = VM(code)
        out = vm.run()
        if rep == 0:
            shown = out if len(out) <= 8 else out[:5] + ["..."] + out[-3:]
            print(f"{name}: {len(code)} instructions, {vm.steps} steps, output {shown}")
            if name == "primes":
                print("  prime count:", len(out), "sum:", sum(out))
        else:
            print(f"{name} rerun {rep}: steps {vm.steps}, checksum {sum(out) % 100003}")
print("listing of fib:", assemble(FIB)[:8])
for bad in ("push 1\npush 0\nmod\n", "bogus\n", "jmp nowhere\n"):
    try:
        VM(assemble(bad)).run()
    except VMError as e:
        print("VMError:", e)
