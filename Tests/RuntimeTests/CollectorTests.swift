import XCTest
@testable import Runtime

final class CollectorTests: RuntimeTestCase {
    /// Builds `count` objects that nothing refers to afterwards, then wipes the stack below
    /// the caller, where stale copies of their addresses would keep them alive: the
    /// native stack is scanned conservatively.
    @inline(never)
    func makeGarbage(_ count: Int) {
        buildGarbage(count)
        wipeStack()
    }

    @inline(never)
    func buildGarbage(_ count: Int) {
        let list = List.make()
        for i in 0..<count { List.append(list, Floats.make(Double(i))) }
    }

    /// Overwrites about 64 KiB of the stack below the caller with zeros.
    @inline(never)
    func wipeStack(depth: Int = 256) {
        var zeros: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &zeros) { _ in }
        if depth > 0 { wipeStack(depth: depth - 1) }
    }

    func testUnreachableObjectsAreFreedAndReachableOnesKept() {
        let kept = List.make()
        let keptCount = scaled(1000, stressed: 50)
        for i in 0..<keptCount { List.append(kept, Tuple.make(Value(smallInt: i), Floats.make(Double(i)))) }
        // Conservative scanning may keep the newest batch alive through a stale word left in a
        // register or frame; it must not keep the older ones. So: the live heap after four
        // batches is no bigger than after one.
        Collector.collect()
        let before = HeapStatistics.current.liveBytesAfterLastCollection
        makeGarbage(scaled(50_000, stressed: 500))
        Collector.collect()
        let afterOne = HeapStatistics.current.liveBytesAfterLastCollection - before
        for _ in 0..<3 { makeGarbage(scaled(50_000, stressed: 500)) }
        Collector.collect()
        let afterFour = HeapStatistics.current.liveBytesAfterLastCollection - before
        XCTAssertLessThanOrEqual(afterFour, afterOne + (64 << 10), "dead floats must not accumulate")
        for i in 0..<keptCount {
            let pair = List.item(kept, at: i)
            XCTAssertEqual(Tuple.items(pair)[0].smallInt, i)
            XCTAssertEqual(Floats.value(Tuple.items(pair)[1]), Double(i))
        }
    }

    func testCyclesAreCollected() {
        Collector.collect()
        let before = HeapStatistics.current.liveBytesAfterLastCollection
        for _ in 0..<scaled(2000, stressed: 50) {
            let a = List.make(), b = List.make()
            List.append(a, b)
            List.append(b, a)
            List.append(a, a)
        }
        Collector.collect()
        XCTAssertLessThanOrEqual(HeapStatistics.current.liveBytesAfterLastCollection, before + 64 * 1024)
    }

    func testDeepStructuresDoNotOverflowTheMarker() {
        var head = List.make()
        let root = head
        for _ in 0..<scaled(1_000_000, stressed: 500) {
            let next = List.make()
            List.append(head, next)
            head = next
        }
        Collector.collect()
        var depth = 0
        var node = root
        while List.count(node) > 0 {
            node = List.item(node, at: 0)
            depth += 1
        }
        XCTAssertEqual(depth, scaled(1_000_000, stressed: 500))
    }

    func testMillionEntryDictSurvivesStress() throws {
        let wasStressed = Collector.stress
        Collector.stress = true
        defer { Collector.stress = wasStressed }
        let dict = Dict.make()
        let count = 1_000_000
        for i in 0..<count { try Dict.set(dict, Value(smallInt: i), Value(smallInt: i * 2)) }
        XCTAssertEqual(Dict.count(dict), count)
        for i in stride(from: 0, to: count, by: 9973) {
            XCTAssertEqual(try Dict.get(dict, Value(smallInt: i)).smallInt, i * 2)
        }
    }

    func testBigIntLimbsAreFreedWithTheirObjects() throws {
        Collector.collect()
        let before = HeapStatistics.current.bigIntBytes
        let base = try Ints.power(Value(smallInt: 3), Value(smallInt: 5000))
        for i in 0..<scaled(2000, stressed: 100) { _ = Ints.add(base, Value(smallInt: i)) }
        Collector.collect()
        XCTAssertLessThan(HeapStatistics.current.bigIntBytes, before + 8192, "dead big ints must free their limbs")
        XCTAssertEqual(repr(try Ints.modulo(base, Value(smallInt: 1000))), "1")
    }

    func testValuesHeldOnlyInSwiftLocalsSurvive() {
        let local = Tuple.make(Floats.make(1.25), Str.make("kept by the conservative scan"))
        for _ in 0..<scaled(20, stressed: 3) { makeGarbage(scaled(10_000, stressed: 200)); Collector.collect() }
        XCTAssertEqual(Floats.value(Tuple.items(local)[0]), 1.25)
        XCTAssertEqual(Str.swiftString(Tuple.items(local)[1]), "kept by the conservative scan")
    }

    func testEmptyPagesAreReturned() {
        Collector.collect()
        let before = HeapStatistics.current.heapBytes
        makeGarbage(scaled(400_000, stressed: 1_000))
        Collector.collect()
        Collector.collect()
        XCTAssertLessThanOrEqual(HeapStatistics.current.heapBytes, before + (1 << 20))
    }

    /// Binary trees: allocate and drop many small trees; the heap must stay small.
    func testBinaryTreesRunInBoundedMemory() {
        func tree(_ depth: Int) -> Value {
            depth == 0 ? Tuple.make(BuiltinTypes.none, BuiltinTypes.none) : Tuple.make(tree(depth - 1), tree(depth - 1))
        }
        func check(_ node: Value) -> Int {
            let left = Tuple.items(node)[0]
            return left.is(BuiltinTypes.none) ? 1 : 1 + check(left) + check(Tuple.items(node)[1])
        }
        let depth = scaled(16, stressed: 6)
        let longLived = tree(depth)
        var total = 0
        for _ in 0..<scaled(20, stressed: 3) { total += check(tree(depth)) }
        XCTAssertEqual(total, scaled(20, stressed: 3) * ((1 << (depth + 1)) - 1))
        XCTAssertEqual(check(longLived), (1 << (depth + 1)) - 1)
        XCTAssertLessThan(HeapStatistics.current.heapBytes, 64 << 20)
    }
}
