import Compiler
import Runtime

/// Attribute lookup with Python's rules: data descriptors on the type (properties) first, then
/// the object's own attributes, then what the type's MRO holds (functions bind into methods),
/// then `__getattr__`. The inline caches remember where a name was found under a shape and
/// the type epoch, which every change to a class attribute advances.
enum Attributes {
    /// Cache forms.
    static let instanceSlot: UInt8 = 1
    static let methodOnType: UInt8 = 2

    // MARK: Type lookup

    /// `name` in the dicts along `type`'s MRO, or null.
    static func lookup(_ type: Value, _ name: Value) throws(PythonError) -> Value {
        let mro = type.fields(TypeObject.self).pointee.mro
        let items = Tuple.items(mro)
        for i in 0..<Tuple.count(mro) {
            let v = try Dict.get(items[i].fields(TypeObject.self).pointee.dict, name)
            if !v.isNull { return v }
        }
        return Value.null
    }

    /// A special method of `v`'s type, defined in Python or builtin; nil if absent.
    static func lookupSpecial(_ v: Value, _ name: String) throws(PythonError) -> Value? {
        try lookupSpecial(v, interned: Interned.str(name))
    }

    static func lookupSpecial(_ v: Value, interned name: Value) throws(PythonError) -> Value? {
        let found = try lookup(v.type, name)
        return found.isNull ? nil : found
    }

    /// A special method that a class defined in Python provides (not one of the builtins the
    /// runtime already implements for its own types).
    static func userSpecial(_ v: Value, _ name: String) throws(PythonError) -> Value? {
        guard ObjectHooks.isUserObject(v) else { return nil }
        return try userSpecial(v, interned: Interned.str(name))
    }

    /// The same with the name already interned.
    static func userSpecial(_ v: Value, interned name: Value) throws(PythonError) -> Value? {
        guard ObjectHooks.isUserObject(v) else { return nil }
        let found = try cachedLookup(v.type, name)
        guard !found.isNull, found.isSmallInt || found.kind != .nativeFunction else { return nil }
        return found
    }

    /// `lookup` through `SpecialMethodCache`, for names looked up again and again on the same
    /// classes (`__init__`, `__new__`, operator methods, descriptors of stored attributes).
    static func cachedLookup(_ type: Value, _ name: Value) throws(PythonError) -> Value {
        if let cached = SpecialMethodCache.find(type, name) { return cached }
        let found = try lookup(type, name)
        SpecialMethodCache.remember(type, name, found)
        return found
    }

    // MARK: Loading

    @inline(__always)
    static func load(_ object: Value, cache: UnsafeMutablePointer<InlineCache>) throws(PythonError) -> Value {
        if object.isObject && object.header.pointee.kind == .instance && cache.pointee.form == instanceSlot
            && cache.pointee.key == Instances.shape(object).bits && cache.pointee.version == VM.typeEpoch {
            return Storage.values(object.fields(InstanceObject.self).pointee.slots)[cache.pointee.index]
        }
        return try loadMiss(object, cache)
    }

    private static func loadMiss(_ object: Value, _ cache: UnsafeMutablePointer<InlineCache>) throws(PythonError) -> Value {
        let name = cache.pointee.name
        if object.isObject && object.header.pointee.kind == .instance {
            let shape = Instances.shape(object)
            let index = Shapes.index(of: name, in: shape)
            if index >= 0, try !isDataDescriptor(try cachedLookup(object.type, name)),
               try userSpecial(object, interned: SpecialNames.getattribute) == nil {
                cache.pointee.form = instanceSlot
                cache.pointee.key = shape.bits
                cache.pointee.version = VM.typeEpoch
                cache.pointee.index = index
                return Storage.values(object.fields(InstanceObject.self).pointee.slots)[index]
            }
        }
        return try get(object, name)
    }

