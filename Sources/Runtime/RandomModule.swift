import CGMP

/// The state of a `random.Random`: the twister, and the second normal deviate that `gauss`
/// computes with each pair and keeps for its next call (CPython's `gauss_next`). Plain
/// numbers only, so a Swift static may hold one.
public struct RandomGenerator {
    var twister: MersenneTwister
    var gaussNext: Double?

    init(key: [UInt32]) {
        twister = MersenneTwister(key: key)
        gaussNext = nil
    }

    /// A key of the twister's full size from the system's randomness, as CPython seeds from
    /// urandom when it is given no seed.
    static func systemKey() -> [UInt32] {
        var system = SystemRandomNumberGenerator()
        return (0..<MersenneTwister.size).map { _ in UInt32.random(in: .min ... .max, using: &system) }
    }

    mutating func nextDouble() -> Double { twister.nextDouble() }

    /// A nonnegative int of `k` random bits. Words are drawn least significant first, and a
    /// last partial word keeps its high bits, as CPython's `getrandbits` does.
    mutating func bits(_ k: Int) -> Value {
        if k <= 32 { return Value(smallInt: k == 0 ? 0 : Int(twister.next() >> (32 - k))) }
        var words: [UInt32] = []
        var remaining = k
        while remaining > 0 {
            let word = twister.next()
            words.append(remaining < 32 ? word >> (32 - remaining) : word)
            remaining -= 32
        }
        return RandomModule.int(fromWords: words)
    }

    /// An int in [0, n) for an int n > 0: draws of n's bit length until one is below n.
    mutating func below(_ n: Value) -> Value {
        let k = RandomModule.bitLength(n)
        var r = bits(k)
        while Ints.compare(r, n) >= 0 { r = bits(k) }
        return r
    }

    mutating func below(_ n: Int) -> Int { below(Value(smallInt: n)).smallInt }
}

/// Python's `random` module, natively, giving CPython's numbers for the same seed: the same
/// twister, seeded the same way from every kind of seed, and the same algorithms on top of
/// it, drawing the same words in the same order (`RandomSampling.swift`,
/// `RandomDistributions.swift`, `RandomShapedDistributions.swift`, `RandomState.swift`).
/// Not here: randbytes (there is no bytes type yet).
public enum RandomModule {
    /// The generators, by slot. Slot 0 is the module's, seeded from the system at first use
    /// as CPython's is at import; the others belong to `random.Random` objects.
    nonisolated(unsafe) static var generators = [RandomGenerator(key: RandomGenerator.systemKey())]
    nonisolated(unsafe) static var freeSlots: [Int] = []
    /// The slot of the generator the running call draws from.
    nonisolated(unsafe) static var current = 0

    /// The generator the running call draws from, changed in place.
    static var generator: RandomGenerator {
        _read { yield generators[current] }
        _modify { yield &generators[current] }
    }

    /// A new generator seeded from the system, for a `random.Random` object; its slot.
    public static func makeGenerator() -> Int {
        let generator = RandomGenerator(key: RandomGenerator.systemKey())
        if let slot = freeSlots.popLast() {
            generators[slot] = generator
            return slot
        }
        generators.append(generator)
        return generators.count - 1
    }

    /// Gives back the slot of a `random.Random` object that died.
    public static func releaseGenerator(_ slot: Int) {
        precondition(slot > 0, "the module's generator is never released")
        generators[slot].twister.words = []
        freeSlots.append(slot)
    }

    /// The names `call` answers to: the module's functions, and the methods of `random.Random`.
    public static let functionNames: [String] = ["random", "getrandbits"] + signatures.keys.sorted()

    /// The module's Python-level functions, which CPython's errors name as methods of Random.
    static let signatures: [String: Parameters] = [
        "seed": Parameters("Random.seed", ["a", "version"], required: 0),
        "randrange": Parameters("Random.randrange", ["start", "stop", "step"], required: 1),
        "randint": Parameters("Random.randint", ["a", "b"], required: 2),
        "choice": Parameters("Random.choice", ["seq"], required: 1),
        "shuffle": Parameters("Random.shuffle", ["x"], required: 1),
        "sample": Parameters("Random.sample", ["population", "k"], required: 2, keywordOnly: ["counts"]),
        "choices": Parameters("Random.choices", ["population", "weights"], required: 1, keywordOnly: ["cum_weights", "k"]),
        "uniform": Parameters("Random.uniform", ["a", "b"], required: 2),
        "triangular": Parameters("Random.triangular", ["low", "high", "mode"], required: 0),
        "normalvariate": Parameters("Random.normalvariate", ["mu", "sigma"], required: 0),
        "gauss": Parameters("Random.gauss", ["mu", "sigma"], required: 0),
        "lognormvariate": Parameters("Random.lognormvariate", ["mu", "sigma"], required: 2),
        "expovariate": Parameters("Random.expovariate", ["lambd"], required: 1),
        "gammavariate": Parameters("Random.gammavariate", ["alpha", "beta"], required: 2),
        "betavariate": Parameters("Random.betavariate", ["alpha", "beta"], required: 2),
        "paretovariate": Parameters("Random.paretovariate", ["alpha"], required: 1),
        "weibullvariate": Parameters("Random.weibullvariate", ["alpha", "beta"], required: 2),
        "vonmisesvariate": Parameters("Random.vonmisesvariate", ["mu", "kappa"], required: 2),
        "getstate": Parameters("Random.getstate", [], required: 0),
        "setstate": Parameters("Random.setstate", ["state"], required: 1),
    ]

