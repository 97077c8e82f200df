import Foundation

/// The system's own disassembler, binutils' objdump, as the oracle the encoder is checked against.
enum SystemDisassembler {
    struct Instruction: Equatable {
        let offset: Int
        let length: Int
        /// objdump's Intel syntax with runs of blanks collapsed and the trailing `# address` comment dropped.
        let text: String
    }

    /// Decodes a raw buffer placed at address 0 with `objdump -D -b binary -m i386:x86-64 -M intel`,
    /// in one process however many instructions it holds.
    static func disassemble(_ code: [UInt8]) throws -> [Instruction] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assembler-tests-\(UUID().uuidString).bin")
        try Data(code).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try run(objdump(), ["-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel", file.path])
        return parse(output)
    }

    /// objdump found on PATH; CI installs binutils.
    private static func objdump() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("objdump")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure("objdump is not on PATH: install binutils (apt-get install binutils) to verify the encodings")
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("\(executable.path) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Lines look like `  1f:\t48 8b 45 00    \tmov    rax,QWORD PTR [rbp+0x0]`; an instruction
    /// longer than seven bytes continues its bytes on a line with no text.
    private static func parse(_ output: String) -> [Instruction] {
        var instructions: [Instruction] = []
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].hasSuffix(":"),
                  let offset = Int(fields[0].dropLast().trimmingCharacters(in: .whitespaces), radix: 16) else { continue }
            let byteCount = fields[1].split(separator: " ").count
            if fields.count == 2, let last = instructions.popLast() {
                instructions.append(Instruction(offset: last.offset, length: last.length + byteCount, text: last.text))
            } else if fields.count >= 3 {
                instructions.append(Instruction(offset: offset, length: byteCount, text: normalize(String(fields[2]))))
            }
        }
        return instructions
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func normalize(_ text: String) -> String {
        let withoutComment = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return withoutComment.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
