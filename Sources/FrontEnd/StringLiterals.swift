/// The value of a STRING token: what its prefix says and the code points it denotes.
public struct StringLiteral: Equatable, Sendable {
    public var isBytes: Bool
    public var isRaw: Bool
    /// An f-string: `codePoints` is then empty and `FStringBody.parts` splits the body.
    public var isFormatted: Bool
    /// The decoded characters; for a bytes literal, the byte values.
    public var codePoints: [UInt32]
}

/// The parts of a string token: its prefix letters and the body between the quotes.
struct StringTokenLayout {
    var isBytes = false
    var isRaw = false
    var isFormatted = false
    /// Byte offsets of the body inside the source.
    var bodyStart: Int
    var bodyEnd: Int

    init(_ token: Token, in source: SourceText) {
        var index = Int(token.byteStart)
        let bytes = source.bytes
        while bytes[index] != UInt8(ascii: "'") && bytes[index] != UInt8(ascii: "\"") {
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "b"): isBytes = true
            case UInt8(ascii: "r"): isRaw = true
            case UInt8(ascii: "f"): isFormatted = true
            default: break
            }
            index += 1
        }
        let quote = bytes[index]
        let quoteLength = index + 2 < Int(token.byteEnd) - 1 && bytes[index + 1] == quote && bytes[index + 2] == quote ? 3 : 1
        bodyStart = index + quoteLength
        bodyEnd = Int(token.byteEnd) - quoteLength
    }
}

/// Decodes a STRING token's escapes (CPython's `decode_unicode_with_escapes` and
/// `_PyBytes_DecodeEscape`). Unknown escapes such as `\d` stay as written, as in 3.11, which only
/// warns about them.
public func decodeStringLiteral(_ token: Token, in source: SourceText) throws(SyntaxErrorInfo) -> StringLiteral {
    let layout = StringTokenLayout(token, in: source)
    var literal = StringLiteral(isBytes: layout.isBytes, isRaw: layout.isRaw, isFormatted: layout.isFormatted, codePoints: [])
    if layout.isFormatted { return literal }
    let body = source.text(from: layout.bodyStart, to: layout.bodyEnd)
    if layout.isBytes && body.utf8.contains(where: { $0 >= 0x80 }) {
        throw literalError("bytes can only contain ASCII literal characters", token, in: source)
    }
    do {
        literal.codePoints = try decodeEscapes(Substring(body), isRaw: layout.isRaw, isBytes: layout.isBytes)
    } catch {
        throw literalError(error.message, token, in: source)
    }
    return literal
}

/// A malformed escape, with CPython's message.
struct EscapeError: Error {
    var message: String
}

/// The code points a literal body denotes, escapes resolved unless the literal is raw.
func decodeEscapes(_ body: Substring, isRaw: Bool, isBytes: Bool) throws(EscapeError) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(body.unicodeScalars.count)
    let scalars = Array(body.unicodeScalars)
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        if scalar == "\r" {
            // CPython reads every line break as "\n", inside strings too.
            if index < scalars.count && scalars[index] == "\n" { index += 1 }
            result.append(0x0A)
            continue
        }
        guard scalar == "\\" && !isRaw && index < scalars.count else {
            result.append(scalar.value)
            continue
        }
        let escapeStart = index - 1
        let kind = scalars[index]
        index += 1
        switch kind {
        case "\n": break
        case "\r": if index < scalars.count && scalars[index] == "\n" { index += 1 }
        case "\\", "'", "\"": result.append(kind.value)
        case "a": result.append(0x07)
        case "b": result.append(0x08)
        case "f": result.append(0x0C)
        case "n": result.append(0x0A)
        case "r": result.append(0x0D)
        case "t": result.append(0x09)
        case "v": result.append(0x0B)
        case "0"..."7":
            var value = kind.value - 0x30
            for _ in 0..<2 where index < scalars.count && ("0"..."7").contains(scalars[index]) {
                value = value * 8 + scalars[index].value - 0x30
                index += 1
            }
            result.append(isBytes ? value & 0xFF : value)
        case "x":
            result.append(try hexEscape(scalars, &index, digits: 2, start: escapeStart, isBytes: isBytes))
        case "u" where !isBytes:
            result.append(try hexEscape(scalars, &index, digits: 4, start: escapeStart, isBytes: false))
        case "U" where !isBytes:
            result.append(try hexEscape(scalars, &index, digits: 8, start: escapeStart, isBytes: false))
        case "N" where !isBytes:
            result.append(try namedEscape(scalars, &index, start: escapeStart))
        default:
            result.append(scalar.value)
            result.append(kind.value)
        }
    }
    return result
}

private func hexEscape(
    _ scalars: [Unicode.Scalar], _ index: inout Int, digits: Int, start: Int, isBytes: Bool
) throws(EscapeError) -> UInt32 {
    var value: UInt32 = 0
    for count in 0..<digits {
        guard index < scalars.count, let digit = hexValue(scalars[index]) else {
            if isBytes { throw EscapeError(message: "(value error) invalid \\x escape at position \(start)") }
            let name = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX"
            throw EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(start + 1 + count): truncated \(name) escape")
        }
        value = value * 16 + digit
        index += 1
    }
    guard value <= 0x10FFFF else {
        throw EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(start + 1 + digits): illegal Unicode character")
    }
    return value
}

private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 0x30
    case "a"..."f": return scalar.value - 0x61 + 10
    case "A"..."F": return scalar.value - 0x41 + 10
    default: return nil
    }
}

/// `\N{LATIN SMALL LETTER A}`: a character by its Unicode name or alias, in any case.
private func namedEscape(_ scalars: [Unicode.Scalar], _ index: inout Int, start: Int) throws(EscapeError) -> UInt32 {
    let malformed = EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(start + 1): malformed \\N character escape")
    guard index < scalars.count && scalars[index] == "{" else { throw malformed }
    guard let close = scalars[index...].firstIndex(of: "}"), close > index + 1 else { throw malformed }
    var name = ""
    name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<close])
    guard let value = UnicodeNames.lookup(name.uppercased()) else {
        throw EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(close): unknown Unicode character name")
    }
    index = close + 1
    return value
}

private func literalError(_ message: String, _ token: Token, in source: SourceText) -> SyntaxErrorInfo {
    let lineStart = source.lineStart(before: Int(token.byteStart))
    let offset = Int(token.start.column) + 1
    let endOffset = token.end.line == token.start.line ? Int(token.end.column) + 1 : offset
    return SyntaxErrorInfo(
        kind: .syntaxError, message: message, fileName: source.fileName, line: Int(token.start.line), offset: offset,
        endLine: Int(token.end.line), endOffset: endOffset, text: source.text(from: lineStart, to: source.lineEnd(from: lineStart)))
}
