/// The kinds of token CPython 3.11's `tokenize` module reports. Every operator and bracket is `op`;
/// the exact operator is the token's text. An f-string is one `string` token, as in 3.11: its fields
/// are split later by `FStringBody` for the parser.
public enum TokenKind: UInt8, Sendable {
    case name, number, string, op, newline, nl, indent, dedent, comment, endMarker
    /// A printable ASCII character that starts no token (`$`, `?`, a lone `!`). CPython's tokenizer
    /// passes it on and the parser rejects it with "invalid syntax"; reporting it there, not here,
    /// lets a tokenizer error later in the file win, as in CPython.
    case errorToken

    /// The name `tokenize.tok_name` gives the kind.
    public var pythonName: String {
        switch self {
        case .name: return "NAME"
        case .number: return "NUMBER"
        case .string: return "STRING"
        case .op: return "OP"
        case .newline: return "NEWLINE"
        case .nl: return "NL"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .comment: return "COMMENT"
        case .endMarker: return "ENDMARKER"
        case .errorToken: return "ERRORTOKEN"
        }
    }
}

/// A place in the source as `tokenize` reports it: a 1-based line and a 0-based column counted in
/// code points from the start of that line.
public struct SourcePosition: Equatable, Sendable {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}

/// One token: its kind, the bytes it covers in the source, and where it starts and ends. The text is
/// not stored; `SourceText.text(of:)` slices it when someone asks.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// Byte offsets into the source; `end` is exclusive.
    public var byteStart: Int32
    public var byteEnd: Int32
    public var start: SourcePosition
    public var end: SourcePosition

    public init(kind: TokenKind, byteStart: Int32, byteEnd: Int32, start: SourcePosition, end: SourcePosition) {
        self.kind = kind
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.start = start
        self.end = end
    }
}
