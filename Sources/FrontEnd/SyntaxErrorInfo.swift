/// A syntax error as CPython reports it: the exception class, the message, and the location fields of
/// a `SyntaxError` instance (`lineno`, `offset`, `end_lineno`, `end_offset`, `text`).
public struct SyntaxErrorInfo: Error, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    public var message: String
    public var fileName: String
    /// 1-based; 0 when the error has no location (CPython then prints only the last line).
    public var line: Int
    /// 1-based code-point offset into `text` that the caret points at; 0 for no caret.
    public var offset: Int
    public var endLine: Int
    /// One past the last highlighted code point; equal to `offset` for a single caret.
    public var endOffset: Int
    /// The source line, without its line break.
    public var text: String?

    public init(
        kind: Kind, message: String, fileName: String, line: Int = 0, offset: Int = 0, endLine: Int = 0,
        endOffset: Int = 0, text: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.fileName = fileName
        self.line = line
        self.offset = offset
        self.endLine = endLine
        self.endOffset = endOffset
        self.text = text
    }

    /// The text CPython writes to stderr when this error ends a program (`print_exception` and
    /// `print_error_text` in pythonrun.c): the file and line, the source line with its leading
    /// blanks stripped, a caret line under the offending code, then the class and message.
    public var rendered: String {
        var out = ""
        if line > 0 {
            out += "  File \"\(fileName)\", line \(line)\n"
            if let text = text {
                out += renderedSourceLines(text)
            }
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }

    private func renderedSourceLines(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        var column = offset - 1
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{0C}" {
            scalars = scalars.dropFirst()
            column -= 1
        }
        var out = "    " + String(String.UnicodeScalarView(scalars)) + "\n"
        // A caret that would point left of the stripped text is not printed.
        guard column >= 0 else { return out }
        let carets = endOffset > 0 && endOffset > offset && endLine == line ? endOffset - offset : 1
        out += "    " + String(repeating: " ", count: min(column, scalars.count))
        out += String(repeating: "^", count: carets) + "\n"
        return out
    }
}
