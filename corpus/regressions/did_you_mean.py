# jitbench: an uncaught NameError ends with CPython's "Did you mean" suggestion, found among the frame's locals, its globals and the builtins
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0


def report(accounts):
    total_balance = sum(a.balance for a in accounts)
    try:
        print(accounts[0].ownr)
    except AttributeError as e:
        print("caught:", e, "| name:", e.name)
    return total_balnce


print(report([Account("ann")]))
