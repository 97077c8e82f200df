# jitbench: string literals that are canonically equivalent stay distinct ("\u00e9" and "e\u0301" were once merged by Swift's String equality)
composed = "\u00e9"
decomposed = "e\u0301"
print(len(composed), len(decomposed), composed == decomposed)
print(composed.startswith("e"), decomposed.startswith("e"))
table = {composed: "one code point", decomposed: "two code points"}
print(len(table), [table[key] for key in sorted(table)])
print([hex(ord(c)) for c in decomposed], "K" == "\u212a")
