import Glibc

/// `float(text)`: Python's float syntax, then the correctly rounded conversion.
extension Floats {
    /// `float(s)` for a str. ASCII text is read in place; other text first has its Unicode
    /// digits and white space made ASCII, as Python reads them.
    public static func parse(_ s: Value) throws(PythonError) -> Double {
        if StrMethods.isASCII(s) {
            let bytes = UnsafeBufferPointer(start: Str.data(s).assumingMemoryBound(to: UInt8.self), count: Str.count(s))
            if let value = parseASCII(bytes) { return value }
        } else {
            let ascii = Array(asciiDigitsAndSpaces(Str.swiftString(s)).utf8)
            if let value = ascii.withUnsafeBufferPointer({ parseASCII($0) }) { return value }
        }
        throw PythonError(.valueError, "could not convert string to float: \(try Objects.repr(s))")
    }

    /// The value of ASCII `text` in Python's float syntax (surrounding white space, a sign,
    /// `inf`/`infinity`/`nan` in any case, digits with single underscores between them, a
    /// point, an exponent), or nil when it is not one.
    static func parseASCII(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0, end = text.count
        while start < end && isSpace(text[start]) { start += 1 }
        while end > start && isSpace(text[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var i = start
        var negative = false
        if text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        if let special = specialValue(text, from: i, to: end) { return negative ? -special : special }
        // The number without its underscores, for strtod: at most the text's length, plus a NUL.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end - start + 2) { buffer -> Double? in
            var length = 0
            func append(_ byte: UInt8) {
                buffer[length] = CChar(bitPattern: byte)
                length += 1
            }
            func digits() -> Bool {
                guard i < end, isDigit(text[i]) else { return false }
                while i < end {
                    if isDigit(text[i]) {
                        append(text[i])
                        i += 1
                    } else if text[i] == UInt8(ascii: "_") && i + 1 < end && isDigit(text[i + 1]) {
                        i += 1
                    } else {
                        break
                    }
                }
                return true
            }
            if negative { append(UInt8(ascii: "-")) }
            let whole = digits()
            var fraction = false
            if i < end && text[i] == UInt8(ascii: ".") {
                append(UInt8(ascii: "."))
                i += 1
                fraction = digits()
            }
            guard whole || fraction else { return nil }
            if i < end && text[i] | 0x20 == UInt8(ascii: "e") {
                append(UInt8(ascii: "e"))
                i += 1
                if i < end && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
                    append(text[i])
                    i += 1
                }
                guard digits() else { return nil }
            }
            guard i == end else { return nil }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// inf, infinity or nan, in any case, filling `text[from..<to]` exactly.
    private static func specialValue(_ text: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Double? {
        func isWord(_ word: String) -> Bool {
            guard end - from == word.utf8.count else { return false }
            for (k, byte) in word.utf8.enumerated() where text[from + k] | 0x20 != byte { return false }
            return true
        }
        if isWord("inf") || isWord("infinity") { return .infinity }
        if isWord("nan") { return .nan }
        return nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The ASCII white space Python strips around a number.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Python reads any Unicode decimal digit as its ASCII digit, and any Unicode white space
    /// as a space, before parsing a number.
    static func asciiDigitsAndSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80, scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue {
                out.append(Unicode.Scalar(UInt8(48 + Int(digit))))
            } else if scalar.value >= 0x80 && scalar.properties.isWhitespace {
                out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
