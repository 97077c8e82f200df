import Glibc

/// The methods of str that work on text alone, with CPython's results and errors. Each takes
/// and returns values; optional arguments are `nil` when not given (as Python's None).
public enum StrMethods {
    static func codePoints(_ s: Value) -> [UInt32] { (0..<Str.count(s)).map { Str.codePoint(s, at: $0) } }

    /// The code points of a str, read in place (strs never move; the caller keeps `s` alive).
    struct Points {
        let data: UnsafeMutableRawPointer
        let width: Int
        let count: Int

        init(_ s: Value) {
            data = Str.data(s)
            width = Str.width(s)
            count = Str.count(s)
        }

        @inline(__always)
        subscript(i: Int) -> UInt32 {
            switch width {
            case 1: return UInt32(data.load(fromByteOffset: i, as: UInt8.self))
            case 2: return UInt32(data.load(fromByteOffset: i * 2, as: UInt16.self))
            default: return data.load(fromByteOffset: i * 4, as: UInt32.self)
            }
        }

        /// Whether `pattern` occurs at `i` (which leaves room for it).
        @inline(__always)
        func matches(_ pattern: Points, at i: Int) -> Bool {
            if width == 1 && pattern.width == 1 {
                return memcmp(data + i, pattern.data, pattern.count) == 0
            }
            for k in 0..<pattern.count where self[i + k] != pattern[k] { return false }
            return true
        }

        /// The first occurrence of a nonempty `pattern` starting in `low...high - pattern.count`;
        /// -1 when none.
        func firstIndex(of pattern: Points, from low: Int, to high: Int) -> Int {
            let m = pattern.count
            if high - low < m { return -1 }
            if width == 1 && pattern.width == 1 {
                // memchr to each candidate first byte, then memcmp.
                let first = Int32(pattern[0])
                var p = UnsafeRawPointer(data + low)
                let last = UnsafeRawPointer(data + (high - m))
                while p <= last {
                    guard let hit = memchr(p, first, last - p + 1) else { return -1 }
                    if m == 1 || memcmp(hit, pattern.data, m) == 0 { return UnsafeRawPointer(hit) - UnsafeRawPointer(data) }
                    p = UnsafeRawPointer(hit) + 1
                }
                return -1
            }
            // Canonical widths: a wider pattern holds a code point this str cannot.
            if pattern.width > width { return -1 }
            let first = pattern[0]
            var i = low
            while i <= high - m {
                if self[i] == first && matches(pattern, at: i) { return i }
                i += 1
            }
            return -1
        }

        /// The last occurrence of a nonempty `pattern` within `low..<high`; -1 when none.
        func lastIndex(of pattern: Points, from low: Int, to high: Int) -> Int {
            let m = pattern.count
            if high - low < m || pattern.width > width { return -1 }
            let first = pattern[0]
            var i = high - m
            while i >= low {
                if self[i] == first && matches(pattern, at: i) { return i }
                i -= 1
            }
            return -1
        }
    }

    static func make(_ points: ArraySlice<UInt32>) -> Value { Str.make(codePoints: points) }

    /// `s[low:high]` as a new str (`s` itself when that is all of it), in the narrowest width.
    static func substring(_ s: Value, _ low: Int, _ high: Int) -> Value {
        let n = high - low
        if n == Str.count(s) && s.type.is(BuiltinTypes.str) { return s }
        if n == 1 { return Str.character(Str.codePoint(s, at: low)) }
        let width = Str.width(s)
        if width == 1 {
            let result = Str.allocate(count: n, width: 1)
            if n > 0 { Str.data(result).copyMemory(from: Str.data(s) + low, byteCount: n) }
            return result
        }
        let text = Points(s)
        var widest: UInt32 = 0
        for i in low..<high { widest = max(widest, text[i]) }
        let target = widest < 0x100 ? 1 : (widest < 0x10000 ? 2 : 4)
        let result = Str.allocate(count: n, width: target)
        let source = Points(s), out = Str.data(result)
        for k in 0..<n {
            let c = source[low + k]
            switch target {
            case 1: out.storeBytes(of: UInt8(c), toByteOffset: k, as: UInt8.self)
            case 2: out.storeBytes(of: UInt16(c), toByteOffset: k * 2, as: UInt16.self)
            default: out.storeBytes(of: c, toByteOffset: k * 4, as: UInt32.self)
            }
        }
        return result
    }

