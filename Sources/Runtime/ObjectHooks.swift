/// How objects of classes defined in Python take part in the runtime's own operations: a
/// list's repr calls its items' `__repr__`, a dict key's `__hash__` and `__eq__` decide where
/// it goes. The interpreter installs these; the runtime calls them for values whose type has
/// the `heapType` flag.
public enum ObjectHooks {
    // Each returns nil when the class does not override the operation, and the builtin
    // behaviour applies.
    nonisolated(unsafe) public static var repr: ((Value) throws(PythonError) -> String?)?
    nonisolated(unsafe) public static var str: ((Value) throws(PythonError) -> String?)?
    nonisolated(unsafe) public static var hash: ((Value) throws(PythonError) -> Int?)?
    /// `__index__`: the int the object stands for (checked to be one); nil without it.
    nonisolated(unsafe) public static var index: ((Value) throws(PythonError) -> Value?)?
    /// `a OP b` by the operands' special methods; nil when neither defines it.
    nonisolated(unsafe) public static var compare: ((Value, Value, ComparisonOperator) throws(PythonError) -> Bool?)?

    /// Whether `v` is an instance of a class defined in Python.
    @inline(__always)
    public static func isUserObject(_ v: Value) -> Bool {
        v.isObject && v.header.pointee.type.header.pointee.flags.contains(.heapType)
    }
}