    /// Calls the function `name` with positional `arguments` and `keywords`, which the
    /// caller keeps alive for the call (the interpreter's value stack does), drawing from the
    /// generator in `slot`.
    public static func call(
        _ name: String, _ arguments: [Value], keywords: [(String, Value)] = [], generator slot: Int = 0
    ) throws(PythonError) -> Value {
        let saved = current
        current = slot
        defer { current = saved }
        switch name {
        case "random":
            try expectNoKeywords(name, keywords)
            guard arguments.isEmpty else { throw PythonError(.typeError, "Random.random() takes no arguments (\(arguments.count) given)") }
            return Floats.make(generator.nextDouble())
        case "getrandbits":
            try expectNoKeywords(name, keywords)
            guard arguments.count == 1 else {
                throw PythonError(.typeError, "Random.getrandbits() takes exactly one argument (\(arguments.count) given)")
            }
            return try randomBits(arguments[0])
        default:
            break
        }
        guard let parameters = signatures[name] else {
            throw PythonError(.attributeError, "module 'random' has no attribute '\(name)'")
        }
        let p = try parameters.bind(arguments, keywords)
        switch name {
        case "seed": try seed(p[0], version: p[1]); return BuiltinTypes.none
        case "randrange": return try randomRange(p[0], p[1], p[2])
        case "randint": return try randomRange(p[0], try Arithmetic.add(p[1], Value(smallInt: 1)), .null)
        case "choice": return try choice(p[0])
        case "shuffle": try shuffle(p[0]); return BuiltinTypes.none
        case "sample": return try sample(p[0], p[1], counts: p[2])
        case "choices": return try choices(p[0], weights: p[1], cumulativeWeights: p[2], k: p[3])
        case "getstate": return state()
        case "setstate": try restore(p[0]); return BuiltinTypes.none
        default: return try distribution(name, p)
        }
    }

    static func expectNoKeywords(_ name: String, _ keywords: [(String, Value)]) throws(PythonError) {
        if !keywords.isEmpty { throw PythonError(.typeError, "Random.\(name)() takes no keyword arguments") }
    }

    /// Whether a parameter is None, given or by default.
    static func isNone(_ v: Value) -> Bool { v.isNull || v.is(BuiltinTypes.none) }

    // MARK: seeding

    static func seed(_ a: Value, version: Value) throws(PythonError) {
        generator = RandomGenerator(key: try seedKey(a, version: version))
    }