    /// `getattr(object, name)`.
    static func get(_ object: Value, _ name: Value) throws(PythonError) -> Value {
        if let getattribute = try userSpecial(object, interned: SpecialNames.getattribute) {
            return try getThrough(getattribute, object, name)
        }
        let found = try find(object, name)
        if !found.isNull { return found }
        if let getattr = try userSpecial(object, interned: SpecialNames.getattr) {
            return try Calls.call(getattr, object, name)
        }
        throw missing(object, name)
    }

    /// A class's own `__getattribute__`, with `__getattr__` as the fallback when it raises
    /// AttributeError.
    private static func getThrough(_ getattribute: Value, _ object: Value, _ name: Value) throws(PythonError) -> Value {
        do throws(PythonError) {
            return try Calls.call(getattribute, object, name)
        } catch {
            guard TypeObjects.isSubtype(error.exception.type, of: BuiltinException.attributeError.type),
                  let getattr = try userSpecial(object, interned: SpecialNames.getattr) else { throw error }
            return try Calls.call(getattr, object, name)
        }
    }

    /// `object.__getattribute__(object, name)`: the lookup without `__getattr__`.
    static func getGeneric(_ object: Value, _ name: Value) throws(PythonError) -> Value {
        let found = try find(object, name)
        if found.isNull { throw missing(object, name) }
        return found
    }

    /// `getattr(object, name)`, or null where that would raise AttributeError.
    static func find(_ object: Value, _ name: Value) throws(PythonError) -> Value {
        if object.kind == .type { return try classAttribute(object, name) }
        switch InterpreterObjects.tag(object) {
        case .module: return try Dict.get(InterpreterObjects.fields(object).pointee.a, name)
        case .superObject:
            // What the MRO after the class does not have is the super object's own, and
            // CPython does not search the MRO for `__class__` at all: `super().__class__`.
            let found = Str.equal(name, SpecialNames.classAttribute) ? Value.null : try superAttribute(object, name)
            return found.isNull ? try BuiltinAttributes.get(object, name) : found
        default: break
        }
        let type = object.type
        let descriptor = try cachedLookup(type, name)
        if try isDataDescriptor(descriptor) { return try dataDescriptorGet(descriptor, object, type) }
        let own = try ownAttribute(object, name)
        if !own.isNull { return own }
        if !descriptor.isNull { return try bind(descriptor, to: object, type: type) }
        return try BuiltinAttributes.get(object, name)
    }

    /// `name` checked as an attribute name, as `getattr` and `object.__setattr__` check it.
    static func name(_ name: Value) throws(PythonError) -> Value {
        guard name.kind == .str else {
            throw PythonError(.typeError, "attribute name must be string, not '\(TypeObjects.name(name.type))'")
        }
        return name
    }

    /// An attribute stored on the object itself.
    static func ownAttribute(_ object: Value, _ name: Value) throws(PythonError) -> Value {
        guard object.isObject else { return Value.null }
        switch object.header.pointee.kind {
        case .instance:
            return try Instances.attribute(object, name)
        case .exception:
            let attributes = object.fields(ExceptionObject.self).pointee.attributes
            return attributes.kind == .dict ? try Dict.get(attributes, name) : Value.null
        case .function:
            let attributes = object.fields(FunctionObject.self).pointee.attributes
            return attributes.kind == .dict ? try Dict.get(attributes, name) : Value.null
        default:
            guard let attributes = Subclasses.attributes(object) else { return Value.null }
            return try Dict.get(attributes, name)
        }
    }

    /// A class's attribute, as `type.__getattribute__` finds it: data descriptors of the
    /// metaclass, then the class's MRO (a classmethod binds to the class, a staticmethod
    /// unwraps, a user descriptor's `__get__(None, cls)` decides, functions stay functions),
    /// then what the metaclass defines, bound to the class.
    static func classAttribute(_ type: Value, _ name: Value) throws(PythonError) -> Value {
        let metatype = type.type
        let isPlainType = metatype.is(BuiltinTypes.type)
        // `type` itself has no data descriptors but the ones `typeAttribute` answers last.
        let metaAttribute = isPlainType ? Value.null : try lookup(metatype, name)
        if try isDataDescriptor(metaAttribute) { return try dataDescriptorGet(metaAttribute, type, metatype) }
        let found = try lookup(type, name)
        if !found.isNull { return try bindToClass(found, type) }
        let fromMetatype = isPlainType ? try lookup(metatype, name) : metaAttribute
        if !fromMetatype.isNull { return try bind(fromMetatype, to: type, type: metatype) }
        return try BuiltinAttributes.typeAttribute(type, name)
    }

