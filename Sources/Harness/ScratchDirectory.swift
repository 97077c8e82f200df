import Foundation

/// A private temporary directory for one harness session: captured outputs, stats files, the Python
/// driver. Removed when the session ends.
public final class ScratchDirectory {
    public let url: URL
    private var nextFileNumber = 0

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jitbench-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path in the directory that no earlier call returned; the file itself is not created.
    public func freshFile(_ suffix: String) -> URL {
        nextFileNumber += 1
        return url.appendingPathComponent("\(nextFileNumber).\(suffix)")
    }
}
