# jitbench: a tiny tokenizer and recursive-descent parser/evaluator for an arithmetic language with variables
REPEAT = 150


class ParseError(Exception):
    pass


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif src.startswith("**", i) or src.startswith("//", i) or src.startswith("==", i):
            tokens.append(("op", src[i:i + 2]))
            i += 2
        elif c in "+-*/%()=;,<>":
            tokens.append(("op", c))
            i += 1
        else:
            raise ParseError(f"unexpected character {c!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if kind and tok[0] != kind or value is not None and tok[1] != value:
            raise ParseError(f"expected {value or kind}, got {tok[1]!r}")
        self.pos += 1
        return tok

    def program(self):
        result = None
        while self.peek()[0] != "end":
            result = self.statement()
            if self.peek() == ("op", ";"):
                self.take()
        return result

    def statement(self):
        tok = self.peek()
        nxt = self.tokens[self.pos + 1]
        if tok[0] == "name" and nxt == ("op", "="):
            self.take()
            self.take()
            value = self.comparison()
            self.env[tok[1]] = value
            return value
        return self.comparison()

    def comparison(self):
        left = self.expr()
        while self.peek() in (("op", "<"), ("op", ">"), ("op", "==")):
            op = self.take()[1]
            right = self.expr()
            left = int(left < right if op == "<" else left > right if op == ">" else left == right)
        return left

    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.unary()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "//"), ("op", "%")):
            op = self.take()[1]
            rhs = self.unary()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            elif op == "//":
                value //= rhs
            else:
                value %= rhs
        return value

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            return base ** self.unary()
        return base

    def atom(self):
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return value
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = [self.comparison()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.comparison())
                self.take("op", ")")
                return FUNCTIONS[value](*args)
            if value not in self.env:
                raise ParseError(f"undefined name {value}")
            return self.env[value]
        if (kind, value) == ("op", "("):
            self.take()
            v = self.comparison()
            self.take("op", ")")
            return v
        raise ParseError(f"unexpected token {value!r}")


FUNCTIONS = {"max": max, "min": min, "abs": abs, "sqrt": lambda x: x ** 0.5}


def run(src, env=None):
    env = {} if env is None else env
    return Parser(tokenize(src), env).program()


tests = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-2 ** 2",
    "7 // 2 + 7 % 3 - 7 / 2",
    "-7 // 2; -7 % 3",
    "x = 5; y = x * 2; x ** y",
    "max(3, 9, 4) + min(2, -1) + abs(-7)",
    "sqrt(2) * sqrt(2)",
    "a = 10; b = 3; a > b == 1",
    "2 ** 100 + 1",
    "1.5 * 4 + .25",
    "((((((1))))))",
]
for t in tests:
    print(f"{t!r:40} => {run(t)!r}")
for bad in ("1 +", "2 $ 3", "(1 + 2", "q + 1"):
    try:
        run(bad)
    except ParseError as e:
        print(f"{bad!r:10} error: {e}")
    except (KeyError, IndexError) as e:
        print(f"{bad!r:10} internal: {type(e).__name__}")

program = "; ".join(f"v{i} = v{i - 1} * 3 + {i} % 7 - (v{i - 1} // 5)" for i in range(1, 60))
checksum = 0
token_count = 0
for rep in range(REPEAT):
    env = {"v0": rep}
    result = run(program, env)
    checksum = (checksum * 31 + result) % 1_000_000_007
    token_count += len(tokenize(program))
print("long program result checksum:", checksum, "tokens:", token_count)
