/// A program's source: its file name and its bytes, checked to be UTF-8 without NUL bytes before any
/// token is made, as CPython checks a file it is asked to run.
public struct SourceText: Sendable {
    public let fileName: String
    public let bytes: [UInt8]
    /// Where the text begins: 3 when the file starts with a UTF-8 byte-order mark, which CPython skips.
    public let contentStart: Int

    /// Checks the bytes. A NUL byte or a byte sequence that is not UTF-8 is a SyntaxError with the
    /// message CPython gives for a file without an encoding declaration.
    public init(fileName: String, bytes: [UInt8]) throws(SyntaxErrorInfo) {
        self.fileName = fileName
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        contentStart = hasByteOrderMark ? 3 : 0
        try checkEncoding()
    }

    public init(fileName: String, text: String) throws(SyntaxErrorInfo) {
        try self.init(fileName: fileName, bytes: Array(text.utf8))
    }

    /// The source text a token covers.
    public func text(of token: Token) -> String {
        text(from: Int(token.byteStart), to: Int(token.byteEnd))
    }

    public func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a source line without its line break, as SyntaxError.text holds it (1-based).
    public func lineText(_ line: Int) -> String {
        var offset = contentStart
        var current = 1
        while current < line && offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\r") {
                if offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") { offset += 1 }
                current += 1
            } else if bytes[offset] == UInt8(ascii: "\n") {
                current += 1
            }
            offset += 1
        }
        return text(from: offset, to: lineEnd(from: offset))
    }

    /// The byte offset where the line holding `offset` starts.
    func lineStart(before offset: Int) -> Int {
        var start = offset
        while start > contentStart && !isLineBreak(bytes[start - 1]) { start -= 1 }
        return start
    }

    /// The byte offset just past the last character of the line starting at `start` (before its break).
    func lineEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count && !isLineBreak(bytes[end]) { end += 1 }
        return end
    }

    /// The number of code points in a byte range of valid UTF-8: every byte that does not continue a
    /// sequence starts one.
    func codePointCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    private func checkEncoding() throws(SyntaxErrorInfo) {
        var index = contentStart
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                throw nulByteError(at: index, line: line)
            }
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peekByte(index + 1) != UInt8(ascii: "\n")) {
                    line += 1
                }
                index += 1
                continue
            }
            guard let length = validSequenceLength(at: index) else {
                throw SyntaxErrorInfo(
                    kind: .syntaxError,
                    message: "Non-UTF-8 code starting with '\\x\(hexDigits(byte, width: 2).lowercased())' in file \(fileName) on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    fileName: fileName)
            }
            index += length
        }
    }

    private func nulByteError(at index: Int, line: Int) -> SyntaxErrorInfo {
        let start = lineStart(before: index)
        return SyntaxErrorInfo(
            kind: .syntaxError, message: "source code cannot contain null bytes", fileName: fileName,
            line: line, offset: 0, endLine: line, endOffset: 0, text: text(from: start, to: index))
    }

    private func peekByte(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// The length of the UTF-8 sequence starting at `index` if it is well formed: shortest form, no
    /// surrogates, nothing above U+10FFFF (what CPython's strict decoder accepts).
    private func validSequenceLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}

@inline(__always)
func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}

/// Upper-case hexadecimal digits of a value, zero-padded to `width`, as CPython's "%04X".
func hexDigits<T: BinaryInteger>(_ value: T, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
