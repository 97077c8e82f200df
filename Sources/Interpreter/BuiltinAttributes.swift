import Compiler
import Runtime

/// The attributes builtin objects answer without a dict: `__class__`, `__name__`, an
/// exception's `args`, a slice's `start`, an int's `real`.
enum BuiltinAttributes {
    /// The attributes of an OSError made with (errno, strerror, filename, winerror, filename2),
    /// by their index in the arguments.
    static let osErrorFields = ["errno": 0, "strerror": 1, "filename": 2, "filename2": 4]

    static func get(_ object: Value, _ name: Value) throws(PythonError) -> Value {
        let attribute = Str.swiftString(name)
        if attribute == "__class__" { return object.type }
        if attribute == "__dict__" {
            switch object.kind {
            case .instance:
                // A class whose whole MRO declares `__slots__` (without `__dict__`) gives none.
                if try Attributes.slotsAllow(object.type, SpecialNames.dict) { return try Instances.dictionary(object) }
            case .exception: return Attributes.attributeDict(object, at: \ExceptionObject.attributes)
            default: if let attributes = Subclasses.attributes(object) { return attributes }
            }
        }
        switch object.kind {
        case .function:
            let fields = object.fields(FunctionObject.self)
            switch attribute {
            case "__name__": return fields.pointee.name
            case "__qualname__": return fields.pointee.qualifiedName
            case "__module__": return try Dict.get(fields.pointee.globals, Interned.str("__name__"))
            case "__defaults__": return fields.pointee.defaults
            case "__kwdefaults__": return fields.pointee.keywordDefaults
            case "__doc__": return Functions.code(object).docstring.isNull ? BuiltinTypes.none : Functions.code(object).docstring
            case "__dict__": return Attributes.functionAttributes(object)
            case "__code__": return Introspection.code(of: object)
            case "__closure__": return Introspection.closure(of: object)
            case "__globals__": return fields.pointee.globals
            case "__annotations__":
                if fields.pointee.annotations.kind != .dict { fields.pointee.annotations = Dict.make() }
                return object.fields(FunctionObject.self).pointee.annotations
            default: break
            }
        case .cell where attribute == "cell_contents":
            let contents = object.fields(CellObject.self).pointee.contents
            guard !contents.isNull else { throw PythonError(.valueError, "Cell is empty") }
            return contents
        case .nativeFunction:
            let fields = object.fields(NativeFunctionObject.self)
            switch attribute {
            case "__name__": return fields.pointee.name
            case "__qualname__":
                // A method's qualified name says whose it is: `list.append`.
                let owner = Natives.owners[fields.pointee.entry.smallInt]
                return owner == 0 ? fields.pointee.name : Str.make("\(TypeObjects.shortName(Value(bits: owner))).\(Str.swiftString(fields.pointee.name))")
            case "__self__": return fields.pointee.receiver.isNull ? BuiltinTypes.none : fields.pointee.receiver
            case "__doc__": return BuiltinTypes.none
            case "__module__":
                // A builtin function's module is builtins; a method's, None. (Functions of the
                // other native modules do not record theirs and say None too.)
                let isBuiltin = fields.pointee.receiver.isNull && (try? Dict.get(VM.builtins, fields.pointee.name))?.is(object) == true
                return isBuiltin ? Interned.str("builtins") : BuiltinTypes.none
            default: break
            }
        case .boundMethod:
            let fields = object.fields(BoundMethodObject.self)
            switch attribute {
            case "__self__": return fields.pointee.receiver
            case "__func__": return fields.pointee.function
            default: return try Attributes.get(fields.pointee.function, name)
            }
        case .exception:
            let fields = object.fields(ExceptionObject.self)
            switch attribute {
            case "args": return fields.pointee.args
            case "__cause__": return fields.pointee.cause.isNull ? BuiltinTypes.none : fields.pointee.cause
            case "__context__": return fields.pointee.context.isNull ? BuiltinTypes.none : fields.pointee.context
            case "__traceback__": return Tracebacks.object(for: object)
            case "__suppress_context__": return Value.bool(Objects.isTrue(fields.pointee.suppressContext))
            case "name" where !fields.pointee.name.isNull: return fields.pointee.name
            case "obj" where !fields.pointee.target.isNull && TypeObjects.isSubtype(object.type, of: BuiltinException.attributeError.type):
                return fields.pointee.target
            case "value" where TypeObjects.isSubtype(object.type, of: BuiltinException.stopIteration.type):
                let args = fields.pointee.args
                return Tuple.count(args) > 0 ? Tuple.items(args)[0] : BuiltinTypes.none
            case _ where osErrorFields[attribute] != nil && TypeObjects.isSubtype(object.type, of: BuiltinException.osError.type):
                let args = fields.pointee.args
                let index = osErrorFields[attribute]!
                let described = (2...5).contains(Tuple.count(args)) && index < Tuple.count(args)
                return described ? Tuple.items(args)[index] : BuiltinTypes.none
            case "name", "path", "msg":
                guard TypeObjects.isSubtype(object.type, of: BuiltinException.importError.type) else { break }
                // Unless given or assigned (then the exception's dict has them): None, and the
                // message is the one argument if there is exactly one.
                let args = fields.pointee.args
                return attribute == "msg" && Tuple.count(args) == 1 ? Tuple.items(args)[0] : BuiltinTypes.none
            case "code" where TypeObjects.isSubtype(object.type, of: BuiltinException.systemExit.type):
                let args = fields.pointee.args
                switch Tuple.count(args) {
                case 0: return BuiltinTypes.none
                case 1: return Tuple.items(args)[0]
                default: return args
                }
            default: break
            }
        case .slice:
            let fields = object.fields(SliceObject.self)
            switch attribute {
            case "start": return fields.pointee.start
            case "stop": return fields.pointee.stop
            case "step": return fields.pointee.step
            default: break
            }
        case .range:
            let fields = object.fields(RangeObject.self)
            switch attribute {
            case "start": return fields.pointee.start
            case "stop": return fields.pointee.stop
            case "step": return fields.pointee.step
            default: break
            }
        case .foreign:
            let fields = InterpreterObjects.fields(object)
            switch (InterpreterObjects.tag(object), attribute) {
            case (.property, "fget"): return fields.pointee.a
            case (.property, "fset"): return fields.pointee.b
            case (.property, "__doc__"): return fields.pointee.d
            case (.staticMethod, "__func__"), (.classMethod, "__func__"): return fields.pointee.a
            case (.generator, "__name__"): return fields.pointee.c
            case (.generator, "__qualname__"): return Generators.qualifiedName(object)
            case (.generator, "gi_running"): return Value.bool(fields.pointee.i == Generators.running)
            // Suspended at a `yield`: started, and neither running nor finished.
            case (.generator, "gi_suspended"): return Value.bool(fields.pointee.i > Generators.notStarted)
            default: break
            }
        default:
            break
        }
        return Value.null
    }

    /// A type's `__name__`: its name field, unless that carries the module (`collections.deque`).
    private static func shortName(_ type: Value) -> Value {
        type.header.pointee.flags.contains(.moduleInName) ? Str.make(TypeObjects.shortName(type)) : type.fields(TypeObject.self).pointee.name
    }

    static func typeAttribute(_ type: Value, _ name: Value) throws(PythonError) -> Value {
        let fields = type.fields(TypeObject.self)
        switch Str.swiftString(name) {
        case "__name__": return shortName(type)
        case "__qualname__":
            let qualified = try Dict.get(fields.pointee.dict, Interned.str("__qualname__"))
            return qualified.isNull ? shortName(type) : qualified
        case "__mro__": return fields.pointee.mro
        case "__bases__": return fields.pointee.bases
        case "__base__": return fields.pointee.base.isNull ? BuiltinTypes.none : fields.pointee.base
        case "__class__": return type.type
        case "__doc__": return BuiltinTypes.none
        case "__module__": return Interned.str("builtins")
        case "__dict__": return try Dict.copy(fields.pointee.dict)
        default: return Value.null
        }
    }
}
