#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

public enum CodeCacheError: Error, Equatable {
    /// The operating system refused to map the region.
    case mappingFailed(errno: Int32)
    /// The region has no room left for a block of `requested` bytes (header and alignment included).
    case exhausted(requested: Int, free: Int)
    /// A rel32 jump, call or operand cannot reach `target` from the instruction ending at `from`.
    case targetOutOfReach(target: UInt, from: UInt)
}

/// Where the region's bytes went. `codeBytes + metadataBytes + paddingBytes + freeBytes == capacity`.
public struct CodeCacheStatistics: Equatable, Sendable {
    public let capacity: Int
    /// Instructions and their literal pools.
    public let codeBytes: Int
    /// Block headers.
    public let metadataBytes: Int
    /// Alignment between blocks.
    public let paddingBytes: Int
    public let freeBytes: Int
    public let blocks: Int
    /// mprotect calls so far: two per `edit` that writes, three when patches reach below the blocks it installs.
    public let protectionChanges: Int
}

/// An installed block: its code starts at `start`.
public struct InstalledCode {
    public let start: UnsafeRawPointer
    /// Bytes of code, instructions then literal pool.
    public let size: Int

    /// The address of an offset in the assembled code, e.g. `assembler.offset(of: label)`
    /// (which may be the very end, for a label bound after the last instruction).
    public func address(at offset: Int) -> UnsafeRawPointer {
        precondition((0...size).contains(offset), "offset \(offset) is outside this block of \(size) bytes")
        return start + offset
    }

    /// The installed form of a patchable jump emitted in this block.
    public func patchableJump(at site: PatchSite) -> PatchableJump {
        PatchableJump(field: address(at: site.offset))
    }
}

/// A jump in installed code whose target `CodeWriter.patch` can rewrite.
public struct PatchableJump: Hashable {
    /// The address of its rel32 field, which is relative to `field + 4`.
    let field: UnsafeRawPointer

    /// Where the jump goes now.
    public var target: UnsafeRawPointer {
        field + 4 + Int(field.loadUnaligned(as: Int32.self))
    }
}

/// An executable memory region that blocks are appended to and patched in, never writable and
/// executable at once (W^X). Every change happens inside `edit`: the pages it writes are made
/// read+write on first touch and flipped back to read+execute when it returns, so one edit costs
/// two protection changes however many blocks it installs and jumps it patches.
///
/// The region holds, for each block, a 16-byte header (instruction and code sizes, a sequence
/// number) followed by the code, both 16-byte aligned. Pages beyond the last block stay read+write
/// and were never executable.
public final class CodeCache {
    private let base: UnsafeMutableRawPointer
    public let capacity: Int
    private let pageSize: Int

    /// Offset of the first free byte.
    private var used = 0
    /// Pages below this offset are read+execute outside an edit; those above are read+write.
    private var executableEnd = 0
    /// Within an edit: pages from here up are read+write.
    private var writableFrom = 0
    private var isEditing = false
    private var pendingPatches: [(field: Int, displacement: Int32)] = []

    private var codeBytes = 0, paddingBytes = 0, blocks = 0, protectionChanges = 0

    private static let headerSize = 16
    private static let int3: UInt8 = 0xCC

