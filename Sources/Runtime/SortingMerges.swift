/// Timsort's merges: one item at a time while the runs take turns, galloping (exponential
/// then binary search) while one run keeps winning, in CPython's order of comparisons.
extension Timsort {
    /// Where the next merged item goes, and what is left of each run.
    struct Merge {
        var destination: SortSlice
        var a: SortSlice
        var b: SortSlice
        var lengthA: Int
        var lengthB: Int

        /// Moves the next item of run a to the destination; both step by `step` (1 or -1).
        mutating func takeFromA(step: Int) {
            destination.copy(1, from: a)
            destination = destination + step
            a = a + step
        }

        mutating func takeFromB(step: Int) {
            destination.copy(1, from: b)
            destination = destination + step
            b = b + step
        }
    }

    /// How a merge ended: everything placed but what remains of the run set aside, or with
    /// one item of the other run left, whose place is known.
    enum MergeEnd { case runsExhausted, oneItemLeft }

    /// Merges run a (the shorter) and run b after it, left to right, with a set aside.
    mutating func mergeLow(_ a: SortSlice, _ lengthA: Int, _ b: SortSlice, _ lengthB: Int) throws(PythonError) {
        temporary.copy(lengthA, from: a)
        var merge = Merge(destination: a, a: temporary, b: b, lengthA: lengthA, lengthB: lengthB)
        let end: MergeEnd
        do {
            end = try mergeLowSteps(&merge)
        } catch {
            merge.destination.copy(merge.lengthA, from: merge.a)  // every item back in the list
            throw error
        }
        if end == .oneItemLeft {
            // The last of a belongs after all that remains of b.
            merge.destination.copy(merge.lengthB, from: merge.b)
            (merge.destination + merge.lengthB).copy(1, from: merge.a)
        } else {
            merge.destination.copy(merge.lengthA, from: merge.a)
        }
    }

    mutating func mergeLowSteps(_ m: inout Merge) throws(PythonError) -> MergeEnd {
        m.takeFromB(step: 1)  // merge() made sure b's first item comes first
        m.lengthB -= 1
        if m.lengthB == 0 { return .runsExhausted }
        if m.lengthA == 1 { return .oneItemLeft }
        var gallop = minimumGallop
        while true {
            var winsA = 0, winsB = 0
            repeat {
                if try lessThan(m.b.key, m.a.key) {
                    m.takeFromB(step: 1)
                    (winsA, winsB) = (0, winsB + 1)
                    m.lengthB -= 1
                    if m.lengthB == 0 { return .runsExhausted }
                } else {
                    m.takeFromA(step: 1)
                    (winsA, winsB) = (winsA + 1, 0)
                    m.lengthA -= 1
                    if m.lengthA == 1 { return .oneItemLeft }
                }
            } while winsA < gallop && winsB < gallop
            gallop += 1
            repeat {
                gallop -= gallop > 1 ? 1 : 0  // reward staying in galloping mode
                minimumGallop = gallop
                winsA = try gallopRight(m.b.key, m.a, m.lengthA, hint: 0)
                if winsA > 0 {
                    m.destination.copy(winsA, from: m.a)
                    m.destination = m.destination + winsA
                    m.a = m.a + winsA
                    m.lengthA -= winsA
                    if m.lengthA == 1 { return .oneItemLeft }
                    if m.lengthA == 0 { return .runsExhausted }  // only with an inconsistent order
                }
                m.takeFromB(step: 1)
                m.lengthB -= 1
                if m.lengthB == 0 { return .runsExhausted }
                winsB = try gallopLeft(m.a.key, m.b, m.lengthB, hint: 0)
                if winsB > 0 {
                    m.destination.copy(winsB, from: m.b)
                    m.destination = m.destination + winsB
                    m.b = m.b + winsB
                    m.lengthB -= winsB
                    if m.lengthB == 0 { return .runsExhausted }
                }
                m.takeFromA(step: 1)
                m.lengthA -= 1
                if m.lengthA == 1 { return .oneItemLeft }
            } while winsA >= Self.initialMinimumGallop || winsB >= Self.initialMinimumGallop
            gallop += 1  // penalize leaving galloping mode
            minimumGallop = gallop
        }
    }

    /// Merges run a and the shorter run b after it, right to left, with b set aside.
    mutating func mergeHigh(_ a: SortSlice, _ lengthA: Int, _ b: SortSlice, _ lengthB: Int) throws(PythonError) {
        temporary.copy(lengthB, from: b)
        var merge = Merge(destination: b + (lengthB - 1), a: a + (lengthA - 1), b: temporary + (lengthB - 1),
                          lengthA: lengthA, lengthB: lengthB)
        let end: MergeEnd
        do {
            end = try mergeHighSteps(&merge, startOfA: a)
        } catch {
            (merge.destination - (merge.lengthB - 1)).copy(merge.lengthB, from: temporary)
            throw error
        }
        if end == .oneItemLeft {
            // The first of b belongs before all that remains of a.
            let remaining = merge.lengthA
            (merge.destination + (1 - remaining)).copy(remaining, from: merge.a + (1 - remaining))
            (merge.destination - remaining).copy(1, from: merge.b)
        } else if merge.lengthB > 0 {
            (merge.destination - (merge.lengthB - 1)).copy(merge.lengthB, from: temporary)
        }
    }

