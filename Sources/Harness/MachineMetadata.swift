import Foundation

/// What the report records about where it was measured, so that results from different machines or
/// commits are never compared unknowingly.
enum MachineMetadata {
    static func collect(workingDirectory: String = FileManager.default.currentDirectoryPath) -> MachineInfo {
        var system = utsname()
        uname(&system)
        return MachineInfo(
            hostname: ProcessInfo.processInfo.hostName,
            cpuModel: cpuModel() ?? "unknown",
            cpuCount: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory,
            kernel: "\(field(&system.sysname)) \(field(&system.release)) \(field(&system.machine))",
            operatingSystem: operatingSystem() ?? ProcessInfo.processInfo.operatingSystemVersionString,
            commit: git(["rev-parse", "HEAD"]),
            commitDirty: git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty },
            engineEnvironment: Engine.environment)
    }

    private static func field<T>(_ value: inout T) -> String {
        withUnsafeBytes(of: &value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private static func cpuModel() -> String? {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
    }

    private static func operatingSystem() -> String? {
        guard let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        return release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// git's trimmed output, or nil outside a repository or without git.
    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
