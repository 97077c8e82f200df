/// `random.getstate()` and `random.setstate(state)` in CPython's format: version 3, the
/// twister's 624 words and its index as one tuple, and the kept normal deviate or None.
extension RandomModule {
    static let stateVersion = 3

    static func state() -> Value {
        let twister = generator.twister
        let words = Tuple.allocate(count: MersenneTwister.size + 1)
        for (i, word) in twister.words.enumerated() { Tuple.items(words)[i] = Value(smallInt: Int(word)) }
        Tuple.items(words)[MersenneTwister.size] = Value(smallInt: twister.index)
        let gauss = generator.gaussNext.map { Floats.make($0) } ?? BuiltinTypes.none
        return Tuple.make(Value(smallInt: stateVersion), words, gauss)
    }

    /// Restores a state of version 3, or of version 2, whose words were signed. As in
    /// CPython, the kept deviate is set before the twister's words are checked.
    static func restore(_ state: Value) throws(PythonError) {
        guard Sequences.isSequence(state) else {
            throw PythonError(.typeError, "'\(TypeObjects.name(state.type))' object is not subscriptable")
        }
        let version = try Sequences.item(state, Value(smallInt: 0))
        let isCurrent = try Objects.equal(version, Value(smallInt: stateVersion))
        let isOlder = isCurrent ? false : try Objects.equal(version, Value(smallInt: 2))
        guard isCurrent || isOlder else {
            let given = try Objects.str(version)
            throw PythonError(.valueError, "state with version \(given) passed to Random.setstate() of version \(stateVersion)")
        }
        let count = Sequences.length(state)
        guard state.kind != .str && count == 3 else {
            throw PythonError(.valueError, count > 3 ? "too many values to unpack (expected 3)" : "not enough values to unpack (expected 3, got \(count))")
        }
        let gauss = try Sequences.item(state, Value(smallInt: 2))
        generator.gaussNext = gauss.is(BuiltinTypes.none) ? nil : try MathModule.real(gauss)
        generator.twister = try twister(described: try Sequences.item(state, Value(smallInt: 1)), signedWords: !isCurrent)
    }

    /// The twister a state's tuple describes, checked as CPython's `_random.Random.setstate`.
    static func twister(described words: Value, signedWords: Bool) throws(PythonError) -> MersenneTwister {
        guard words.kind == .tuple else { throw PythonError(.typeError, "state vector must be a tuple") }
        guard Tuple.count(words) == MersenneTwister.size + 1 else { throw PythonError(.valueError, "state vector is the wrong size") }
        var twister = MersenneTwister(word: 0)
        for i in 0..<MersenneTwister.size {
            var word = try MathModule.integer(Tuple.items(words)[i])
            if signedWords { word = try Ints.modulo(word, Value(smallInt: 1 << 32)) }
            guard Ints.sign(word) >= 0 else { throw PythonError(.overflowError, "can't convert negative value to unsigned int") }
            guard word.isSmallInt && word.smallInt <= Int(UInt32.max) else {
                throw PythonError(.overflowError, "Python int too large to convert to C unsigned long")
            }
            twister.words[i] = UInt32(word.smallInt)
        }
        let index = try MathModule.integer(Tuple.items(words)[MersenneTwister.size])
        guard index.isSmallInt && (0...MersenneTwister.size).contains(index.smallInt) else {
            throw PythonError(.valueError, "invalid state")
        }
        twister.index = index.smallInt
        return twister
    }
}
