# jitbench: bank and inventory simulation: inheritance, super(), properties, dunder methods, class/static methods
import random
from collections import defaultdict

random.seed(31337)
DAYS = 400


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}")
        self.account = account
        self.amount = amount


class Account:
    _next_number = 1000
    fee = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < self.overdraft_limit():
            raise InsufficientFunds(self, self._balance - value)
        self._balance = value

    def overdraft_limit(self):
        return 0

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        self.balance -= amount + self.fee
        self.history.append(-amount)

    def month_end(self):
        pass

    @classmethod
    def from_record(cls, record):
        owner, balance = record.split(":")
        return cls(owner.strip(), int(balance))

    @staticmethod
    def validate_owner(name):
        return name.isalpha() and name[0].isupper()

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __hash__(self):
        return hash(self.number)

    def __lt__(self, other):
        return (self._balance, self.number) < (other._balance, other.number)


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate_permille=3):
        super().__init__(owner, balance)
        self.rate_permille = rate_permille

    def month_end(self):
        interest = self._balance * self.rate_permille // 1000
        if interest > 0:
            self.deposit(interest)


class CheckingAccount(Account):
    fee = 1

    def __init__(self, owner, balance=0, overdraft=200):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def overdraft_limit(self):
        return -self.overdraft

    def month_end(self):
        if self._balance < 0:
            self.withdraw(5)


class Item:
    def __init__(self, sku, name, price, quantity):
        self.sku = sku
        self.name = name
        self.price = price
        self.quantity = quantity

    @property
    def value(self):
        return self.price * self.quantity

    def __repr__(self):
        return f"Item({self.sku}, {self.name}, {self.price}x{self.quantity})"


class Inventory:
    def __init__(self):
        self.items = {}
        self.sold = defaultdict(int)

    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].quantity += item.quantity
        else:
            self.items[item.sku] = item

    def sell(self, sku, qty):
        item = self.items[sku]
        if item.quantity < qty:
            return 0
        item.quantity -= qty
        self.sold[sku] += qty
        return item.price * qty

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items.values())

    def __contains__(self, sku):
        return sku in self.items

    def total_value(self):
        return sum(item.value for item in self)


records = ["Alice: 500", "Bob: 1200", "Carol: 50", "Dave: 0", "Erin: 3000", "Frank: 75"]
accounts = []
for i, rec in enumerate(records):
    kind = (Account, SavingsAccount, CheckingAccount)[i % 3]
    accounts.append(kind.from_record(rec))
print("accounts:", accounts)
print("valid owners:", [Account.validate_owner(a.owner) for a in accounts], Account.validate_owner("x1"))

inventory = Inventory()
names = ["widget", "gadget", "doohickey", "gizmo", "sprocket", "flange", "bolt", "nut"]
for n, name in enumerate(names):
    inventory.add(Item(f"SKU{n:03d}", name, 3 + 7 * n, 12000 + 1000 * n))
inventory.add(Item("SKU002", "doohickey", 17, 100))
print("inventory:", len(inventory), "items, value", inventory.total_value(), "SKU005" in inventory, "SKU999" in inventory)

failures = 0
revenue = 0
transactions = 0
for day in range(1, DAYS + 1):
    for _ in range(200):
        acct = random.choice(accounts)
        amount = random.randint(1, 300)
        action = random.random()
        transactions += 1
        try:
            if action < 0.5:
                acct.deposit(amount)
            else:
                acct.withdraw(amount)
        except InsufficientFunds as exc:
            failures += 1
            if failures <= 3:
                print("  day", day, "failed:", exc, exc.amount)
        sku = f"SKU{random.randrange(len(names)):03d}"
        revenue += inventory.sell(sku, random.randint(1, 3))
    if day % 30 == 0:
        for acct in accounts:
            acct.month_end()
        print(f"day {day}: balances {[a.balance for a in accounts]} revenue {revenue}")
print("transactions:", transactions, "failed:", failures)
ranked = sorted(accounts, reverse=True)
print("richest:", ranked[0], "poorest:", ranked[-1])
print("equality:", accounts[0] == accounts[0], accounts[0] == accounts[1], accounts[0] == "Alice")
print("as dict keys:", len({a: a.owner for a in accounts + accounts}))
print("history lengths:", [len(a.history) for a in accounts])
print("sold:", sorted(inventory.sold.items()))
print("remaining value:", inventory.total_value())
print("low stock:", [item.name for item in inventory if item.quantity < 300])
print("isinstance checks:", [isinstance(a, SavingsAccount) for a in accounts], issubclass(CheckingAccount, Account))
