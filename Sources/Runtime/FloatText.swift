/// `float(text)`: Python's float syntax, then the correctly rounded conversion.
extension Floats {
    public static func parse(_ text: String) throws(PythonError) -> Double {
        let invalid = PythonError(.valueError, "could not convert string to float: \(Objects.reprOfString(text))")
        let ascii = Array(asciiDigitsAndSpaces(text).trimmingCharacters(in: " ").lowercased().utf8)
        var i = 0
        var negative = false
        if i < ascii.count && (ascii[i] == UInt8(ascii: "+") || ascii[i] == UInt8(ascii: "-")) {
            negative = ascii[i] == UInt8(ascii: "-")
            i += 1
        }
        let word = String(decoding: ascii[i...], as: UTF8.self)
        if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
        if word == "nan" { return negative ? -.nan : .nan }
        var cleaned = negative ? "-" : ""
        func digitPart() -> Bool {
            guard i < ascii.count, isDigit(ascii[i]) else { return false }
            while i < ascii.count {
                if isDigit(ascii[i]) {
                    cleaned.unicodeScalars.append(Unicode.Scalar(ascii[i]))
                    i += 1
                } else if ascii[i] == UInt8(ascii: "_") && i + 1 < ascii.count && isDigit(ascii[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            return true
        }
        let whole = digitPart()
        var fraction = false
        if i < ascii.count && ascii[i] == UInt8(ascii: ".") {
            cleaned += "."
            i += 1
            fraction = digitPart()
        }
        guard whole || fraction else { throw invalid }
        if i < ascii.count && ascii[i] == UInt8(ascii: "e") {
            cleaned += "e"
            i += 1
            if i < ascii.count && (ascii[i] == UInt8(ascii: "+") || ascii[i] == UInt8(ascii: "-")) {
                cleaned.unicodeScalars.append(Unicode.Scalar(ascii[i]))
                i += 1
            }
            guard digitPart() else { throw invalid }
        }
        guard i == ascii.count, let value = Double(cleaned) else { throw invalid }
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

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
