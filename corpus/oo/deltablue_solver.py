# jitbench: deltablue-style incremental one-way constraint solver: strengths, planning, chain and projection tests
ROUNDS = 30
CHAIN = 200


class Strength:
    def __init__(self, level, name):
        self.level = level
        self.name = name

    def stronger(self, other):
        return self.level < other.level

    def weaker(self, other):
        return self.level > other.level

    def weakest_of(self, other):
        return self if self.weaker(other) else other

    def next_weaker(self):
        return STRENGTHS[self.level + 1]

    def __repr__(self):
        return f"Strength({self.name})"


STRENGTHS = [Strength(i, n) for i, n in enumerate(
    ["required", "strong-preferred", "preferred", "strong-default", "normal", "weak-default", "weakest"])]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS

NONE, FORWARD, BACKWARD = 0, 1, 2


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None

    def __repr__(self):
        return f"{self.name}={self.value}"


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        super().__init__(planner, strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        if self in self.var.constraints:
            self.var.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.var.mark != mark and self.strength.stronger(self.var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True


class BinaryConstraint(Constraint):
    def __init__(self, planner, a, b, strength):
        super().__init__(planner, strength)
        self.a = a
        self.b = b
        self.direction = NONE

    def add_to_graph(self):
        self.a.add_constraint(self)
        self.b.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        for v in (self.a, self.b):
            if self in v.constraints:
                v.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        a, b = self.a, self.b
        if a.mark == mark:
            ok = b.mark != mark and self.strength.stronger(b.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif b.mark == mark:
            ok = a.mark != mark and self.strength.stronger(a.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif a.walk_strength.weaker(b.walk_strength):
            self.direction = BACKWARD if self.strength.stronger(a.walk_strength) else NONE
        else:
            self.direction = FORWARD if self.strength.stronger(b.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = self.strength.weakest_of(src.walk_strength)
        out.stay = src.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def __init__(self, planner, a, b, strength):
        super().__init__(planner, a, b, strength)
        self.install()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, planner, src, scale, offset, dest, strength):
        super().__init__(planner, src, dest, strength)
        self.scale = scale
        self.offset = offset
        self.install()

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        for v in (self.scale, self.offset):
            if self in v.constraints:
                v.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = self.strength.weakest_of(src.walk_strength)
        out.stay = src.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def execute(self):
        for c in self.steps:
            c.execute()

    def __len__(self):
        return len(self.steps)


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for u in unsatisfied:
                if u.strength is strength:
                    self.incremental_add(u)
            if strength is WEAKEST:
                break
            strength = strength.next_weaker()

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_constraints_consuming(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_constraints_consuming(self, v, coll):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                coll.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.steps.append(c)
                out.mark = mark
                self.add_constraints_consuming(out, todo)
        return plan

    def extract_plan(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def chain_test(n):
    planner = Planner()
    variables = [Variable(f"v{i}") for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(planner, a, b, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.extract_plan([edit])
    errors = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            errors += 1
    edit.destroy()
    return len(plan), errors, last.value


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.extract_plan([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()
    return len(plan)


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable(f"src{i}", i)
        dst = Variable(f"dst{i}", i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    results = []
    results.append(change(planner, src, 17))
    results.append(dst.value)
    results.append(change(planner, dst, 1050))
    results.append(src.value)
    results.append(change(planner, scale, 5))
    bad = sum(1 for i, d in enumerate(dests) if d.value != i * 5 + 1000)
    results.append(bad)
    results.append(change(planner, offset, 2000))
    bad = sum(1 for i, d in enumerate(dests) if d.value != i * 5 + 2000)
    results.append(bad)
    results.append(sum(d.value for d in dests))
    return results


for r in range(ROUNDS):
    size = CHAIN + r * 10
    plan_len, errors, last = chain_test(size)
    print(f"chain {size}: plan length {plan_len}, errors {errors}, last value {last}")
    print(f"projection {size}:", projection_test(size))
print(REQUIRED, WEAKEST, REQUIRED.weakest_of(NORMAL), [s.name for s in STRENGTHS if s.stronger(NORMAL)])
