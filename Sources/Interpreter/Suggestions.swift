import Compiler
import Runtime

/// "Did you mean: 'total'?" after the last line of an uncaught NameError or AttributeError,
/// as CPython 3.11 prints it: the nearest name by its weighted edit distance
/// (Python/suggestions.c), among the raising frame's locals, then its globals, then the
/// builtins; or among `dir(obj)`.
enum Suggestions {
    private static let moveCost = 2
    private static let caseCost = 1
    private static let longestName = 40
    private static let mostCandidates = 750

    /// Where a NameError raised by a name lookup leaves its frame: the suggestion is worked
    /// out there, while the frame's names are at hand, and kept on the exception.
    static func noteNameError(_ exception: Value, code: CodeObject, globals: Value) {
        let fields = exception.fields(ExceptionObject.self)
        guard exception.type.is(BuiltinException.nameError.type), !fields.pointee.name.isNull, fields.pointee.target.isNull else { return }
        let name = Str.swiftString(fields.pointee.name)
        let cells = Set(code.cellSlots.map(Int.init))
        let locals = (0..<code.firstFreeSlot).filter { $0 < code.parameterCount || !cells.contains($0) }.map { code.slotNames[$0] }
        let scopes = [locals, keys(globals), keys(VM.builtins)]
        for candidates in scopes {
            if let found = nearest(name, among: candidates) {
                fields.pointee.target = Str.make(found)
                return
            }
        }
        fields.pointee.target = BuiltinTypes.none
    }

    /// The text that follows the exception's last line when it is printed uncaught.
    static func hint(for exception: Value) -> String {
        let fields = exception.fields(ExceptionObject.self)
        let name = fields.pointee.name
        guard !name.isNull, name.kind == .str else { return "" }
        var suggestion: String?
        if TypeObjects.isSubtype(exception.type, of: BuiltinException.nameError.type) {
            if fields.pointee.target.kind == .str { suggestion = Str.swiftString(fields.pointee.target) }
        } else if TypeObjects.isSubtype(exception.type, of: BuiltinException.attributeError.type), !fields.pointee.target.isNull,
                  let names = try? Introspection.dir(fields.pointee.target) {
            let candidates = (0..<List.count(names)).compactMap { i -> String? in
                let item = List.items(names)[i]
                return item.kind == .str ? Str.swiftString(item) : nil
            }
            suggestion = nearest(Str.swiftString(name), among: candidates)
        }
        return suggestion.map { ". Did you mean: '\($0)'?" } ?? ""
    }

    private static func keys(_ dict: Value) -> [String] {
        guard dict.kind == .dict else { return [] }
        var names: [String] = []
        try? Dict.forEach(dict) { key, _ throws(PythonError) in if key.kind == .str { names.append(Str.swiftString(key)) } }
        return names
    }

    /// The first candidate at the least distance from `name`, if one is near enough: no more
    /// than a third of the characters involved may change.
    static func nearest(_ name: String, among candidates: [String]) -> String? {
        guard candidates.count < mostCandidates else { return nil }
        let target = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for candidate in candidates {
            let text = Array(candidate.utf8)
            let limit = min((target.count + text.count + 3) * moveCost / 6, bestDistance - 1)
            let d = distance(target[...], text[...], limit: limit)
            if d <= limit && d < bestDistance {
                best = candidate
                bestDistance = d
            }
        }
        return best
    }

    /// A case change costs 1, any other edit 2; above `limit` the answer is just `limit + 1`.
    static func distance(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, limit: Int) -> Int {
        var a = a, b = b
        while let x = a.first, let y = b.first, x == y {
            a = a.dropFirst()
            b = b.dropFirst()
        }
        while let x = a.last, let y = b.last, x == y {
            a = a.dropLast()
            b = b.dropLast()
        }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > longestName || b.count > longestName { return limit + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > limit { return limit + 1 }
        let shorter = Array(a), longer = Array(b)
        var row = (0..<shorter.count).map { ($0 + 1) * moveCost }
        var result = 0
        for (j, code) in longer.enumerated() {
            var diagonal = j * moveCost
            result = diagonal
            var minimum = Int.max
            for i in 0..<shorter.count {
                let substitute = diagonal + substitutionCost(code, shorter[i])
                diagonal = row[i]
                result = min(min(result, diagonal) + moveCost, substitute)
                row[i] = result
                minimum = min(minimum, result)
            }
            if minimum > limit { return limit + 1 }
        }
        return result
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return moveCost }
        if a == b { return 0 }
        return lowercased(a) == lowercased(b) ? caseCost : moveCost
    }

    private static func lowercased(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
}