    /// What attribute `found` of a class's MRO becomes when read through the class `type`.
    private static func bindToClass(_ found: Value, _ type: Value) throws(PythonError) -> Value {
        switch InterpreterObjects.tag(found) {
        case .classMethod: return Callables.makeBoundMethod(InterpreterObjects.fields(found).pointee.a, receiver: type)
        case .staticMethod: return InterpreterObjects.fields(found).pointee.a
        default:
            guard ObjectHooks.isUserObject(found), found.kind != .type else { return found }
            return try descriptorGet(found, BuiltinTypes.none, type)
        }
    }

    /// `super(cls, obj).name`: the MRO of `obj`'s class after `cls`, bound to `obj`. When `obj`
    /// is a subclass of `cls` itself (`super()` in a classmethod), the MRO is `obj`'s and
    /// the attribute binds as it would through the class.
    private static func superAttribute(_ superObject: Value, _ name: Value) throws(PythonError) -> Value {
        let start = InterpreterObjects.fields(superObject).pointee.a
        let receiver = InterpreterObjects.fields(superObject).pointee.b
        let bindsToClass = receiver.kind == .type && TypeObjects.isSubtype(receiver, of: start)
        let receiverType = bindsToClass ? receiver : receiver.type
        let mro = receiverType.fields(TypeObject.self).pointee.mro
        var i = 0
        while i < Tuple.count(mro) && !Tuple.items(mro)[i].is(start) { i += 1 }
        i += 1
        while i < Tuple.count(mro) {
            let found = try Dict.get(Tuple.items(mro)[i].fields(TypeObject.self).pointee.dict, name)
            if !found.isNull {
                if bindsToClass { return try bindToClass(found, receiver) }
                if try isDataDescriptor(found) { return try dataDescriptorGet(found, receiver, receiverType) }
                return try bind(found, to: receiver, type: receiverType)
            }
            i += 1
        }
        return Value.null
    }

    /// A property, or an object whose class defines `__set__` or `__delete__`: it takes
    /// precedence over the instance's own attributes.
    static func isDataDescriptor(_ v: Value) throws(PythonError) -> Bool {
        if InterpreterObjects.tag(v) == .property { return true }
        guard !v.isNull, ObjectHooks.isUserObject(v) else { return false }
        if try !cachedLookup(v.type, SpecialNames.set).isNull { return true }
        return try !cachedLookup(v.type, SpecialNames.delete).isNull
    }

    private static func dataDescriptorGet(_ descriptor: Value, _ object: Value, _ type: Value) throws(PythonError) -> Value {
        if InterpreterObjects.tag(descriptor) == .property {
            return try Calls.call(InterpreterObjects.fields(descriptor).pointee.a, object)
        }
        return try descriptorGet(descriptor, object, type)
    }

    /// What a type attribute becomes when read through an instance.
    static func bind(_ descriptor: Value, to object: Value, type: Value) throws(PythonError) -> Value {
        guard descriptor.isObject, !descriptor.isNull else { return descriptor }
        switch descriptor.header.pointee.kind {
        case .function:
            return Callables.makeBoundMethod(descriptor, receiver: object)
        case .nativeFunction:
            return Natives.isBound(descriptor) ? descriptor : Natives.bind(descriptor, to: object)
        case .foreign:
            switch InterpreterObjects.tag(descriptor) {
            case .classMethod: return Callables.makeBoundMethod(InterpreterObjects.fields(descriptor).pointee.a, receiver: type)
            case .staticMethod: return InterpreterObjects.fields(descriptor).pointee.a
            default: return try descriptorGet(descriptor, object, type)
            }
        default:
            return try descriptorGet(descriptor, object, type)
        }
    }

