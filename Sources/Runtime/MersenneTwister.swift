/// MT19937, the generator behind Python's `random`, seeded as CPython seeds it, so that the
/// same seed gives the same stream of 32-bit words as CPython. Its state is plain integers,
/// so a generator may live anywhere, a Swift static included.
public struct MersenneTwister {
    static let size = 624
    static let shift = 397
    static let twistMatrix: UInt32 = 0x9908_b0df
    static let upperBit: UInt32 = 0x8000_0000

    var words: [UInt32]
    /// The next word of `words` to temper and hand out; `size` when a twist is due.
    var index: Int

    /// The generator seeded from one 32-bit word (the reference `init_genrand`).
    init(word seed: UInt32) {
        words = [UInt32](repeating: 0, count: Self.size)
        words[0] = seed
        for i in 1..<Self.size {
            let previous = words[i - 1]
            words[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = Self.size
    }

    /// The generator seeded from a key of any length (the reference `init_by_array`), which
    /// is how CPython seeds from every int, hash and urandom.
    public init(key: [UInt32]) {
        self.init(word: 19_650_218)
        let key = key.isEmpty ? [0] : key
        var i = 1, j = 0
        for _ in 0..<max(Self.size, key.count) {
            let previous = words[i - 1]
            words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i = advance(i)
            j = (j + 1) % key.count
        }
        for _ in 0..<(Self.size - 1) {
            let previous = words[i - 1]
            words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i = advance(i)
        }
        words[0] = Self.upperBit  // a nonzero state however unlucky the key
    }

    /// The next index of the seeding loops, which wrap to 1 and carry the last word to the first.
    private mutating func advance(_ i: Int) -> Int {
        if i + 1 < Self.size { return i + 1 }
        words[0] = words[Self.size - 1]
        return 1
    }

    public mutating func next() -> UInt32 {
        if index >= Self.size { twist() }
        var y = words[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        return y ^ (y >> 18)
    }

    /// Regenerates all 624 words in place, in order, as the reference does: words past the
    /// wrap point read already regenerated ones.
    private mutating func twist() {
        for k in 0..<Self.size {
            let y = (words[k] & Self.upperBit) | (words[(k + 1) % Self.size] & ~Self.upperBit)
            words[k] = words[(k + Self.shift) % Self.size] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.twistMatrix)
        }
        index = 0
    }

    /// A double in [0, 1) with 53 random bits: 27 from one word and 26 from the next.
    public mutating func nextDouble() -> Double {
        let high = Double(next() >> 5), low = Double(next() >> 6)
        return (high * 67_108_864.0 + low) * (1.0 / 9_007_199_254_740_992.0)
    }
}
