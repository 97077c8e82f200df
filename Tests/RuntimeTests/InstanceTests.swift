import XCTest
@testable import Runtime

final class InstanceTests: RuntimeTestCase {
    func makeClass(_ name: String) -> Value { TypeObjects.make(name: name, base: BuiltinTypes.object, instances: .instance) }

    func testInstancesThatGainTheSameAttributesShareAShape() {
        let point = makeClass("Point")
        let (x, y) = (Str.make("x"), Str.make("y"))
        let a = Instances.make(point), b = Instances.make(point), c = Instances.make(point)
        XCTAssertTrue(Instances.shape(a).is(Instances.shape(b)), "fresh instances share the root shape")
        Instances.setAttribute(a, x, Value(smallInt: 1))
        Instances.setAttribute(a, y, Value(smallInt: 2))
        Instances.setAttribute(b, Str.make("x"), Value(smallInt: 3))  // an equal str, not the same object
        Instances.setAttribute(b, y, Value(smallInt: 4))
        Instances.setAttribute(c, y, Value(smallInt: 5))
        Instances.setAttribute(c, x, Value(smallInt: 6))
        XCTAssertTrue(Instances.shape(a).is(Instances.shape(b)))
        XCTAssertFalse(Instances.shape(a).is(Instances.shape(c)), "a different order is a different shape")
        XCTAssertEqual(Shapes.index(of: y, in: Instances.shape(a)), 1)
        XCTAssertEqual(Instances.attribute(b, x).smallInt, 3)
        XCTAssertEqual(Instances.attribute(c, x).smallInt, 6)
        XCTAssertTrue(Instances.attribute(a, Str.make("z")).isNull)
    }

    func testOverwritingKeepsTheShapeAndDeletingRebuildsIt() {
        let box = makeClass("Box")
        // The names live in a list: a Swift array's buffer is invisible to the collector.
        let nameList = List.make()
        for i in 0..<10 { List.append(nameList, Str.make("field\(i)")) }
        let names = (0..<10).map { List.item(nameList, at: $0) }
        let o = Instances.make(box)
        for (i, name) in names.enumerated() { Instances.setAttribute(o, name, Value(smallInt: i)) }
        let shape = Instances.shape(o)
        Instances.setAttribute(o, names[3], Value(smallInt: 33))
        XCTAssertTrue(Instances.shape(o).is(shape))
        XCTAssertTrue(Instances.deleteAttribute(o, names[3]))
        XCTAssertFalse(Instances.deleteAttribute(o, names[3]))
        XCTAssertTrue(Instances.attribute(o, names[3]).isNull)
        var seen: [String] = []
        try! Instances.forEachAttribute(o) { name, value in seen.append("\(Str.swiftString(name))=\(value.smallInt)") }
        XCTAssertEqual(seen, (0..<10).filter { $0 != 3 }.map { "field\($0)=\($0)" })
        let fresh = Instances.make(box)
        for i in 0..<10 where i != 3 { Instances.setAttribute(fresh, names[i], Value(smallInt: i)) }
        XCTAssertTrue(Instances.shape(fresh).is(Instances.shape(o)), "deleting lands on the shared shape")
    }

    func testAttributesSurviveCollection() {
        let node = makeClass("Node")
        let value = Str.make("value"), next = Str.make("next")
        var head = Instances.make(node)
        let first = head
        for i in 0..<scaled(10_000, stressed: 200) {
            let n = Instances.make(node)
            Instances.setAttribute(n, value, Floats.make(Double(i)))
            Instances.setAttribute(head, next, n)
            head = n
        }
        Collector.collect()
        var count = 0
        var current = Instances.attribute(first, next)
        while !current.isNull {
            XCTAssertEqual(Floats.value(Instances.attribute(current, value)), Double(count))
            current = Instances.attribute(current, next)
            count += 1
        }
        XCTAssertEqual(count, scaled(10_000, stressed: 200))
    }
}
