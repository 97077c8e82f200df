import Foundation
import XCTest
@testable import Assembler

final class CodeCacheTests: XCTestCase {
    private func returning(_ value: Int64, padding: Int = 0) -> Assembler {
        let asm = Assembler()
        asm.mov(.rax, value)
        for _ in 0..<padding { asm.ret() }
        asm.ret()
        return asm
    }

    /// Pages are read+write while an edit writes them, read+execute after, never both.
    func testPagesAreNeverWritableAndExecutableAtOnce() throws {
        let cache = try CodeCache(capacity: 1 << 16)
        var permissionsDuringEdit = ""
        let code = try cache.edit { writer in
            let code = try writer.install(returning(7))
            permissionsDuringEdit = try permissions(of: code.start)
            return code
        }
        XCTAssertEqual(permissionsDuringEdit, "rw-p")
        XCTAssertEqual(try permissions(of: code.start), "r-xp")
        XCTAssertEqual(unsafeBitCast(code.start, to: (@convention(c) () -> Int).self)(), 7)

        // A second block in the same page: the page is writable again only during the edit.
        let second = try cache.edit { writer in
            let second = try writer.install(returning(8))
            permissionsDuringEdit = try permissions(of: code.start)
            return second
        }
        XCTAssertEqual(permissionsDuringEdit, "rw-p")
        XCTAssertEqual(try permissions(of: second.start), "r-xp")
        XCTAssertEqual(unsafeBitCast(second.start, to: (@convention(c) () -> Int).self)(), 8)
    }

    func testAccountingAddsUpToTheCapacity() throws {
        let cache = try CodeCache(capacity: 4096)
        XCTAssertEqual(cache.statistics.freeBytes, 4096)
        let first = returning(1)  // mov eax, 1; ret: 6 bytes
        let second = returning(2)
        _ = second.literal(low: 42)  // 6 bytes, 10 of alignment, a 16-byte literal: 32
        try cache.edit { writer in
            _ = try writer.install(first)
            _ = try writer.install(second)
        }
        let statistics = cache.statistics
        XCTAssertEqual(statistics.blocks, 2)
        XCTAssertEqual(statistics.codeBytes, 6 + 32)
        XCTAssertEqual(statistics.metadataBytes, 2 * 16)
        XCTAssertEqual(statistics.paddingBytes, 10)  // after the first block, to align the second header
        XCTAssertEqual(statistics.codeBytes + statistics.metadataBytes + statistics.paddingBytes + statistics.freeBytes, 4096)
    }

    /// A full region is an error the JIT can handle (flush, fall back to the interpreter), not a crash.
    func testExhaustionIsAnErrorAndLeavesTheCacheUsable() throws {
        let cache = try CodeCache(capacity: 4096)
        XCTAssertThrowsError(try cache.edit { try $0.install(returning(1, padding: 5000)) }) { error in
            XCTAssertEqual(error as? CodeCacheError, .exhausted(requested: 16 + 5006, free: 4096))
        }
        let code = try cache.edit { try $0.install(returning(9, padding: 4000)) }
        XCTAssertEqual(unsafeBitCast(code.start, to: (@convention(c) () -> Int).self)(), 9)
        XCTAssertThrowsError(try cache.edit { try $0.install(returning(1, padding: 100)) }) { error in
            // 4022 bytes are used: 10 of alignment, a header and the code do not fit in the 74 left.
            XCTAssertEqual(error as? CodeCacheError, .exhausted(requested: 10 + 16 + 106, free: 4096 - 16 - 4006))
        }
    }

