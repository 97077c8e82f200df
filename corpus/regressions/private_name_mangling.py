# jitbench: names like __secret inside a class are stored as _Class__secret (they were once left as they are)
class Account:
    __count = 0

    def __init__(self, owner, balance):
        self.__owner = owner
        self.__balance = balance
        Account.__count += 1

    def __audit(self):
        return f"{self.__owner}:{self.__balance}"

    def report(self):
        return self.__audit(), Account.__count


class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner, 0)
        self.__balance = "hidden from Account"


a = Account("ann", 10)
print(a.report(), sorted(vars(a)), a._Account__balance, hasattr(a, "__balance"))
s = Savings("bob")
print(sorted(vars(s)), s.report())
print([name for name in sorted(vars(Account)) if "count" in name or "audit" in name])
