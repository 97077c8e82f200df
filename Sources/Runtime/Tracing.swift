import CGMP

/// How the collector finds the values inside an object of each kind, and what dies with it.
enum Tracing {
    static func trace(_ object: Value) {
        let header = object.header
        switch header.pointee.kind {
        case .tuple:
            let tuple = object.fields(TupleObject.self)
            Collector.mark(items(object, at: Offsets.tupleItems), count: tuple.pointee.count)
        case .valueStorage:
            let storage = object.fields(StorageObject.self)
            Collector.mark(items(object, at: Offsets.storageItems), count: storage.pointee.capacity)
        case .list:
            Collector.mark(object.fields(ListObject.self).pointee.storage)
        case .dict:
            let dict = object.fields(DictObject.self)
            Collector.mark(dict.pointee.table)
            Collector.mark(dict.pointee.entries)
        case .set, .frozenset:
            let set = object.fields(SetObject.self)
            Collector.mark(set.pointee.keys)
            Collector.mark(set.pointee.hashes)
        case .type:
            markFields(object, of: TypeObject.self)
        case .exception:
            markFields(object, of: ExceptionObject.self)
        case .range:
            markFields(object, of: RangeObject.self)
        case .slice:
            markFields(object, of: SliceObject.self)
        case .cell:
            markFields(object, of: CellObject.self)
        case .boundMethod:
            markFields(object, of: BoundMethodObject.self)
        case .function:
            markFields(object, of: FunctionObject.self)
        case .nativeFunction:
            markFields(object, of: NativeFunctionObject.self)
        case .instance:
            markFields(object, of: InstanceObject.self)
        case .shape:
            markFields(object, of: ShapeObject.self)
        case .dictView:
            markFields(object, of: DictViewObject.self)
        case .dictIterator:
            markFields(object, of: DictIteratorObject.self)
        case .foreign:
            ForeignKinds.trace(object)
        case .int, .bool, .none, .notImplemented, .ellipsis, .float, .str, .byteStorage:
            break
        }
        if header.pointee.flags.contains(.attributeDict) {
            Collector.mark(Subclasses.attributeSlot(object).pointee)
        }
        Collector.mark(header.pointee.type)
    }

    /// Marks every value field of an object whose fields after the header are all values.
    @inline(__always)
    static func markFields<T>(_ object: Value, of layout: T.Type) {
        let count = (MemoryLayout<T>.size - Offsets.afterHeader) / MemoryLayout<Value>.size
        Collector.mark(items(object, at: Offsets.afterHeader), count: count)
    }

    @inline(__always)
    static func items(_ object: Value, at offset: Int) -> UnsafeMutablePointer<Value> {
        (object.address + offset).assumingMemoryBound(to: Value.self)
    }

    /// Releases what a dying object owns outside the heap.
    static func finalize(_ header: UnsafeMutablePointer<ObjectHeader>) {
        switch header.pointee.kind {
        case .int:
            let object = UnsafeMutableRawPointer(header).assumingMemoryBound(to: BigIntObject.self)
            bigz_clear(&object.pointee.z)
        case .foreign:
            ForeignKinds.finalize(Value(object: UnsafeMutableRawPointer(header)))
        default:
            break
        }
    }
}

/// Objects that upper layers define (code objects, frames, generators): the runtime only
/// knows to ask their registered tracer, named by the header's `aux`, and, for an object
/// flagged `needsFinalizer`, the finalizer registered with it.
public enum ForeignKinds {
    nonisolated(unsafe) static var tracers: [(Value) -> Void] = []
    nonisolated(unsafe) static var finalizers: [((Value) -> Void)?] = []
    nonisolated(unsafe) static var sizes: [Int] = []

    /// Registers a tracer; objects whose header has kind `.foreign` and this `aux` use it.
    /// The finalizer runs when such an object dies, if its header has `needsFinalizer`: it
    /// releases what the object owns outside the heap, and must not allocate. `size` is the
    /// size of the layout when all its objects have one: an object of it with the
    /// `attributeDict` flag keeps its attribute dict in the word after (`Subclasses`).
    public static func register(tracer: @escaping (Value) -> Void, finalizer: ((Value) -> Void)? = nil, size: Int = 0) -> UInt32 {
        tracers.append(tracer)
        finalizers.append(finalizer)
        sizes.append(size)
        return UInt32(tracers.count - 1)
    }

    /// The size `object`'s kind registered.
    static func size(_ object: Value) -> Int {
        sizes[Int(object.header.pointee.aux)]
    }

    static func trace(_ object: Value) {
        tracers[Int(object.header.pointee.aux)](object)
    }

    static func finalize(_ object: Value) {
        finalizers[Int(object.header.pointee.aux)]?(object)
    }
}