    /// Python's str.isspace() characters: the ASCII separators and Unicode's White_Space.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (0x09...0x0D).contains(c) || (0x1C...0x1F).contains(c) }
        return Unicode.Scalar(c)?.properties.isWhitespace ?? false
    }

    // MARK: split and join

    /// `s.split(sep, maxsplit)`; with no separator, runs of white space separate and ends are trimmed.
    public static func split(_ s: Value, separator: Value?, maxSplit: Int = -1) throws(PythonError) -> Value {
        let result = List.make()
        var splits = 0
        let n = Str.count(s)
        guard let separator else {
            var i = 0
            while i < n {
                while i < n && isSpace(Str.codePoint(s, at: i)) { i += 1 }
                if i == n { break }
                if maxSplit >= 0 && splits == maxSplit {
                    // The rest stays whole, trailing white space included.
                    List.append(result, substring(s, i, n))
                    break
                }
                let start = i
                while i < n && !isSpace(Str.codePoint(s, at: i)) { i += 1 }
                List.append(result, substring(s, start, i))
                splits += 1
            }
            return result
        }
        try checkSeparator(separator)
        let m = Str.count(separator)
        var start = 0
        while maxSplit < 0 || splits < maxSplit {
            let i = Points(s).firstIndex(of: Points(separator), from: start, to: n)
            if i < 0 { break }
            List.append(result, substring(s, start, i))
            start = i + m
            splits += 1
        }
        List.append(result, substring(s, start, n))
        return result
    }

    /// `s.rsplit(sep, maxsplit)`: as split, from the right.
    public static func rsplit(_ s: Value, separator: Value?, maxSplit: Int = -1) throws(PythonError) -> Value {
        // Without a limit, white space splits the same from either end; a separator may not
        // ('aaa'.rsplit('aa') is ['a', '']).
        if maxSplit < 0 && separator == nil { return try split(s, separator: nil, maxSplit: -1) }
        let maxSplit = maxSplit < 0 ? Int.max : maxSplit
        let n = Str.count(s)
        var pieces: [Range<Int>] = []
        var splits = 0
        if let separator {
            try checkSeparator(separator)
            let m = Str.count(separator)
            var end = n
            while splits < maxSplit {
                let i = Points(s).lastIndex(of: Points(separator), from: 0, to: end)
                if i < 0 { break }
                pieces.append((i + m)..<end)
                end = i
                splits += 1
            }
            pieces.append(0..<end)
        } else {
            let text = Points(s)
            var i = n
            while i > 0 {
                while i > 0 && isSpace(text[i - 1]) { i -= 1 }
                if i == 0 { break }
                if splits == maxSplit {
                    pieces.append(0..<i)  // leading white space included
                    break
                }
                let end = i
                while i > 0 && !isSpace(text[i - 1]) { i -= 1 }
                pieces.append(i..<end)
                splits += 1
            }
        }
        let result = List.make()
        for piece in pieces.reversed() { List.append(result, substring(s, piece.lowerBound, piece.upperBound)) }
        return result
    }

    static func checkSeparator(_ separator: Value) throws(PythonError) {
        guard separator.kind == .str else {
            throw PythonError(.typeError, "must be str or None, not \(TypeObjects.name(separator.type))")
        }
        if Str.count(separator) == 0 { throw PythonError(.valueError, "empty separator") }
    }

    /// `sep.join(items)` for a list or tuple of strs.
    public static func join(_ separator: Value, _ items: Value) throws(PythonError) -> Value {
        let (pointer, count) = items.kind == .tuple ? (Tuple.items(items), Tuple.count(items)) : (List.items(items), List.count(items))
        var total = 0
        var narrow = Str.width(separator) == 1
        for i in 0..<count {
            let item = pointer[i]
            guard item.kind == .str else {
                throw PythonError(.typeError, "sequence item \(i): expected str instance, \(TypeObjects.name(item.type)) found")
            }
            total += Str.count(item)
            if Str.width(item) != 1 { narrow = false }
        }
        if narrow {
            // All width 1: the bytes copied straight into the result.
            let m = Str.count(separator)
            total += m * max(0, count - 1)
            let result = Str.allocate(count: total, width: 1)
            // The allocation may have collected: read the items again.
            let items = items.kind == .tuple ? Tuple.items(items) : List.items(items)
            var out = Str.data(result)
            for i in 0..<count {
                if i > 0 && m > 0 {
                    out.copyMemory(from: Str.data(separator), byteCount: m)
                    out += m
                }
                let item = items[i]
                let n = Str.count(item)
                if n > 0 { out.copyMemory(from: Str.data(item), byteCount: n) }
                out += n
            }
            return result
        }
        var out: [UInt32] = []
        out.reserveCapacity(total + Str.count(separator) * max(0, count - 1))
        let sep = codePoints(separator)
        for i in 0..<count {
            if i > 0 { out += sep }
            let item = Points(pointer[i])
            for k in 0..<item.count { out.append(item[k]) }
        }
        return Str.make(codePoints: out)
    }

    // MARK: strip, search, replace

    public enum StripSide { case both, left, right }

    /// `s.strip(chars)` and its left and right forms; white space when no chars are given.
    public static func strip(_ s: Value, characters: Value?, side: StripSide = .both) throws(PythonError) -> Value {
        if let characters, characters.kind != .str {
            throw PythonError(.typeError, "\(side == .both ? "" : side == .left ? "l" : "r")strip arg must be None or str")
        }
        let set = characters.map { Points($0) }
        @inline(__always)
        func strippable(_ c: UInt32) -> Bool {
            guard let set else { return isSpace(c) }
            for k in 0..<set.count where set[k] == c { return true }
            return false
        }
        let text = Points(s)
        var start = 0, end = text.count
        if side != .right { while start < end && strippable(text[start]) { start += 1 } }
        if side != .left { while end > start && strippable(text[end - 1]) { end -= 1 } }
        return substring(s, start, end)
    }

    /// The index of `needle` in `s[start:end]` (clamped as slices are), searching from the
    /// left or right; -1 when absent.
    public static func find(_ s: Value, _ needle: Value, start: Int? = nil, end: Int? = nil, fromRight: Bool = false) throws(PythonError) -> Int {
        guard needle.kind == .str else {
            throw PythonError(.typeError, "must be str, not \(TypeObjects.name(needle.type))")
        }
        let text = Points(s), pattern = Points(needle)
        let (low, high) = clampedRange(start, end, count: text.count)
        if high - low < pattern.count { return -1 }
        if pattern.count == 0 { return fromRight ? high : low }
        return fromRight ? text.lastIndex(of: pattern, from: low, to: high) : text.firstIndex(of: pattern, from: low, to: high)
    }

    /// `s.index(...)`: find, or ValueError("substring not found").
    public static func index(_ s: Value, _ needle: Value, start: Int? = nil, end: Int? = nil, fromRight: Bool = false) throws(PythonError) -> Int {
        let i = try find(s, needle, start: start, end: end, fromRight: fromRight)
        if i < 0 { throw PythonError(.valueError, "substring not found") }
        return i
    }

    /// Search bounds as CPython adjusts them: negative ones count from the end, the end is
    /// clamped to the length, the start is not (a start past the end finds nothing).
    static func clampedRange(_ start: Int?, _ end: Int?, count: Int) -> (Int, Int) {
        let low = start.map { $0 < 0 ? max(0, $0 + count) : $0 } ?? 0
        let high = end.map { $0 < 0 ? max(0, $0 + count) : min($0, count) } ?? count
        return (low, high)
    }

    /// Non-overlapping occurrences of `needle`; an empty needle occurs between every character.
    public static func count(_ s: Value, _ needle: Value, start: Int? = nil, end: Int? = nil) throws(PythonError) -> Int {
        guard needle.kind == .str else {
            throw PythonError(.typeError, "must be str, not \(TypeObjects.name(needle.type))")
        }
        let text = Points(s), pattern = Points(needle)
        let (low, high) = clampedRange(start, end, count: text.count)
        if high < low { return 0 }
        if pattern.count == 0 { return high - low + 1 }
        var n = 0, i = low
        if pattern.count == 1 && text.width == 1 {
            // One character: count the bytes in place.
            guard pattern[0] < 0x100 else { return 0 }
            let c = UInt8(pattern[0])
            let bytes = text.data.assumingMemoryBound(to: UInt8.self)
            for k in low..<high where bytes[k] == c { n += 1 }
            return n
        }
        while true {
            let found = text.firstIndex(of: pattern, from: i, to: high)
            if found < 0 { return n }
            n += 1
            i = found + pattern.count
        }
    }

    /// `s.replace(old, new, count)`; an empty `old` inserts `new` between characters.
    public static func replace(_ s: Value, _ old: Value, _ new: Value, count limit: Int = -1) throws(PythonError) -> Value {
        guard old.kind == .str, new.kind == .str else {
            throw PythonError(.typeError, "replace() argument \(old.kind == .str ? 2 : 1) must be str, not \(TypeObjects.name((old.kind == .str ? new : old).type))")
        }
        let n = Str.count(s), m = Str.count(old), r = Str.count(new)
        if m > 0 && Str.width(s) == 1 && Str.width(new) == 1 {
            // Width 1 throughout: find the matches, then copy bytes into the result.
            var found: [Int] = []
            var i = 0
            while limit < 0 || found.count < limit {
                let at = Points(s).firstIndex(of: Points(old), from: i, to: n)
                if at < 0 { break }
                found.append(at)
                i = at + m
            }
            if found.isEmpty && s.type.is(BuiltinTypes.str) { return s }
            let result = Str.allocate(count: n + found.count * (r - m), width: 1)
            let source = Str.data(s), replacement = Str.data(new)
            var out = Str.data(result)
            var previous = 0
            for at in found {
                out.copyMemory(from: source + previous, byteCount: at - previous)
                out += at - previous
                if r > 0 { out.copyMemory(from: replacement, byteCount: r) }
                out += r
                previous = at + m
            }
            out.copyMemory(from: source + previous, byteCount: n - previous)
            return result
        }
        let text = codePoints(s), pattern = codePoints(old), replacement = codePoints(new)
        var out: [UInt32] = []
        var replaced = 0
        var i = 0
        if pattern.isEmpty {
            for c in text {
                if limit < 0 || replaced < limit { out += replacement; replaced += 1 }
                out.append(c)
            }
            if limit < 0 || replaced < limit { out += replacement }
            return Str.make(codePoints: out)
        }
        while i < text.count {
            if (limit < 0 || replaced < limit) && i + pattern.count <= text.count && text[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += replacement
                i += pattern.count
                replaced += 1
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return Str.make(codePoints: out)
    }

    /// `s.startswith(prefix)` / `s.endswith(suffix)`, with a str or a tuple of strs.
    public static func hasAffix(_ s: Value, _ affix: Value, atEnd: Bool, start: Int? = nil, end: Int? = nil) throws(PythonError) -> Bool {
        if affix.kind == .tuple {
            for i in 0..<Tuple.count(affix) where try hasAffix(s, Tuple.items(affix)[i], atEnd: atEnd, start: start, end: end) {
                return true
            }
            return false
        }
        guard affix.kind == .str else {
            let name = atEnd ? "endswith" : "startswith"
            throw PythonError(.typeError, "\(name) first arg must be str or a tuple of str, not \(TypeObjects.name(affix.type))")
        }
        // CPython's index adjustment: negative indexes count from the end; `end` is clamped,
        // `start` is not, so a start past the end matches nothing, not even "".
        let n = Str.count(s), length = Str.count(affix)
        var low = start ?? 0, high = end ?? n
        if high > n { high = n } else if high < 0 { high = max(0, high + n) }
        if low < 0 { low = max(0, low + n) }
        guard high - low >= length else { return false }
        let offset = atEnd ? high - length : low
        for i in 0..<length where Str.codePoint(s, at: offset + i) != Str.codePoint(affix, at: i) { return false }
        return true
    }

    /// `s.partition(sep)` / `s.rpartition(sep)`.
    public static func partition(_ s: Value, _ separator: Value, fromRight: Bool) throws(PythonError) -> Value {
        guard separator.kind == .str else {
            throw PythonError(.typeError, "must be str, not \(TypeObjects.name(separator.type))")
        }
        try checkSeparator(separator)
        let i = try find(s, separator, fromRight: fromRight)
        let empty = Str.make("")
        if i < 0 { return fromRight ? Tuple.make(empty, empty, s) : Tuple.make(s, empty, empty) }
        let head = substring(s, 0, i)
        let tail = substring(s, i + Str.count(separator), Str.count(s))
        return Tuple.make(head, separator, tail)
    }

    // MARK: case and padding

    /// `s.upper()` / `s.lower()` with Unicode's full case mappings ('ß'.upper() is 'SS').
    public static func changeCase(_ s: Value, upper: Bool) -> Value {
        if isASCII(s) {
            return mapASCII(s) { c, _ in upper ? (isLowerASCII(c) ? c - 32 : c) : (isUpperASCII(c) ? c + 32 : c) }
        }
        if upper {
            var out = ""
            for scalar in Str.swiftString(s).unicodeScalars { out += UnicodeVersion.uppercase(scalar) }
            return Str.make(out)
        }
        let scalars = codePoints(s).map { Unicode.Scalar($0) ?? "\u{FFFD}" }
        var out = String.UnicodeScalarView()
        for i in scalars.indices { out.append(contentsOf: lowercase(scalars, at: i).unicodeScalars) }
        return Str.make(String(out))
    }

    /// The lower case of `scalars[i]`, with Unicode's one context-dependent rule: a capital
    /// sigma that ends a word (a cased letter before it, none after it, skipping
    /// case-ignorable characters) becomes a final sigma.
    static func lowercase(_ scalars: [Unicode.Scalar], at i: Int) -> String {
        let scalar = scalars[i]
        guard scalar == "\u{03A3}" else { return UnicodeVersion.lowercase(scalar) }
        func casedNeighbour(_ indices: some Sequence<Int>) -> Bool {
            for j in indices {
                if scalars[j].properties.isCaseIgnorable && UnicodeVersion.knows(scalars[j]) { continue }
                return UnicodeVersion.isCased(scalars[j])
            }
            return false
        }
        let final = casedNeighbour(stride(from: i - 1, through: 0, by: -1)) && !casedNeighbour((i + 1)..<scalars.count)
        return final ? "\u{03C2}" : "\u{03C3}"
    }

    /// `s.casefold()`: lower case, with the full foldings that lower case lacks (ß folds to
    /// "ss", final sigma to sigma), taken as the lower case of the upper case.
    public static func casefold(_ s: Value) -> Value {
        if isASCII(s) { return changeCase(s, upper: false) }
        var out = ""
        for scalar in Str.swiftString(s).unicodeScalars {
            if scalar == "\u{1E9E}" {  // capital sharp s: its upper case is itself
                out += "ss"
            } else {
                for upper in UnicodeVersion.uppercase(scalar).unicodeScalars { out += UnicodeVersion.lowercase(upper) }
            }
        }
        return Str.make(out)
    }

    /// `s.title()`, `s.capitalize()`, `s.swapcase()`, with Unicode's full mappings.
    public enum CaseStyle { case title, capitalize, swapcase }

    public static func recase(_ s: Value, _ style: CaseStyle) -> Value {
        if isASCII(s) {
            // ASCII letters are cased; their title case is their upper case.
            return mapASCII(s) { c, previous in
                let toUpper: Bool
                switch style {
                case .title: toUpper = !(isUpperASCII(previous) || isLowerASCII(previous))
                case .capitalize: toUpper = previous == 0
                case .swapcase: toUpper = isLowerASCII(c)
                }
                if toUpper { return isLowerASCII(c) ? c - 32 : c }
                return isUpperASCII(c) ? c + 32 : c
            }
        }
        var out = String.UnicodeScalarView()
        var previousCased = false
        let scalars = codePoints(s).map { Unicode.Scalar($0) ?? "\u{FFFD}" }
        for (i, scalar) in scalars.enumerated() {
            let p = scalar.properties
            let mapped: String
            let known = UnicodeVersion.knows(scalar)
            switch style {
            case .title: mapped = previousCased ? lowercase(scalars, at: i) : UnicodeVersion.titlecase(scalar)
            case .capitalize: mapped = i == 0 ? UnicodeVersion.titlecase(scalar) : lowercase(scalars, at: i)
            case .swapcase:
                mapped = known && p.isUppercase ? lowercase(scalars, at: i) : (known && p.isLowercase ? p.uppercaseMapping : String(scalar))
            }
            out.append(contentsOf: mapped.unicodeScalars)
            previousCased = known && p.isCased
        }
        return Str.make(String(out))
    }

    @inline(__always) static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }

    /// Whether `s` is all ASCII (width 1, every byte below 0x80).
    static func isASCII(_ s: Value) -> Bool {
        guard Str.width(s) == 1 else { return false }
        let n = Str.count(s)
        let bytes = Str.data(s).assumingMemoryBound(to: UInt8.self)
        var k = 0
        while k + 8 <= n {
            if UnsafeRawPointer(bytes + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            k += 8
        }
        while k < n {
            if bytes[k] >= 0x80 { return false }
            k += 1
        }
        return true
    }

    /// A new ASCII str of `transform(byte, the byte before it or 0)` over the ASCII str `s`.
    static func mapASCII(_ s: Value, _ transform: (UInt8, UInt8) -> UInt8) -> Value {
        let n = Str.count(s)
        let result = Str.allocate(count: n, width: 1)
        let source = Str.data(s).assumingMemoryBound(to: UInt8.self)
        let out = Str.data(result).assumingMemoryBound(to: UInt8.self)
        var previous: UInt8 = 0
        for k in 0..<n {
            out[k] = transform(source[k], previous)
            previous = source[k]
        }
        return result
    }

    /// The `is...` predicates of str: false for an empty str.
    public enum Predicate { case digit, decimal, numeric, alpha, alnum, space, upper, lower, title, printable }

    public static func test(_ s: Value, _ predicate: Predicate) -> Bool {
        if Str.count(s) == 0 { return predicate == .printable }
        if isASCII(s), let answer = testASCII(s, predicate) { return answer }
        let text = codePoints(s)
        let scalars = text.map { Unicode.Scalar($0) ?? "\u{FFFD}" }
        switch predicate {
        case .decimal: return scalars.allSatisfy { numericType($0) == .decimal }
        case .digit: return scalars.allSatisfy { numericType($0) == .decimal || numericType($0) == .digit }
        case .numeric: return scalars.allSatisfy { numericType($0) != nil }
        case .alpha: return scalars.allSatisfy(isAlpha)
        case .alnum: return scalars.allSatisfy { isAlpha($0) || numericType($0) != nil }
        case .space: return text.allSatisfy(isSpace)
        case .printable: return scalars.allSatisfy(Objects.isPrintable)
        case .upper, .lower:
            // Every cased character in that case, and at least one cased character.
            let cased = scalars.filter(UnicodeVersion.isCased)
            if cased.isEmpty { return false }
            return cased.allSatisfy { predicate == .upper ? $0.properties.isUppercase : $0.properties.isLowercase }
        case .title:
            // Uppercase and titlecase letters only after uncased ones, lowercase only after cased.
            var previousCased = false, sawCased = false
            for scalar in scalars {
                let p = scalar.properties
                guard UnicodeVersion.knows(scalar) else {
                    previousCased = false
                    continue
                }
                let upperOrTitle = p.isUppercase || p.generalCategory == .titlecaseLetter
                if upperOrTitle {
                    if previousCased { return false }
                    previousCased = true
                    sawCased = true
                } else if p.isLowercase {
                    if !previousCased { return false }
                    previousCased = true
                    sawCased = true
                } else {
                    previousCased = false
                }
            }
            return sawCased
        }
    }

    /// The predicates on ASCII text, without Unicode property lookups; nil for the ones whose
    /// ASCII answer needs the general rule (title case).
    static func testASCII(_ s: Value, _ predicate: Predicate) -> Bool? {
        let text = UnsafeBufferPointer(start: Str.data(s).assumingMemoryBound(to: UInt8.self), count: Str.count(s))
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isUpper(_ c: UInt8) -> Bool { isUpperASCII(c) }
        func isLower(_ c: UInt8) -> Bool { isLowerASCII(c) }
        func isSpace(_ c: UInt8) -> Bool { StrMethods.isSpace(UInt32(c)) }
        switch predicate {
        case .decimal, .digit, .numeric: return text.allSatisfy(isDigit)
        case .alpha: return text.allSatisfy { isUpper($0) || isLower($0) }
        case .alnum: return text.allSatisfy { isUpper($0) || isLower($0) || isDigit($0) }
        case .space: return text.allSatisfy(isSpace)
        case .upper: return text.contains(where: isUpper) && !text.contains(where: isLower)
        case .lower: return text.contains(where: isLower) && !text.contains(where: isUpper)
        case .printable: return text.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        case .title: return nil
        }
    }

    static func numericType(_ scalar: Unicode.Scalar) -> Unicode.NumericType? {
        UnicodeVersion.knows(scalar) ? scalar.properties.numericType : nil
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        guard UnicodeVersion.knows(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `s.center(width, fill)`, `ljust` ('<') and `rjust` ('>'). Centring puts the odd pad
    /// character on the left only when the width is odd too, as CPython does.
    public static func justify(_ s: Value, width: Int, fill: Value?, align: Character) throws(PythonError) -> Value {
        var fillPoint: UInt32 = 0x20
        if let fill {
            guard fill.kind == .str else {
                throw PythonError(.typeError, "The fill character must be a unicode character, not \(TypeObjects.name(fill.type))")
            }
            guard Str.count(fill) == 1 else {
                throw PythonError(.typeError, "The fill character must be exactly one character long")
            }
            fillPoint = Str.codePoint(fill, at: 0)
        }
        let padding = width - Str.count(s)
        if padding <= 0 { return s }
        let left: Int
        switch align {
        case "<": left = 0
        case ">": left = padding
        default: left = padding / 2 + (padding & width & 1)
        }
        return padded(s, left: left, right: padding - left, fill: fillPoint)
    }

    /// `s` with `left` and `right` copies of `fill` around it; with `signFirst`, the first
    /// character of `s` goes before the left padding. Both `s` and the fill need the result's
    /// width, so it is the narrowest.
    static func padded(_ s: Value, left: Int, right: Int, fill: UInt32, signFirst: Bool = false) -> Value {
        let n = Str.count(s)
        let width = max(Str.width(s), fill < 0x100 ? 1 : (fill < 0x10000 ? 2 : 4))
        let result = Str.allocate(count: n + left + right, width: width)
        let out = Str.data(result)
        let text = Points(s)
        var k = 0
        @inline(__always)
        func store(_ c: UInt32) {
            switch width {
            case 1: out.storeBytes(of: UInt8(c), toByteOffset: k, as: UInt8.self)
            case 2: out.storeBytes(of: UInt16(c), toByteOffset: k * 2, as: UInt16.self)
            default: out.storeBytes(of: c, toByteOffset: k * 4, as: UInt32.self)
            }
            k += 1
        }
        let lead = signFirst ? 1 : 0
        for i in 0..<lead { store(text[i]) }
        for _ in 0..<left { store(fill) }
        for i in lead..<n { store(text[i]) }
        for _ in 0..<right { store(fill) }
        return result
    }

    /// `s.zfill(width)`: zeros after a leading sign.
    public static func zfill(_ s: Value, width: Int) -> Value {
        let n = Str.count(s)
        let padding = width - n
        if padding <= 0 { return s }
        let signed = n > 0 && (Str.codePoint(s, at: 0) == 0x2B || Str.codePoint(s, at: 0) == 0x2D)
        return padded(s, left: padding, right: 0, fill: 0x30, signFirst: signed)
    }

    /// `s.splitlines(keepends)`: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029 end lines.
    public static func splitlines(_ s: Value, keepEnds: Bool = false) -> Value {
        let text = Points(s)
        let result = List.make()
        var start = 0, i = 0
        while i < text.count {
            let c = text[i]
            let isBreak = c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C || (0x1C...0x1E).contains(c) || c == 0x85 || c == 0x2028 || c == 0x2029
            if !isBreak {
                i += 1
                continue
            }
            var end = i + 1
            if c == 0x0D && end < text.count && text[end] == 0x0A { end += 1 }
            List.append(result, substring(s, start, keepEnds ? end : i))
            start = end
            i = end
        }
        if start < text.count { List.append(result, substring(s, start, text.count)) }
        return result
    }
}
