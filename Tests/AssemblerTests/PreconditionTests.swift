import Foundation
import XCTest
@testable import Assembler

/// Bad input stops the program with a message naming the mistake, never silent wrong bytes.
/// A trap ends the process, so each scenario runs in a child: this test binary, asked to run
/// only `testTrapScenario` with the scenario's name in the environment.
final class PreconditionTests: XCTestCase {
    private static let scenarioVariable = "ASSEMBLER_TRAP_SCENARIO"

    private static let scenarios: [String: (message: String, run: @Sendable (Assembler) -> Void)] = [
        "label bound twice": ("label 0 is already bound", { asm in
            let label = asm.newLabel()
            asm.bind(label)
            asm.bind(label)
        }),
        "label of another assembler": ("label 0 was not made by this assembler since its last reset()", { asm in
            asm.jmp(Assembler().newLabel())
        }),
        "immediate too wide": ("add: immediate 4294967296 does not fit a qword operand", { $0.add(.rax, 0x1_0000_0000) }),
        "byte immediate too wide": ("mov: immediate 256 does not fit a byte operand", { $0.mov(.al, 256) }),
        "widths differ": ("mov: operand widths differ (rax, ebx)", { $0.mov(.rax, .ebx) }),
        "short jump out of reach": ("short jump at offset 0 cannot reach offset 202", { asm in
            let far = asm.newLabel()
            asm.jmp(far, .short)
            for _ in 0..<200 { asm.ret() }
            asm.bind(far)
        }),
        "rsp as index": ("rsp cannot be a memory index", { $0.lea(.rax, .at(.rax, index: .rsp, scale: .x2)) }),
        "32-bit base": ("a memory base must be a 64-bit register, not eax", { $0.lea(.rax, .at(.eax)) }),
        "shift count not in cl": ("a shift count register must be cl, not rdx", { $0.shl(.rax, .rdx) }),
        "shift count too large": ("shift count 32 is out of range for a dword", { $0.shl(.eax, 32) }),
        "byte imul": ("imul has no two-operand byte form", { $0.imul(.al, .bl) }),
        "movzx of a dword": ("movzx extends a byte or a word, not a dword", { $0.movzx(.rax, .ebx) }),
        "setcc into a qword": ("setcc writes a byte register, not rax", { $0.setcc(.equal, .rax) }),
        "emit after finish": ("cannot emit into an assembler after finish()", { asm in
            try? asm.finish()
            asm.ret()
        }),
        "nested edits": ("CodeCache.edit calls cannot nest", { _ in
            let cache = try! CodeCache(capacity: 4096)
            cache.edit { _ in cache.edit { _ in } }
        }),
        "writer outside its edit": ("a CodeWriter was used outside its CodeCache.edit", { asm in
            let cache = try! CodeCache(capacity: 4096)
            let writer = cache.edit { $0 }
            asm.ret()
            _ = try? writer.install(asm)
        }),
        "patching a jump of another cache": ("the patchable jump is not in this code cache", { asm in
            let (first, second) = (try! CodeCache(capacity: 4096), try! CodeCache(capacity: 4096))
            let end = asm.newLabel()
            let site = asm.patchableJmp(to: end)
            asm.bind(end)
            asm.ret()
            let code = try! first.edit { try $0.install(asm) }
            try? second.edit { try $0.patch(code.patchableJump(at: site), to: code.start) }
        }),
    ]

    func testBadInputStopsWithAClearMessage() throws {
        guard ProcessInfo.processInfo.environment[Self.scenarioVariable] == nil else { return }
        for (name, scenario) in Self.scenarios.sorted(by: { $0.key < $1.key }) {
            let (status, errorOutput) = try runChild(scenario: name)
            XCTAssertNotEqual(status, 0, "\(name): the child did not trap")
            XCTAssertTrue(errorOutput.contains(scenario.message), "\(name): expected \"\(scenario.message)\" in:\n\(errorOutput)")
        }
    }

    /// Runs one scenario when a parent asked for it; does nothing in an ordinary test run.
    func testTrapScenario() {
        guard let name = ProcessInfo.processInfo.environment[Self.scenarioVariable] else { return }
        Self.scenarios[name]!.run(Assembler())
        XCTFail("scenario \(name) did not trap")
    }

    private func runChild(scenario: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["AssemblerTests.PreconditionTests/testTrapScenario"]
        // No backtrace: the message is all the parent reads, and backtracing is slow.
        let childVariables = [Self.scenarioVariable: scenario, "SWIFT_BACKTRACE": "enable=no"]
        process.environment = ProcessInfo.processInfo.environment.merging(childVariables) { $1 }
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorOutput = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, errorOutput)
    }
}