    /// The twister's key for a seed: an int's magnitude, a float's hash, a str's bytes and
    /// their SHA-512 digest (version 2), each as 32-bit words from the least significant.
    static func seedKey(_ a: Value, version: Value) throws(PythonError) -> [UInt32] {
        if isNone(a) { return RandomGenerator.systemKey() }
        if Ints.isInt(a) { return words(ofMagnitude: Ints.unbool(a)) }
        switch a.kind {
        case .float:
            return words(of: UInt64(bitPattern: Int64(try Objects.hash(a))))
        case .str:
            let modern = version.isNull ? true : try Objects.equal(version, Value(smallInt: 2))
            if modern {
                let bytes = Array(Str.swiftString(a).utf8)
                return words(bigEndian: bytes + SHA512.digest(bytes))
            }
            if try Objects.equal(version, Value(smallInt: 1)) { return words(of: legacyTextSeed(a)) }
            return words(of: UInt64(bitPattern: Int64(Str.hash(a))))
        default:
            throw PythonError(.typeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    /// The seed `seed(text, version=1)` derives from a str: Python 2's string hash.
    static func legacyTextSeed(_ text: Value) -> UInt64 {
        let count = Str.count(text)
        var x: UInt64 = count == 0 ? 0 : UInt64(Str.codePoint(text, at: 0)) << 7
        for i in 0..<count { x = (1_000_003 &* x) ^ UInt64(Str.codePoint(text, at: i)) }
        return x ^ UInt64(count)
    }

    /// Words least significant first, without high zero words, but at least one word.
    static func trimmed(_ words: [UInt32]) -> [UInt32] {
        var words = words
        while words.count > 1 && words.last == 0 { words.removeLast() }
        return words.isEmpty ? [0] : words
    }

    static func words(of n: UInt64) -> [UInt32] { trimmed([UInt32(truncatingIfNeeded: n), UInt32(n >> 32)]) }

    static func words(ofMagnitude n: Value) -> [UInt32] {
        if n.isSmallInt { return words(of: UInt64(n.smallInt.magnitude)) }
        let z = Ints.mpz(of: n)
        var words: [UInt32] = []
        for i in 0..<bigz_limb_count(z) {
            let limb = UInt64(bigz_limb(z, i))
            words += [UInt32(truncatingIfNeeded: limb), UInt32(limb >> 32)]
        }
        return trimmed(words)
    }

    /// The words of the number whose big-endian bytes are `bytes`.
    static func words(bigEndian bytes: [UInt8]) -> [UInt32] {
        var words: [UInt32] = []
        var end = bytes.count
        while end > 0 {
            let start = max(0, end - 4)
            words.append(bytes[start..<end].reduce(0) { $0 << 8 | UInt32($1) })
            end = start
        }
        return trimmed(words)
    }

    // MARK: integers

    static func randomBits(_ count: Value) throws(PythonError) -> Value {
        let k = try MathModule.integer(count)
        guard k.isSmallInt && Int32(exactly: k.smallInt) != nil else {
            throw PythonError(.overflowError, "Python int too large to convert to C int")
        }
        if k.smallInt < 0 { throw PythonError(.valueError, "number of bits must be non-negative") }
        return generator.bits(k.smallInt)
    }

    /// The int whose 32-bit words, least significant first, are `words`.
    static func int(fromWords words: [UInt32]) -> Value {
        var z = bigz(), word = bigz()
        bigz_init(&z)
        bigz_init(&word)
        withUnsafeMutablePointer(to: &z) { z in
            withUnsafeMutablePointer(to: &word) { word in
                for w in words.reversed() {
                    bigz_mul_2exp(z, z, 32)
                    bigz_set_si(word, Int(w))
                    bigz_ior(z, z, word)
                }
            }
        }
        bigz_clear(&word)
        return Ints.make(consuming: &z)
    }

    /// `n.bit_length()` for an int n > 0.
    static func bitLength(_ n: Value) -> Int {
        n.isSmallInt ? Int.bitWidth - n.smallInt.leadingZeroBitCount : Int(bigz_sizeinbase(Ints.mpz(of: n), 2))
    }

    /// `randrange(start, stop, step)`, with 3.11's checks: floats and strs that are not
    /// integral are ValueErrors, integral floats are accepted (CPython only warns).
    static func randomRange(_ start: Value, _ stop: Value, _ step: Value) throws(PythonError) -> Value {
        let first = try rangeArgument(start, "arg 1")
        if isNone(stop) {
            // CPython tests `step is 1`: only the int 1 itself counts as not given.
            if !step.isNull && !step.is(Value(smallInt: 1)) { throw PythonError(.typeError, "Missing a non-None stop argument") }
            if Ints.sign(first) > 0 { return generator.below(first) }
            throw PythonError(.valueError, "empty range for randrange()")
        }
        let last = try rangeArgument(stop, "stop")
        let width = Ints.subtract(last, first)
        let stride = step.isNull ? Value(smallInt: 1) : try rangeArgument(step, "step")
        if stride.is(Value(smallInt: 1)) {
            if Ints.sign(width) > 0 { return Ints.add(first, generator.below(width)) }
            let numbers = "\(try Objects.repr(first)), \(try Objects.repr(last)), \(try Objects.repr(width))"
            throw PythonError(.valueError, "empty range for randrange() (\(numbers))")
        }
        let count: Value
        switch Ints.sign(stride) {
        case 1: count = try Ints.floorDivide(Ints.add(width, Ints.subtract(stride, Value(smallInt: 1))), stride)
        case -1: count = try Ints.floorDivide(Ints.add(Ints.add(width, stride), Value(smallInt: 1)), stride)
        default: throw PythonError(.valueError, "zero step for randrange()")
        }
        if Ints.sign(count) <= 0 { throw PythonError(.valueError, "empty range for randrange()") }
        return Ints.add(first, Ints.multiply(stride, generator.below(count)))
    }

    /// An argument of randrange as an int: what `int()` makes of it, if that equals it.
    static func rangeArgument(_ v: Value, _ label: String) throws(PythonError) -> Value {
        if Ints.isInt(v) { return Ints.unbool(v) }
        switch v.kind {
        case .float:
            let d = Floats.value(v)
            let whole = try Ints.make(truncating: d)
            if d.rounded(.towardZero) != d { break }
            return whole
        case .str:
            _ = try Ints.parse(Str.swiftString(v), base: 10)  // an int never equals a str
        default:
            throw PythonError(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(TypeObjects.name(v.type))'")
        }
        throw PythonError(.valueError, "non-integer \(label) for randrange()")
    }
}
