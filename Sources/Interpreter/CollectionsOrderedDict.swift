import Runtime

/// What `collections.OrderedDict` (written in Python) needs natively: its iterator, which
/// reports a change to the dict during iteration in OrderedDict's words, as CPython's does.
enum OrderedDicts {
    /// The type is permanent (a root from its creation), so keeping it here is safe.
    nonisolated(unsafe) static var iteratorType = Value.null

    /// `_odict_iterator(od)`: an iterator over the keys of `od`, in order.
    static func makeIteratorType() -> Value {
        if iteratorType.isNull {
            iteratorType = NativeTypes.iteratorType("odict_iterator", new: { args throws(PythonError) in
                try args.expect(1...1)
                guard args[0].kind == .dict else { throw PythonError(.typeError, "odict_iterator() argument must be a dict") }
                return NativeTypes.iterator(iteratorType, a: DictViews.iterator(args[0]))
            }, next: next)
            NativeTypes.setModule(iteratorType, "collections")
        }
        return iteratorType
    }

    /// The dict iterator's next key; its errors are all changes of size or keys, which an
    /// OrderedDict reports with one message.
    private static func next(_ it: Value) throws(PythonError) -> Value {
        do throws(PythonError) {
            return try DictViews.next(NativeTypes.fields(it).pointee.a)
        } catch {
            throw PythonError(.runtimeError, "OrderedDict mutated during iteration")
        }
    }
}
