import ArgumentParser
import Foundation

/// The exit statuses jitbench uses, and the one way its commands turn errors into them.
enum CommandFailure {
    /// Some program diverged, failed or crashed (the report is still written).
    static let failures: Int32 = 1
    /// Bad input: unreadable corpus, unknown engine, malformed file. Nothing was measured.
    static let badInput: Int32 = 2
    /// Stopped by SIGINT or SIGTERM; what was measured is written, marked partial.
    static let interrupted: Int32 = 130

    /// Runs a command's body, which returns its exit status; an error becomes one clear line on stderr
    /// and exit status 2 instead of a crash or a stack trace.
    static func exitingWith(_ body: () throws -> Int32) throws {
        let status: Int32
        do {
            status = try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("jitbench: \(error)")
            throw ExitCode(badInput)
        }
        if status != 0 { throw ExitCode(status) }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
