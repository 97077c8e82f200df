/// Instances of user classes, with their attributes in shape-described slots.
///
/// An instance whose `__dict__` was asked for moves to *dictionary mode* for good: its shape
/// becomes `Shapes.dictionary` and its slots word holds the dict itself, which Python code may
/// then change behind the shapes' back. No attribute sits at an index of the dictionary shape,
/// so a cache keyed by shape can never take such an instance for a slotted one.
public enum Instances {
    /// A new instance of `type`, with no attributes.
    public static func make(_ type: Value) -> Value {
        let shape = Shapes.root(of: type)
        let raw = Heap.allocate(.instance, type: type, size: MemoryLayout<InstanceObject>.size)
        let instance = raw.assumingMemoryBound(to: InstanceObject.self)
        instance.pointee.shape = shape
        instance.pointee.slots = Value(smallInt: 0)
        return Value(object: raw)
    }

    @inline(__always)
    public static func shape(_ instance: Value) -> Value { instance.fields(InstanceObject.self).pointee.shape }

    /// Whether the instance keeps its attributes in a dict (see the type's comment).
    @inline(__always)
    public static func isInDictionaryMode(_ instance: Value) -> Bool { shape(instance).is(Shapes.dictionary) }

    /// The instance's `__dict__`, live: the instance moves to dictionary mode, its attributes
    /// in their order.
    public static func dictionary(_ instance: Value) throws(PythonError) -> Value {
        if isInDictionaryMode(instance) { return instance.fields(InstanceObject.self).pointee.slots }
        let dict = Dict.make()
        try forEachAttribute(instance) { name, value throws(PythonError) in try Dict.set(dict, name, value) }
        replaceDictionary(instance, with: dict)
        return dict
    }

    /// `instance.__dict__ = dict`.
    public static func replaceDictionary(_ instance: Value, with dict: Value) {
        let fields = instance.fields(InstanceObject.self)
        fields.pointee.slots = dict
        fields.pointee.shape = Shapes.dictionary
    }

    /// The value of attribute `name`, or null when the instance has none.
    public static func attribute(_ instance: Value, _ name: Value) throws(PythonError) -> Value {
        let fields = instance.fields(InstanceObject.self)
        if fields.pointee.shape.is(Shapes.dictionary) { return try Dict.get(fields.pointee.slots, name) }
        let index = Shapes.index(of: name, in: fields.pointee.shape)
        return index < 0 ? Value.null : Storage.values(fields.pointee.slots)[index]
    }

    public static func setAttribute(_ instance: Value, _ name: Value, _ value: Value) throws(PythonError) {
        var fields = instance.fields(InstanceObject.self)
        if fields.pointee.shape.is(Shapes.dictionary) { return try Dict.set(fields.pointee.slots, name, value) }
        let index = Shapes.index(of: name, in: fields.pointee.shape)
        if index >= 0 {
            Storage.values(fields.pointee.slots)[index] = value
            return
        }
        let child = Shapes.child(of: fields.pointee.shape, adding: name)
        let slot = Shapes.index(child)
        if fields.pointee.slots.isSmallInt || slot >= Storage.capacity(fields.pointee.slots) {
            let grown = Storage.allocateValues(capacity: max(4, (slot + 1) * 2))
            fields = instance.fields(InstanceObject.self)
            if !fields.pointee.slots.isSmallInt {
                Storage.values(grown).update(from: Storage.values(fields.pointee.slots), count: slot)
            }
            fields.pointee.slots = grown
        }
        Storage.values(fields.pointee.slots)[slot] = value
        fields.pointee.shape = child
    }

