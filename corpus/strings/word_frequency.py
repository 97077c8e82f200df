# jitbench: word frequency over generated text: split, lower, strip punctuation, dict counting, Counter, bigrams
from collections import Counter

WORDS = 150_000

VOCAB = ("the of and to in is was he for it with as his on be at by had are but from or have an they "
         "which one you were her all she there would their we him been has when who will more no if out "
         "so said what up its about into than them can only other new some could time these two may then "
         "do first any my now such like our over man me even most made after also did many before must "
         "through back years where much your way well down should because each just those people").split()
PUNCT = [",", ".", ";", "!", "?", "", "", "", "", ""]


def generate_text(n, seed=2718):
    x = seed
    parts = []
    capital = True
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        r = x >> 33
        word = VOCAB[(r % len(VOCAB) + (r >> 7) % len(VOCAB)) // 2]
        if capital:
            word = word.capitalize()
        p = PUNCT[(r >> 17) % len(PUNCT)]
        capital = p in (".", "!", "?")
        parts.append(word + p)
    return " ".join(parts)


def tokenize(text):
    words = []
    for raw in text.split():
        w = raw.strip(",.;!?").lower()
        if w:
            words.append(w)
    return words


text = generate_text(WORDS)
print("characters:", len(text), "sentences:", text.count(".") + text.count("!") + text.count("?"))
print("opening:", text[:90])
words = tokenize(text)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
for rank, (w, c) in enumerate(top, 1):
    print(f"{rank:2d}. {w:<8} {c:6d} {c / len(words):8.4%}")
counter = Counter(words)
print("Counter agrees:", dict(counter) == counts, "distinct:", len(counter))
print("rarest:", sorted(counts, key=lambda w: (counts[w], w))[:5])
bigrams = Counter(zip(words, words[1:]))
print("top bigrams:", [(" ".join(b), c) for b, c in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]])
lengths = Counter(len(w) for w in words)
print("length histogram:", sorted(lengths.items()))
letters = Counter(ch for ch in text.lower() if ch.isalpha())
print("letters:", "".join(ch for ch, _ in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))))
capitalized = sum(1 for raw in text.split() if raw[0].isupper())
print("capitalized words:", capitalized)
longest_sentence = max(text.replace("!", ".").replace("?", ".").split("."), key=len)
print("longest sentence words:", len(longest_sentence.split()))