    /// However many jumps an edit patches, it changes the protection twice.
    func testPatchesAreBatchedIntoOneProtectionFlip() throws {
        let cache = try CodeCache(capacity: 1 << 16)
        let asm = Assembler()
        let target = asm.newLabel()
        let sites = (0..<50).map { _ in asm.patchableJmp(to: target) }
        asm.bind(target)
        asm.mov(.eax, 50)
        asm.ret()
        let code = try cache.edit { try $0.install(asm) }
        let before = cache.statistics.protectionChanges
        try cache.edit { writer in
            for (index, site) in sites.enumerated() {
                // Each jump goes on to the next one; the last to the block's end.
                let next = index + 1 < sites.count ? sites[index + 1].offset - 1 : asm.offset(of: target)
                try writer.patch(code.patchableJump(at: site), to: code.address(at: next))
            }
        }
        XCTAssertEqual(cache.statistics.protectionChanges - before, 2)
        XCTAssertEqual(unsafeBitCast(code.start, to: (@convention(c) () -> Int).self)(), 50)
        XCTAssertEqual(code.patchableJump(at: sites[0]).target, code.address(at: sites[1].offset - 1))
    }

    func testUnboundLabelIsAnError() throws {
        let cache = try CodeCache(capacity: 4096)
        let asm = Assembler()
        let nowhere = asm.newLabel()
        asm.jmp(nowhere)
        XCTAssertThrowsError(try cache.edit { try $0.install(asm) }) { error in
            XCTAssertEqual(error as? AssemblerError, .unboundLabel(nowhere))
        }
        XCTAssertEqual(cache.statistics.blocks, 0)
    }

    /// A rel32 cannot span more than 2 GiB: an error when the code is placed, not wrong bytes.
    func testOutOfReachRelocationIsAnError() throws {
        let cache = try CodeCache(capacity: 4096)
        let probe = try cache.edit { try $0.install(returning(0)) }
        let farAway = UnsafeRawPointer(bitPattern: UInt(bitPattern: probe.start) &+ (3 << 30))!
        let asm = Assembler()
        asm.jmp(asm.label(at: farAway))
        XCTAssertThrowsError(try cache.edit { try $0.install(asm) }) { error in
            guard case .targetOutOfReach(let target, _)? = error as? CodeCacheError else { return XCTFail("\(error)") }
            XCTAssertEqual(target, UInt(bitPattern: farAway))
        }
    }

    func testPatchOutOfReachIsAnError() throws {
        let cache = try CodeCache(capacity: 4096)
        let asm = Assembler()
        let end = asm.newLabel()
        let site = asm.patchableJmp(to: end)
        asm.bind(end)
        asm.ret()
        let code = try cache.edit { try $0.install(asm) }
        let farAway = UnsafeRawPointer(bitPattern: UInt(bitPattern: code.start) &+ (3 << 30))!
        XCTAssertThrowsError(try cache.edit { try $0.patch(code.patchableJump(at: site), to: farAway) }) { error in
            XCTAssertEqual(error as? CodeCacheError, .targetOutOfReach(target: UInt(bitPattern: farAway),
                                                                       from: UInt(bitPattern: code.start) + 5))
        }
        XCTAssertEqual(code.patchableJump(at: site).target, code.address(at: 5))
    }

    /// The listing decodes each block from the cache's own bytes, so it shows patched targets.
    func testListingShowsBlocksAndPatchedTargets() throws {
        let cache = try CodeCache(capacity: 4096)
        let asm = Assembler()
        let target = asm.newLabel()
        let site = asm.patchableJmp(to: target)
        asm.bind(target)
        asm.ret()
        let code = try cache.edit { try $0.install(asm) }
        try cache.edit { try $0.patch(code.patchableJump(at: site), to: code.start) }
        let start = String(UInt(bitPattern: code.start), radix: 16)
        XCTAssertEqual(cache.listing(), """
            block 0: 6 bytes
            \(start):  e9 fb ff ff ff                  jmp 0x\(start)
            \(String(UInt(bitPattern: code.start) + 5, radix: 16)):  c3                              ret
            """)
    }

    /// The permissions column of /proc/self/maps for the mapping holding `address`.
    private func permissions(of address: UnsafeRawPointer) throws -> String {
        // /proc files report a size of 0, so read them as a stream.
        let maps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        let target = UInt(bitPattern: address)
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            if bounds.count == 2, (bounds[0]..<bounds[1]).contains(target) { return String(fields[1]) }
        }
        throw CocoaError(.fileReadNoSuchFile)
    }
}
