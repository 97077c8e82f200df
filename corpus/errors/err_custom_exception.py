# jitbench: double-entry ledger reconciliation; ends by raising a user-defined exception with a message
ENTRIES = 200_000


class LedgerError(Exception):
    pass


class ImbalanceError(LedgerError):
    def __init__(self, account, delta):
        super().__init__(f"account {account!r} is off by {delta}")
        self.account = account
        self.delta = delta


accounts = ["cash", "sales", "inventory", "payables", "receivables"]
balances = dict.fromkeys(accounts, 0)
x = 99
for i in range(ENTRIES):
    x = (x * 48271) % 2147483647
    debit = accounts[x % 5]
    credit = accounts[(x >> 3) % 5]
    amount = x % 997
    balances[debit] += amount
    balances[credit] -= amount
print("balances:", balances)
print("sum:", sum(balances.values()))

# a manual adjustment that is only half-booked
balances["inventory"] += 125


def reconcile(bal):
    total = sum(bal.values())
    if total != 0:
        worst = max(bal, key=lambda a: abs(bal[a]))
        raise ImbalanceError(worst, total)
    return True


try:
    reconcile({"a": 5, "b": -5})
    print("small ledger reconciles")
except LedgerError as e:
    print("unexpected:", e)
reconcile(balances)
print("not reached")
