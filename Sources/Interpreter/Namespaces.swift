import Compiler
import Runtime

/// Globals, builtins and the namespaces of module and class bodies.
enum Namespaces {
    /// Cache forms of `loadGlobal`.
    static let inGlobals: UInt8 = 1
    static let inBuiltins: UInt8 = 2

    /// A global, then a builtin. The cache remembers the entry that held the name; for a
    /// builtin it also remembers the globals' version, under which the name stays absent there.
    @inline(__always)
    static func loadGlobal(_ globals: Value, _ cache: UnsafeMutablePointer<InlineCache>) throws(PythonError) -> Value {
        let name = cache.pointee.name
        if cache.pointee.key == globals.bits {
            if cache.pointee.form == inGlobals {
                let v = Dict.value(globals, atEntry: cache.pointee.index, ifKey: name)
                if !v.isNull { return v }
            } else if cache.pointee.form == inBuiltins && cache.pointee.version == UInt64(Dict.version(globals)) {
                let v = Dict.value(VM.builtins, atEntry: cache.pointee.index, ifKey: name)
                if !v.isNull { return v }
            }
        }
        return try loadGlobalMiss(globals, cache)
    }

    private static func loadGlobalMiss(_ globals: Value, _ cache: UnsafeMutablePointer<InlineCache>) throws(PythonError) -> Value {
        let name = cache.pointee.name
        cache.pointee.key = globals.bits
        let index = try Dict.entryIndex(globals, name)
        if index >= 0 {
            cache.pointee.form = inGlobals
            cache.pointee.index = index
            return Dict.value(globals, atEntry: index, ifKey: name)
        }
        let builtinIndex = try Dict.entryIndex(VM.builtins, name)
        guard builtinIndex >= 0 else {
            cache.pointee.form = 0
            throw nameError(name)
        }
        cache.pointee.form = inBuiltins
        cache.pointee.index = builtinIndex
        cache.pointee.version = UInt64(Dict.version(globals))
        return Dict.value(VM.builtins, atEntry: builtinIndex, ifKey: name)
    }

    static func loadName(_ namespace: Value, _ globals: Value, _ name: Value) throws(PythonError) -> Value {
        if !namespace.isNull {
            let v = try Dict.get(namespace, name)
            if !v.isNull { return v }
        }
        let global = try Dict.get(globals, name)
        if !global.isNull { return global }
        let builtin = try Dict.get(VM.builtins, name)
        if !builtin.isNull { return builtin }
        throw nameError(name)
    }

    static func storeName(_ namespace: Value, _ name: Value, _ value: Value) throws(PythonError) {
        try Dict.set(namespace, name, value)
    }

    static func deleteName(_ namespace: Value, _ name: Value) throws(PythonError) -> Bool {
        try Dict.remove(namespace, name)
    }
}
