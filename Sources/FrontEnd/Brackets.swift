/// The open brackets of the current logical line. Inside brackets a line break is not the end of a
/// statement (it is an NL token) and indentation is not measured; a bracket still open at the end of
/// input is reported where it was opened.
struct BracketStack {
    /// CPython's MAXLEVEL: the deepest nesting of brackets.
    static let maximumDepth = 200

    struct OpenBracket {
        var character: UInt8
        var line: Int
        var byteOffset: Int
    }

    private(set) var open: [OpenBracket] = []

    var isEmpty: Bool { open.isEmpty }
    var innermost: OpenBracket? { open.last }

    enum Failure: Error {
        case tooDeep
        case unmatched
        case mismatched(opening: OpenBracket)
    }

    mutating func push(_ character: UInt8, line: Int, byteOffset: Int) throws(Failure) {
        guard open.count < Self.maximumDepth else { throw .tooDeep }
        open.append(OpenBracket(character: character, line: line, byteOffset: byteOffset))
    }

    mutating func pop(_ closing: UInt8) throws(Failure) {
        guard let opening = open.popLast() else { throw .unmatched }
        guard Self.closer(of: opening.character) == closing else { throw .mismatched(opening: opening) }
    }

    static func closer(of opening: UInt8) -> UInt8 {
        switch opening {
        case UInt8(ascii: "("): return UInt8(ascii: ")")
        case UInt8(ascii: "["): return UInt8(ascii: "]")
        default: return UInt8(ascii: "}")
        }
    }
}