    /// Removes attribute `name`; returns whether there was one. The instance moves to the
    /// shape of its remaining attributes, in their order, as if it had never had `name`.
    @discardableResult
    public static func deleteAttribute(_ instance: Value, _ name: Value) throws(PythonError) -> Bool {
        let fields = instance.fields(InstanceObject.self)
        if fields.pointee.shape.is(Shapes.dictionary) { return try Dict.remove(fields.pointee.slots, name) }
        let removed = Shapes.index(of: name, in: fields.pointee.shape)
        guard removed >= 0 else { return false }
        // The names stay reachable through the old shape, which the instance keeps until the end.
        let names = Shapes.names(fields.pointee.shape)
        let old = fields.pointee.slots
        var shape = Shapes.root(of: instance.type)
        var slot = 0
        for (i, attribute) in names.enumerated() where i != removed {
            shape = Shapes.child(of: shape, adding: attribute)
            Storage.values(old)[slot] = Storage.values(old)[i]
            slot += 1
        }
        Storage.values(old)[slot] = Value(smallInt: 0)
        instance.fields(InstanceObject.self).pointee.shape = shape
        return true
    }

    /// Calls `body(name, value)` for each attribute, in the order they were added.
    public static func forEachAttribute(_ instance: Value, _ body: (Value, Value) throws(PythonError) -> Void) throws(PythonError) {
        let fields = instance.fields(InstanceObject.self)
        if fields.pointee.shape.is(Shapes.dictionary) {
            return try Dict.forEach(fields.pointee.slots, body)
        }
        for (i, name) in Shapes.names(fields.pointee.shape).enumerated() {
            try body(name, Storage.values(fields.pointee.slots)[i])
        }
    }
}

public enum Shapes {
    /// The shape of every instance in dictionary mode: a root that belongs to no type.
    public nonisolated(unsafe) static var dictionary = Value.null

    static func createDictionaryShape() {
        dictionary = make(parent: Value.null, name: Value.null, index: -1)
        Collector.addPermanentRoot(dictionary)
    }

    /// The shape of `type`'s fresh instances.
    public static func root(of type: Value) -> Value {
        let typeFields = type.fields(TypeObject.self)
        if typeFields.pointee.rootShape.isNull {
            let shape = make(parent: Value.null, name: Value.null, index: -1)
            type.fields(TypeObject.self).pointee.rootShape = shape
        }
        return type.fields(TypeObject.self).pointee.rootShape
    }

    static func make(parent: Value, name: Value, index: Int) -> Value {
        let raw = Heap.allocate(.shape, type: BuiltinTypes.object, size: MemoryLayout<ShapeObject>.size)
        let shape = raw.assumingMemoryBound(to: ShapeObject.self)
        shape.pointee.parent = parent
        shape.pointee.name = name
        shape.pointee.index = Value(smallInt: index)
        shape.pointee.transitions = Value.null
        return Value(object: raw)
    }

    @inline(__always)
    public static func index(_ shape: Value) -> Int { shape.fields(ShapeObject.self).pointee.index.smallInt }

    /// The slot of attribute `name` in `shape`, or -1.
    public static func index(of name: Value, in shape: Value) -> Int {
        var current = shape
        while true {
            let fields = current.fields(ShapeObject.self)
            if fields.pointee.parent.isNull { return -1 }
            if fields.pointee.name.is(name) || Str.equal(fields.pointee.name, name) { return fields.pointee.index.smallInt }
            current = fields.pointee.parent
        }
    }

    /// The shape that extends `shape` with `name`: shared by every instance taking that path.
    public static func child(of shape: Value, adding name: Value) -> Value {
        let fields = shape.fields(ShapeObject.self)
        if fields.pointee.transitions.isNull {
            let transitions = Dict.make()
            shape.fields(ShapeObject.self).pointee.transitions = transitions
        }
        let transitions = shape.fields(ShapeObject.self).pointee.transitions
        let existing = try! Dict.get(transitions, name)
        if !existing.isNull { return existing }
        let child = make(parent: shape, name: name, index: index(shape) + 1)
        try! Dict.set(transitions, name, child)
        return child
    }

    /// The attribute names of `shape`, in slot order.
    public static func names(_ shape: Value) -> [Value] {
        var names: [Value] = []
        var current = shape
        while !current.fields(ShapeObject.self).pointee.parent.isNull {
            names.append(current.fields(ShapeObject.self).pointee.name)
            current = current.fields(ShapeObject.self).pointee.parent
        }
        return names.reversed()
    }
}