    /// The descriptor protocol for anything else on a type: `__get__(instance, owner)` if its
    /// class has one (an `lru_cache` wrapper binds to the instance like a function).
    private static func descriptorGet(_ descriptor: Value, _ object: Value, _ type: Value) throws(PythonError) -> Value {
        guard descriptor.isObject, !descriptor.header.pointee.type.is(BuiltinTypes.type) else { return descriptor }
        let get = try cachedLookup(descriptor.type, SpecialNames.get)
        guard !get.isNull else { return descriptor }
        return try Calls.call(get, descriptor, object, type)
    }

    /// For `obj.name(...)`: the function and whether `obj` goes in as the first argument,
    /// which saves making a bound method.
    @inline(__always)
    static func loadMethod(_ object: Value, cache: UnsafeMutablePointer<InlineCache>, bound: inout Bool) throws(PythonError) -> Value {
        if cache.pointee.form == methodOnType && cache.pointee.version == VM.typeEpoch {
            let key = object.isObject && object.header.pointee.kind == .instance ? Instances.shape(object).bits : object.type.bits
            if key == cache.pointee.key {
                bound = true
                return Value(bits: UInt64(bitPattern: Int64(cache.pointee.index)))
            }
        }
        return try loadMethodMiss(object, cache, &bound)
    }

    private static func loadMethodMiss(_ object: Value, _ cache: UnsafeMutablePointer<InlineCache>, _ bound: inout Bool) throws(PythonError) -> Value {
        let name = cache.pointee.name
        if object.kind != .type && InterpreterObjects.tag(object) != .module && InterpreterObjects.tag(object) != .superObject {
            let descriptor = try lookup(object.type, name)
            let isPlainMethod = !descriptor.isNull && (descriptor.kind == .function
                || (descriptor.kind == .nativeFunction && !Natives.isBound(descriptor)))
            if isPlainMethod, (try ownAttribute(object, name)).isNull,
               try userSpecial(object, interned: SpecialNames.getattribute) == nil {
                bound = true
                let isInstance = object.isObject && object.header.pointee.kind == .instance
                // A dict-mode instance can gain an attribute that hides the method without a
                // change of shape, so nothing is remembered for it.
                if isInstance && Instances.isInDictionaryMode(object) { return descriptor }
                // While the epoch holds, the type's dict keeps the function alive.
                cache.pointee.form = methodOnType
                cache.pointee.key = isInstance ? Instances.shape(object).bits : object.type.bits
                cache.pointee.version = VM.typeEpoch
                cache.pointee.index = Int(Int64(bitPattern: descriptor.bits))
                return descriptor
            }
        }
        bound = false
        return try get(object, name)
    }

    // MARK: Storing

    @inline(__always)
    static func store(_ object: Value, _ value: Value, cache: UnsafeMutablePointer<InlineCache>) throws(PythonError) {
        if object.isObject && object.header.pointee.kind == .instance && cache.pointee.form == instanceSlot
            && cache.pointee.key == Instances.shape(object).bits && cache.pointee.version == VM.typeEpoch {
            Storage.values(object.fields(InstanceObject.self).pointee.slots)[cache.pointee.index] = value
            return
        }
        try set(object, cache.pointee.name, value)
        if object.isObject && object.header.pointee.kind == .instance,
           try !isDataDescriptor(try cachedLookup(object.type, cache.pointee.name)),
           try userSpecial(object, interned: SpecialNames.setattr) == nil {
            let shape = Instances.shape(object)
            let index = Shapes.index(of: cache.pointee.name, in: shape)
            guard index >= 0 else { return }  // the instance is in dictionary mode
            cache.pointee.form = instanceSlot
            cache.pointee.key = shape.bits
            cache.pointee.version = VM.typeEpoch
            cache.pointee.index = index
        }
    }