    mutating func mergeHighSteps(_ m: inout Merge, startOfA: SortSlice) throws(PythonError) -> MergeEnd {
        m.takeFromA(step: -1)  // merge() made sure a's last item comes last
        m.lengthA -= 1
        if m.lengthA == 0 { return .runsExhausted }
        if m.lengthB == 1 { return .oneItemLeft }
        var gallop = minimumGallop
        while true {
            var winsA = 0, winsB = 0
            repeat {
                if try lessThan(m.b.key, m.a.key) {
                    m.takeFromA(step: -1)
                    (winsA, winsB) = (winsA + 1, 0)
                    m.lengthA -= 1
                    if m.lengthA == 0 { return .runsExhausted }
                } else {
                    m.takeFromB(step: -1)
                    (winsA, winsB) = (0, winsB + 1)
                    m.lengthB -= 1
                    if m.lengthB == 1 { return .oneItemLeft }
                }
            } while winsA < gallop && winsB < gallop
            gallop += 1
            repeat {
                gallop -= gallop > 1 ? 1 : 0
                minimumGallop = gallop
                winsA = m.lengthA - (try gallopRight(m.b.key, startOfA, m.lengthA, hint: m.lengthA - 1))
                if winsA > 0 {
                    m.destination = m.destination - winsA
                    m.a = m.a - winsA
                    (m.destination + 1).copy(winsA, from: m.a + 1)
                    m.lengthA -= winsA
                    if m.lengthA == 0 { return .runsExhausted }
                }
                m.takeFromB(step: -1)
                m.lengthB -= 1
                if m.lengthB == 1 { return .oneItemLeft }
                winsB = m.lengthB - (try gallopLeft(m.a.key, temporary, m.lengthB, hint: m.lengthB - 1))
                if winsB > 0 {
                    m.destination = m.destination - winsB
                    m.b = m.b - winsB
                    (m.destination + 1).copy(winsB, from: m.b + 1)
                    m.lengthB -= winsB
                    if m.lengthB == 1 { return .oneItemLeft }
                    if m.lengthB == 0 { return .runsExhausted }  // only with an inconsistent order
                }
                m.takeFromA(step: -1)
                m.lengthA -= 1
                if m.lengthA == 0 { return .runsExhausted }
            } while winsA >= Self.initialMinimumGallop || winsB >= Self.initialMinimumGallop
            gallop += 1
            minimumGallop = gallop
        }
    }

    /// The position in the sorted `run` of `length` items before which `key` goes, after
    /// the items less than it (before equal ones), searched outward from `hint`.
    func gallopLeft(_ key: Value, _ run: SortSlice, _ length: Int, hint: Int) throws(PythonError) -> Int {
        let a = run.keys
        var (below, above) = (0, 1)  // offsets from hint, known below and at or above key
        if try lessThan(a[hint], key) {
            let most = length - hint
            while above < most, try lessThan(a[hint + above], key) { (below, above) = (above, 2 * above + 1) }
            (below, above) = (hint + below, hint + min(above, most))
        } else {
            let most = hint + 1
            while above < most, !(try lessThan(a[hint - above], key)) { (below, above) = (above, 2 * above + 1) }
            (below, above) = (hint - min(above, most), hint - below)
        }
        // Now a[below] < key <= a[above]: a binary search between them.
        below += 1
        while below < above {
            let middle = below + (above - below) >> 1
            if try lessThan(a[middle], key) { below = middle + 1 } else { above = middle }
        }
        return above
    }

    /// As `gallopLeft`, but after the items equal to `key` too.
    func gallopRight(_ key: Value, _ run: SortSlice, _ length: Int, hint: Int) throws(PythonError) -> Int {
        let a = run.keys
        var (below, above) = (0, 1)
        if try lessThan(key, a[hint]) {
            let most = hint + 1
            while above < most, try lessThan(key, a[hint - above]) { (below, above) = (above, 2 * above + 1) }
            (below, above) = (hint - min(above, most), hint - below)
        } else {
            let most = length - hint
            while above < most, !(try lessThan(key, a[hint + above])) { (below, above) = (above, 2 * above + 1) }
            (below, above) = (hint + below, hint + min(above, most))
        }
        // Now a[below] <= key < a[above].
        below += 1
        while below < above {
            let middle = below + (above - below) >> 1
            if try lessThan(key, a[middle]) { above = middle } else { below = middle + 1 }
        }
        return above
    }
}
