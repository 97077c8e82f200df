# jitbench: everyday str methods in a text-cleaning workload: split/join/strip/replace/find/partition/case/pad
ROUNDS = 16000

RECORDS = [
    "  alice smith ; ENGINEERING ; 2019-03-14 ; alice.smith@example.com  ",
    "BOB JONES;sales;2020-11-02;bob@example.org",
    "\tcarol  white ; Marketing ; 2018-07-30 ; carol_w@example.net\n",
    "dave brown;  engineering;2021-01-05;DAVE.BROWN@EXAMPLE.COM",
    "eve black ; legal ; 2017-12-24 ; eve@example.com ",
]


def clean(record):
    name, dept, date, email = (field.strip() for field in record.split(";"))
    name = " ".join(name.split()).title()
    dept = dept.strip().lower().capitalize()
    year, month, day = date.split("-")
    user, _, domain = email.lower().partition("@")
    return name, dept, int(year), int(month), int(day), user, domain


def report(rows):
    lines = []
    for name, dept, y, m, d, user, domain in rows:
        initials = "".join(part[0] for part in name.split())
        lines.append(f"{name.ljust(14, '.')}|{dept.center(13)}|{str(y).zfill(6)}-{m:02d}-{d:02d}|{initials:>3}|{user.replace('.', '_')}@{domain.upper()}")
    return lines


rows = [clean(r) for r in RECORDS]
for line in report(rows):
    print(line)

total = 0
vowels = 0
found = 0
for i in range(ROUNDS):
    for r in RECORDS:
        s = r.strip()
        total += len(s.upper()) + len(s.lower().split(";"))
        vowels += sum(s.lower().count(v) for v in "aeiou")
        if s.lower().find("example.com") != -1:
            found += 1
        if s.startswith(("BOB", "dave")) and s.endswith(("org", "COM")):
            found += 1
        total += s.rfind("e") + s.find("zz") + s.count("a", 2, 30)
print("totals:", total, vowels, found)

s = "The Quick Brown Fox Jumps Over The Lazy Dog"
print(s.swapcase(), s.casefold() == s.lower(), s.title() == s, s.istitle())
print(s.split(" ", 2), s.rsplit(" ", 2), s.split("o"))
print(s.partition("Fox"), s.rpartition("The"), s.partition("cat"))
print(s.replace("The", "A"), s.replace("o", "0", 2), s.index("Over"), s.rindex("o"))
print("-".join(reversed(s.split())), s[::-1], s[4:9], s[-3:], s[::5])
print(repr("  padded\t\n".strip()), repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".center(9, "*"), "abc".ljust(6) + "|", "abc".rjust(6, "0"))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "   ".isspace(), "".isdigit(), "ABC".isupper(), "aBc".islower())
print("a,b,,c".split(","), "a b  c ".split(), "line1\nline2\r\nline3".splitlines(), "".split(","))
print("tab\tseparated".expandtabs(4), "%".join(["1", "2", "3"]), "ab" * 3, "-" * 20)
print("hello world".count("o"), "aaaa".count("aa"), "banana".find("na", 3), "banana".replace("", "."))
print([c for c in "mississippi".removeprefix("mis").removesuffix("pi")], "ß".upper() == "SS", [ord(c) for c in "straße".upper()])
print(sorted(set("mississippi")) == ["i", "m", "p", "s"], max("hello"), min("hello"), "b" in "abc", "abc" < "abd" < "b")
words = " ".join(["lorem", "ipsum", "dolor", "sit", "amet"] * 200)
print(len(words), words.count("or"), words.upper().count("OR"), len(words.split("m")), words[:30].title())