    /// `setattr(object, name, value)`.
    static func set(_ object: Value, _ name: Value, _ value: Value) throws(PythonError) {
        guard object.isObject else { throw readOnly(object, name) }
        switch object.header.pointee.kind {
        case .type:
            guard object.header.pointee.flags.contains(.heapType) else {
                throw PythonError(.typeError, "cannot set '\(Str.swiftString(name))' attribute of immutable type '\(TypeObjects.name(object))'")
            }
            try Dict.set(object.fields(TypeObject.self).pointee.dict, name, value)
            VM.typeEpoch &+= 1
            return
        case .instance:
            if let setattr = try userSpecial(object, interned: SpecialNames.setattr) {
                _ = try Calls.call(setattr, object, name, value)
                return
            }
            try setOnInstance(object, name, value)
        case .exception:
            try setExceptionAttribute(object, name, value)
        case .function:
            try setFunctionAttribute(object, name, value)
        case .foreign where InterpreterObjects.tag(object) == .module:
            try Dict.set(InterpreterObjects.fields(object).pointee.a, name, value)
        default:
            // An object of a subclass of a builtin type: its class's `__setattr__` first.
            if ObjectHooks.isUserObject(object), let setattr = try userSpecial(object, interned: SpecialNames.setattr) {
                _ = try Calls.call(setattr, object, name, value)
                return
            }
            try setOnBuiltinLayout(object, name, value)
        }
    }

    /// `object.__setattr__(object, name, value)`: `setattr` without the class's own `__setattr__`.
    static func setGeneric(_ object: Value, _ name: Value, _ value: Value) throws(PythonError) {
        switch object.kind {
        case .instance: try setOnInstance(object, name, value)
        case .type, .exception, .function, .foreign: try set(object, name, value)
        default: try setOnBuiltinLayout(object, name, value)
        }
    }

    /// An attribute of a builtin type's object: a data descriptor of its class, or the
    /// attribute dict that subclass instances have.
    private static func setOnBuiltinLayout(_ object: Value, _ name: Value, _ value: Value) throws(PythonError) {
        let descriptor = try lookup(object.type, name)
        if try isDataDescriptor(descriptor) { return try callSetter(descriptor, object, value, name) }
        guard let attributes = Subclasses.attributes(object) else { throw readOnly(object, name) }
        try Dict.set(attributes, name, value)
    }

