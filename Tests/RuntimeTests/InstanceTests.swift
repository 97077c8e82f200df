import XCTest
@testable import Runtime

final class InstanceTests: RuntimeTestCase {
    func makeClass(_ name: String) -> Value { TypeObjects.make(name: name, base: BuiltinTypes.object, instances: .instance) }

    func testInstancesThatGainTheSameAttributesShareAShape() {
        let point = makeClass("Point")
        let (x, y) = (Str.make("x"), Str.make("y"))
        let a = Instances.make(point), b = Instances.make(point), c = Instances.make(point)
        XCTAssertTrue(Instances.shape(a).is(Instances.shape(b)), "fresh instances share the root shape")
        try! Instances.setAttribute(a, x, Value(smallInt: 1))
        try! Instances.setAttribute(a, y, Value(smallInt: 2))
        try! Instances.setAttribute(b, Str.make("x"), Value(smallInt: 3))  // an equal str, not the same object
        try! Instances.setAttribute(b, y, Value(smallInt: 4))
        try! Instances.setAttribute(c, y, Value(smallInt: 5))
        try! Instances.setAttribute(c, x, Value(smallInt: 6))
        XCTAssertTrue(Instances.shape(a).is(Instances.shape(b)))
        XCTAssertFalse(Instances.shape(a).is(Instances.shape(c)), "a different order is a different shape")
        XCTAssertEqual(Shapes.index(of: y, in: Instances.shape(a)), 1)
        XCTAssertEqual(try! Instances.attribute(b, x).smallInt, 3)
        XCTAssertEqual(try! Instances.attribute(c, x).smallInt, 6)
        XCTAssertTrue(try! Instances.attribute(a, Str.make("z")).isNull)
    }

    func testOverwritingKeepsTheShapeAndDeletingRebuildsIt() {
        let box = makeClass("Box")
        // The names live in a list: a Swift array's buffer is invisible to the collector.
        let nameList = List.make()
        for i in 0..<10 { List.append(nameList, Str.make("field\(i)")) }
        let names = (0..<10).map { List.item(nameList, at: $0) }
        let o = Instances.make(box)
        for (i, name) in names.enumerated() { try! Instances.setAttribute(o, name, Value(smallInt: i)) }
        let shape = Instances.shape(o)
        try! Instances.setAttribute(o, names[3], Value(smallInt: 33))
        XCTAssertTrue(Instances.shape(o).is(shape))
        XCTAssertTrue(try! Instances.deleteAttribute(o, names[3]))
        XCTAssertFalse(try! Instances.deleteAttribute(o, names[3]))
        XCTAssertTrue(try! Instances.attribute(o, names[3]).isNull)
        var seen: [String] = []
        try! Instances.forEachAttribute(o) { name, value in seen.append("\(Str.swiftString(name))=\(value.smallInt)") }
        XCTAssertEqual(seen, (0..<10).filter { $0 != 3 }.map { "field\($0)=\($0)" })
        let fresh = Instances.make(box)
        for i in 0..<10 where i != 3 { try! Instances.setAttribute(fresh, names[i], Value(smallInt: i)) }
        XCTAssertTrue(Instances.shape(fresh).is(Instances.shape(o)), "deleting lands on the shared shape")
    }

    func testAttributesSurviveCollection() {
        let node = makeClass("Node")
        let value = Str.make("value"), next = Str.make("next")
        var head = Instances.make(node)
        let first = head
        for i in 0..<scaled(10_000, stressed: 200) {
            let n = Instances.make(node)
            try! Instances.setAttribute(n, value, Floats.make(Double(i)))
            try! Instances.setAttribute(head, next, n)
            head = n
        }
        Collector.collect()
        var count = 0
        var current = try! Instances.attribute(first, next)
        while !current.isNull {
            XCTAssertEqual(Floats.value(try! Instances.attribute(current, value)), Double(count))
            current = try! Instances.attribute(current, next)
            count += 1
        }
        XCTAssertEqual(count, scaled(10_000, stressed: 200))
    }

    func testDictionaryModeKeepsTheAttributesAndIsLive() {
        let point = makeClass("Point")
        let (x, y, z) = (Str.make("x"), Str.make("y"), Str.make("z"))
        let o = Instances.make(point)
        try! Instances.setAttribute(o, x, Value(smallInt: 1))
        try! Instances.setAttribute(o, y, Value(smallInt: 2))
        let dict = try! Instances.dictionary(o)
        XCTAssertTrue(Instances.isInDictionaryMode(o))
        XCTAssertTrue(try! Instances.dictionary(o).is(dict), "one dict for the instance's life")
        XCTAssertEqual(Shapes.index(of: x, in: Instances.shape(o)), -1, "no attribute has a slot index")
        try! Dict.set(dict, z, Value(smallInt: 3))
        XCTAssertEqual(try! Instances.attribute(o, z).smallInt, 3, "a change to the dict shows on the instance")
        try! Instances.setAttribute(o, x, Value(smallInt: 10))
        XCTAssertEqual(try! Dict.get(dict, x).smallInt, 10, "a change to the instance shows in the dict")
        XCTAssertTrue(try! Instances.deleteAttribute(o, y))
        XCTAssertEqual(Dict.count(dict), 2)
        var seen: [String] = []
        try! Instances.forEachAttribute(o) { name, value in seen.append("\(Str.swiftString(name))=\(value.smallInt)") }
        XCTAssertEqual(seen, ["x=10", "z=3"])
    }
}