    /// Maps a region of `capacity` bytes (rounded up to whole pages, at most 2 GiB so that every
    /// rel32 within it reaches).
    public init(capacity: Int) throws(CodeCacheError) {
        pageSize = sysconf(Int32(_SC_PAGESIZE))
        self.capacity = (capacity + pageSize - 1) / pageSize * pageSize
        precondition(self.capacity > 0 && self.capacity <= Int(Int32.max), "a code cache holds 1 byte to 2 GiB, not \(capacity)")
        let mapping = mmap(nil, self.capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapping, mapping != UnsafeMutableRawPointer(bitPattern: -1) else { throw .mappingFailed(errno: errno) }
        base = mapping
    }

    deinit { munmap(base, capacity) }

    public var statistics: CodeCacheStatistics {
        CodeCacheStatistics(capacity: capacity, codeBytes: codeBytes, metadataBytes: blocks * Self.headerSize,
                            paddingBytes: paddingBytes, freeBytes: capacity - used, blocks: blocks,
                            protectionChanges: protectionChanges)
    }

    /// Runs `body`, which installs and patches through the writer, then makes everything it wrote
    /// executable again. Patches are applied together at the end. Edits do not nest.
    public func edit<Result>(_ body: (CodeWriter) throws -> Result) rethrows -> Result {
        precondition(!isEditing, "CodeCache.edit calls cannot nest")
        isEditing = true
        writableFrom = executableEnd
        defer {
            applyPendingPatches()
            seal()
            isEditing = false
        }
        return try body(CodeWriter(cache: self))
    }

    // MARK: Writing, called by CodeWriter

    func install(_ assembler: Assembler) throws -> InstalledCode {
        precondition(isEditing, "a CodeWriter was used outside its CodeCache.edit")
        try assembler.finish()
        let headerOffset = (used + 15) & ~15
        let codeOffset = headerOffset + Self.headerSize
        let size = assembler.position
        guard codeOffset + size <= capacity else {
            throw CodeCacheError.exhausted(requested: codeOffset + size - used, free: capacity - used)
        }
        makeWritable(from: used)
        (base + used).initializeMemory(as: UInt8.self, repeating: Self.int3, count: headerOffset - used)
        try place(assembler, at: base + codeOffset)
        writeHeader(at: headerOffset, instructionBytes: assembler.instructionBytes!, codeBytes: size)
        paddingBytes += headerOffset - used
        codeBytes += size
        blocks += 1
        used = codeOffset + size
        return InstalledCode(start: UnsafeRawPointer(base + codeOffset), size: size)
    }

    func patch(_ jump: PatchableJump, to target: UnsafeRawPointer) throws(CodeCacheError) {
        precondition(isEditing, "a CodeWriter was used outside its CodeCache.edit")
        let field = jump.field - UnsafeRawPointer(base)
        precondition(field >= 0 && field + 4 <= used, "the patchable jump is not in this code cache")
        let displacement = try Self.displacement(to: UInt(bitPattern: target), from: UInt(bitPattern: jump.field + 4))
        pendingPatches.append((field, displacement))
    }

    /// Copies the assembler's code to its final address and resolves its references to outside addresses.
    private func place(_ assembler: Assembler, at destination: UnsafeMutableRawPointer) throws(CodeCacheError) {
        destination.copyMemory(from: assembler.bytes, byteCount: assembler.position)
        for relocation in assembler.relocations {
            let end = UInt(bitPattern: destination) + UInt(relocation.instructionEnd)
            let displacement = try Self.displacement(to: relocation.target, from: end)
            destination.storeBytes(of: displacement.littleEndian, toByteOffset: relocation.field, as: Int32.self)
        }
    }

    private static func displacement(to target: UInt, from end: UInt) throws(CodeCacheError) -> Int32 {
        guard let displacement = Int32(exactly: Int(bitPattern: target &- end)) else {
            throw .targetOutOfReach(target: target, from: end)
        }
        return displacement
    }

    private func writeHeader(at offset: Int, instructionBytes: Int, codeBytes: Int) {
        let header = base + offset
        header.storeBytes(of: UInt32(instructionBytes), toByteOffset: 0, as: UInt32.self)
        header.storeBytes(of: UInt32(codeBytes), toByteOffset: 4, as: UInt32.self)
        header.storeBytes(of: UInt64(blocks), toByteOffset: 8, as: UInt64.self)
    }

    private func applyPendingPatches() {
        guard let lowest = pendingPatches.map(\.field).min() else { return }
        makeWritable(from: lowest)
        for patch in pendingPatches {
            (base + patch.field).storeBytes(of: patch.displacement.littleEndian, as: Int32.self)
        }
        pendingPatches.removeAll(keepingCapacity: true)
    }

    // MARK: Protection

    /// Makes the pages from `offset` up writable (those above `writableFrom` already are).
    private func makeWritable(from offset: Int) {
        let page = offset / pageSize * pageSize
        guard page < writableFrom else { return }
        protect(page..<writableFrom, PROT_READ | PROT_WRITE)
        writableFrom = page
    }

    /// Makes every written page read+execute again, up to the page holding the last block.
    private func seal() {
        let end = (used + pageSize - 1) / pageSize * pageSize
        guard writableFrom < end else { return }
        protect(writableFrom..<end, PROT_READ | PROT_EXEC)
        executableEnd = end
        writableFrom = end
    }

    private func protect(_ range: Range<Int>, _ protection: Int32) {
        // Failing here would leave code half-writable: not a state to continue from.
        guard mprotect(base + range.lowerBound, range.count, protection) == 0 else {
            fatalError("mprotect of code cache pages failed: errno \(errno)")
        }
        protectionChanges += 1
    }

    // MARK: Reading

    /// A disassembly of every block, for debugging.
    public func listing() -> String {
        var lines: [String] = []
        var offset = 0
        while offset < used {
            let header = UnsafeRawPointer(base + offset)
            let instructionBytes = Int(header.load(as: UInt32.self))
            let blockBytes = Int(header.load(fromByteOffset: 4, as: UInt32.self))
            let code = header + Self.headerSize
            lines.append("block \(header.load(fromByteOffset: 8, as: UInt64.self)): \(blockBytes) bytes")
            lines.append(Disassembler.listing(Array(UnsafeRawBufferPointer(start: code, count: instructionBytes)),
                                              address: UInt(bitPattern: code)))
            if blockBytes > instructionBytes { lines.append("  literal pool: \(blockBytes - instructionBytes) bytes") }
            offset = (offset + Self.headerSize + blockBytes + 15) & ~15
        }
        return lines.joined(separator: "\n")
    }
}

/// Installs and patches code during a `CodeCache.edit`; valid only inside it.
public struct CodeWriter {
    let cache: CodeCache

    /// Finishes the assembler if needed, copies its code into the cache and resolves its references
    /// to outside addresses. Throws `AssemblerError.unboundLabel` or `CodeCacheError`.
    public func install(_ assembler: Assembler) throws -> InstalledCode { try cache.install(assembler) }

    /// Retargets a patchable jump. The four bytes change when the edit ends, all patches together.
    public func patch(_ jump: PatchableJump, to target: UnsafeRawPointer) throws(CodeCacheError) {
        try cache.patch(jump, to: target)
    }
}