    /// `instance.__class__ = cls`, between classes defined in Python with the same layout.
    /// The instance leaves its old class's shapes for a dict of its own, so that no attribute
    /// cache keyed by a shape of the old class can serve it.
    private static func setClass(_ object: Value, _ value: Value) throws(PythonError) {
        guard value.kind == .type else {
            throw PythonError(.typeError, "__class__ must be set to a class, not '\(TypeObjects.name(value.type))' object")
        }
        guard value.header.pointee.flags.contains(.heapType) else {
            throw PythonError(.typeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
        }
        guard Classes.layout(of: value) == Classes.layout(of: object.type), try declaresSlots(value) == declaresSlots(object.type) else {
            throw PythonError(.typeError, "__class__ assignment: '\(TypeObjects.name(value))' object layout differs from '\(TypeObjects.name(object.type))'")
        }
        _ = try Instances.dictionary(object)
        object.header.pointee.type = value
        VM.typeEpoch &+= 1
    }

    private static func declaresSlots(_ type: Value) throws(PythonError) -> Bool {
        let mro = type.fields(TypeObject.self).pointee.mro
        for i in 0..<Tuple.count(mro) where !(try Dict.get(Tuple.items(mro)[i].fields(TypeObject.self).pointee.dict, SpecialNames.slots)).isNull {
            return true
        }
        return false
    }

    /// `object.__setattr__(instance, name, value)`: what `setattr` does for an instance whose
    /// class defines no `__setattr__`.
    static func setOnInstance(_ object: Value, _ name: Value, _ value: Value) throws(PythonError) {
        let descriptor = try cachedLookup(object.type, name)
        if try isDataDescriptor(descriptor) { return try callSetter(descriptor, object, value, name) }
        if name.is(SpecialNames.dict) || Str.equal(name, SpecialNames.dict) {
            guard value.kind == .dict else {
                throw PythonError(.typeError, "__dict__ must be set to a dictionary, not a '\(TypeObjects.name(value.type))'")
            }
            return Instances.replaceDictionary(object, with: value)
        }
        if name.is(SpecialNames.classAttribute) || Str.equal(name, SpecialNames.classAttribute) { return try setClass(object, value) }
        if try Instances.attribute(object, name).isNull, try !slotsAllow(object.type, name) {
            throw PythonError(.attributeError, "'\(TypeObjects.name(object.type))' object has no attribute '\(Str.swiftString(name))'")
        }
        try Instances.setAttribute(object, name, value)
    }

    /// Whether `__slots__` lets an instance of `type` gain attribute `name`: every class of the
    /// MRO but `object` declares slots, and one of them names it (or `__dict__`).
    static func slotsAllow(_ type: Value, _ name: Value) throws(PythonError) -> Bool {
        let mro = type.fields(TypeObject.self).pointee.mro
        var named = false
        for i in 0..<Tuple.count(mro) {
            let base = Tuple.items(mro)[i]
            if base.is(BuiltinTypes.object) { continue }
            let slots = try Dict.get(base.fields(TypeObject.self).pointee.dict, SpecialNames.slots)
            if slots.isNull { return true }
            let names = slots.kind == .str ? Tuple.make(slots) : slots
            try Iteration.forEach(names) { slot throws(PythonError) in
                if try Objects.equal(slot, name) { named = true }
                if try Objects.equal(slot, SpecialNames.dict) { named = true }
            }
        }
        return named
    }

    /// Whether a class of `type`'s MRO names `name` in its `__slots__`.
    static func declaresSlot(_ type: Value, _ name: Value) throws(PythonError) -> Bool {
        let mro = type.fields(TypeObject.self).pointee.mro
        var named = false
        for i in 0..<Tuple.count(mro) where !named {
            let slots = try Dict.get(Tuple.items(mro)[i].fields(TypeObject.self).pointee.dict, SpecialNames.slots)
            if slots.isNull { continue }
            try Iteration.forEach(slots.kind == .str ? Tuple.make(slots) : slots) { slot throws(PythonError) in
                if try Objects.equal(slot, name) { named = true }
            }
        }
        return named
    }

    private static func callSetter(_ descriptor: Value, _ object: Value, _ value: Value, _ name: Value) throws(PythonError) {
        guard InterpreterObjects.tag(descriptor) == .property else {
            let set = try cachedLookup(descriptor.type, SpecialNames.set)
            guard !set.isNull else { throw PythonError(.attributeError, "__set__") }
            _ = try Calls.call(set, descriptor, object, value)
            return
        }
        let setter = InterpreterObjects.fields(descriptor).pointee.b
        guard !setter.is(BuiltinTypes.none) else {
            throw PythonError(.attributeError, "property '\(Str.swiftString(name))' of '\(TypeObjects.name(object.type))' object has no setter")
        }
        _ = try Calls.call(setter, object, value)
    }

    static func attributeDict(_ exception: Value, at path: WritableKeyPath<ExceptionObject, Value>) -> Value {
        let existing = exception.fields(ExceptionObject.self).pointee[keyPath: path]
        if existing.kind == .dict { return existing }
        let dict = Dict.make()
        exception.fields(ExceptionObject.self).pointee[keyPath: path] = dict
        return dict
    }

    /// `e.name = value`: the fields a raise and a traceback read, checked as CPython's setters
    /// check them; the rest goes to the exception's dict.
    private static func setExceptionAttribute(_ exception: Value, _ name: Value, _ value: Value) throws(PythonError) {
        let fields = exception.fields(ExceptionObject.self)
        switch Str.swiftString(name) {
        case "args":
            fields.pointee.args = try Iteration.tuple(value)
        case "__cause__":
            fields.pointee.cause = try exceptionOrNone(value, "exception cause")
            // Setting a cause, even None, hides the context, as `raise ... from` does.
            fields.pointee.suppressContext = BuiltinTypes.trueValue
        case "__context__":
            fields.pointee.context = try exceptionOrNone(value, "exception context")
        case "__suppress_context__":
            guard value.kind == .bool else { throw PythonError(.typeError, "attribute value type must be bool") }
            fields.pointee.suppressContext = value
        default:
            try Dict.set(attributeDict(exception, at: \ExceptionObject.attributes), name, value)
        }
    }

    private static func exceptionOrNone(_ value: Value, _ what: String) throws(PythonError) -> Value {
        guard value.is(BuiltinTypes.none) || value.kind == .exception else {
            throw PythonError(.typeError, "\(what) must be None or derive from BaseException")
        }
        return value
    }

    /// `f.name = value`: the attributes a call or a repr reads go to their fields, the rest to
    /// the function's dict.
    private static func setFunctionAttribute(_ function: Value, _ name: Value, _ value: Value) throws(PythonError) {
        let fields = function.fields(FunctionObject.self)
        switch Str.swiftString(name) {
        case "__defaults__":
            guard value.kind == .tuple || value.is(BuiltinTypes.none) else {
                throw PythonError(.typeError, "__defaults__ must be set to a tuple object")
            }
            fields.pointee.defaults = value
        case "__kwdefaults__":
            guard value.kind == .dict || value.is(BuiltinTypes.none) else {
                throw PythonError(.typeError, "__kwdefaults__ must be set to a dict object")
            }
            fields.pointee.keywordDefaults = value
        case "__annotations__":
            guard value.kind == .dict || value.is(BuiltinTypes.none) else {
                throw PythonError(.typeError, "__annotations__ must be set to a dict object")
            }
            fields.pointee.annotations = value
        case "__name__", "__qualname__":
            guard value.kind == .str else {
                throw PythonError(.typeError, "\(Str.swiftString(name)) must be set to a string object")
            }
            if Str.swiftString(name) == "__name__" { fields.pointee.name = value } else { fields.pointee.qualifiedName = value }
        default:
            try Dict.set(functionAttributes(function), name, value)
        }
    }

    static func functionAttributes(_ function: Value) -> Value {
        let existing = function.fields(FunctionObject.self).pointee.attributes
        if existing.kind == .dict { return existing }
        let dict = Dict.make()
        function.fields(FunctionObject.self).pointee.attributes = dict
        return dict
    }

    static func delete(_ object: Value, _ name: Value) throws(PythonError) {
        if object.kind != .type, let delattr = try userSpecial(object, interned: SpecialNames.delattr) {
            _ = try Calls.call(delattr, object, name)
            return
        }
        try deleteGeneric(object, name)
    }

    /// `object.__delattr__(object, name)`: data descriptors, then the object's own attributes.
    static func deleteGeneric(_ object: Value, _ name: Value) throws(PythonError) {
        if object.kind != .type, !object.isSmallInt {
            let descriptor = try cachedLookup(object.type, name)
            if try isDataDescriptor(descriptor), InterpreterObjects.tag(descriptor) != .property {
                let delete = try cachedLookup(descriptor.type, SpecialNames.delete)
                guard !delete.isNull else { throw PythonError(.attributeError, "__delete__") }
                _ = try Calls.call(delete, descriptor, object)
                return
            }
            if InterpreterObjects.tag(descriptor) == .property {
                let deleter = InterpreterObjects.fields(descriptor).pointee.c
                guard !deleter.is(BuiltinTypes.none) else {
                    throw PythonError(.attributeError, "property '\(Str.swiftString(name))' of '\(TypeObjects.name(object.type))' object has no deleter")
                }
                _ = try Calls.call(deleter, object)
                return
            }
        }
        if object.kind == .instance {
            if try Instances.deleteAttribute(object, name) { return }
            // An unset slot's member descriptor says just the name.
            if try declaresSlot(object.type, name) { throw PythonError(.attributeError, Str.swiftString(name)) }
        } else if object.kind == .exception {
            if try Dict.remove(attributeDict(object, at: \ExceptionObject.attributes), name) { return }
        } else if object.kind == .type && object.header.pointee.flags.contains(.heapType) {
            if try Dict.remove(object.fields(TypeObject.self).pointee.dict, name) {
                VM.typeEpoch &+= 1
                return
            }
        } else if object.kind == .function {
            if try Dict.remove(functionAttributes(object), name) { return }
        } else if let attributes = Subclasses.attributes(object) {
            if try Dict.remove(attributes, name) { return }
        } else if object.kind != .type && object.kind != .function && InterpreterObjects.tag(object) != .module {
            // An object without a dict: what its class has cannot go (`del [].append`).
            throw readOnly(object, name)
        }
        throw missing(object, name)
    }

    /// The AttributeError of a failed lookup, which remembers the name and the object
    /// (`e.name`, `e.obj`) for the "Did you mean" of its traceback.
    static func missing(_ object: Value, _ name: Value) -> PythonError {
        let error = missingError(object, name)
        let fields = error.exception.fields(ExceptionObject.self)
        fields.pointee.name = name
        fields.pointee.target = object
        return error
    }

    private static func missingError(_ object: Value, _ name: Value) -> PythonError {
        let attribute = Str.swiftString(name)
        if object.kind == .type {
            return PythonError(.attributeError, "type object '\(TypeObjects.name(object))' has no attribute '\(attribute)'")
        }
        if InterpreterObjects.tag(object) == .superObject {
            return PythonError(.attributeError, "'super' object has no attribute '\(attribute)'")
        }
        if InterpreterObjects.tag(object) == .module {
            let moduleName = Str.swiftString(InterpreterObjects.fields(object).pointee.b)
            return PythonError(.attributeError, "module '\(moduleName)' has no attribute '\(attribute)'")
        }
        return PythonError(.attributeError, "'\(TypeObjects.name(object.type))' object has no attribute '\(attribute)'")
    }

    private static func readOnly(_ object: Value, _ name: Value) -> PythonError {
        let attribute = Str.swiftString(name)
        let type = TypeObjects.name(object.type)
        if (try? lookup(object.type, name))?.isNull == false {
            return PythonError(.attributeError, "'\(type)' object attribute '\(attribute)' is read-only")
        }
        return PythonError(.attributeError, "'\(type)' object has no attribute '\(attribute)'")
    }
}

/// What `userSpecial` found for a class and a name, while the type epoch holds: a class's
/// special methods are looked up on every operator applied to its instances, and a walk of
/// the MRO's dicts per `+` would dominate. The functions stay alive in the class dicts for as
/// long as the epoch is unchanged, so keeping their words here is safe.
enum SpecialMethodCache {
    /// A direct-mapped table: a collision just replaces the older answer.
    struct Entry {
        var type: UInt64 = 0
        var name: UInt64 = 0
        var method: UInt64 = 0
    }

    static let size = 1024
    nonisolated(unsafe) private static var entries = [Entry](repeating: Entry(), count: size)
    nonisolated(unsafe) private static var epoch: UInt64 = 0

    @inline(__always)
    private static func slot(_ type: Value, _ name: Value) -> Int {
        Int(truncatingIfNeeded: ((type.bits >> 4) &* 31 &+ (name.bits >> 4)) & UInt64(size - 1))
    }

    /// The method (null when the class has none), or nil when not known yet.
    @inline(__always)
    static func find(_ type: Value, _ name: Value) -> Value? {
        guard epoch == VM.typeEpoch else {
            for i in 0..<size { entries[i] = Entry() }
            epoch = VM.typeEpoch
            return nil
        }
        let entry = entries[slot(type, name)]
        return entry.type == type.bits && entry.name == name.bits ? Value(bits: entry.method) : nil
    }

    static func remember(_ type: Value, _ name: Value, _ method: Value) {
        entries[slot(type, name)] = Entry(type: type.bits, name: name.bits, method: method.bits)
    }
}
