import Foundation

/// Tells the user where a long session is. On a terminal: one live line, rewritten in place, with the
/// step, the program and engine being run, the elapsed time and an estimate of what remains. Elsewhere
/// (CI logs, files): one plain line per finished step. Colour only on a terminal, and never under NO_COLOR.
public final class ProgressDisplay {
    private let total: Int
    private let output: FileHandle
    private let isTerminal: Bool
    private let useColor: Bool
    private let start = Date()
    private var completed = 0
    private var liveLineShown = false

    /// `isTerminal` defaults to whether `output` is one.
    public init(
        total: Int, output: FileHandle = .standardError, isTerminal: Bool? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.total = total
        self.output = output
        self.isTerminal = isTerminal ?? (isatty(output.fileDescriptor) == 1)
        // NO_COLOR (no-color.org): present and not empty disables colour.
        useColor = self.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Shows that step `completed + 1` is running.
    public func begin(_ program: String, _ engine: String) {
        guard isTerminal else { return }
        let elapsed = Date().timeIntervalSince(start)
        var line = "[\(completed + 1)/\(total)] \(program) · \(engine) · \(Self.clock(elapsed)) elapsed"
        if completed > 0 {
            let remaining = elapsed / Double(completed) * Double(total - completed)
            line += ", ~\(Self.clock(remaining)) left"
        }
        write("\r\u{1B}[2K" + line)
        liveLineShown = true
    }

    /// Records a finished step; `outcome` is a short result such as "ok 0.12 s" or "crash SIGSEGV (11)".
    public func end(_ program: String, _ engine: String, status: RunStatus, outcome: String) {
        completed += 1
        if !isTerminal { write("[\(completed)/\(total)] \(program) \(engine): \(outcome)\n") }
        if isTerminal && status.isFailure { say("\(program) \(engine): \(colored(status, outcome))") }
    }

    /// A message that stays on screen above the live line.
    public func say(_ message: String) {
        if liveLineShown { write("\r\u{1B}[2K") }
        liveLineShown = false
        write(message + "\n")
    }

    public func finish() {
        if liveLineShown { write("\r\u{1B}[2K") }
        liveLineShown = false
    }

    private func colored(_ status: RunStatus, _ text: String) -> String {
        guard useColor else { return text }
        let code = status.isFailure ? "31" : "32"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func write(_ text: String) {
        output.write(Data(text.utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
