import Compiler
import Glibc
import Runtime

/// The interpreter's global state: the value stack every frame lives on, the exception being
/// handled, recursion accounting and the builtins. One interpreter per process.
///
/// Frame layout on the value stack (`fp` is the first local):
///
///     fp[-3]  the function running (a function object; the module's for module code)
///     fp[-2]  the namespace dict of module and class bodies, else null
///     fp[-1]  the globals dict
///     fp[0 ..< slotCount]                 parameters, locals, cells, free variables
///     fp[slotCount ..< + maxStackDepth]   the temporaries of the value stack
///
/// JIT code will run on the same frames, so a failed guard resumes the interpreter at the
/// same instruction with nothing to translate.
enum VM {
    static let headerSlots = 3
    static let stackSlots = 1 << 22

    /// Mapped, not allocated: the kernel hands out zeroed pages as the stack first reaches them,
    /// so a program pays in memory only for the depth it uses. A zero word reads as the small
    /// int 0, harmless to the conservative scan; frames set their slots before use.
    nonisolated(unsafe) static var stackBase: UnsafeMutablePointer<Value> = {
        let bytes = stackSlots * MemoryLayout<Value>.stride
        let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let memory, memory != MAP_FAILED else { fatalError("cannot map the VM value stack") }
        return memory.bindMemory(to: Value.self, capacity: stackSlots)
    }()
    /// One past the last slot any live frame may use; the collector scans below it.
    nonisolated(unsafe) static var stackTop: UnsafeMutablePointer<Value> = stackBase
    static var stackLimit: UnsafeMutablePointer<Value> { stackBase + stackSlots }

    /// The exception an `except` or `finally` block is handling (`sys.exc_info()`), or null.
    nonisolated(unsafe) static var handledException = Value.null
    nonisolated(unsafe) static var depth = 0
    nonisolated(unsafe) static var recursionLimit = 1000
    nonisolated(unsafe) static var builtins = Value.null
    nonisolated(unsafe) static var modules = Value.null
    /// Advances whenever a class attribute changes or a class is made: attribute and method
    /// caches hold only while it stays the same.
    nonisolated(unsafe) static var typeEpoch: UInt64 = 1

    static func installRoots() {
        Collector.addRootScanner {
            // Stale slots above a frame's live temporaries may hold dead values; the
            // conservative scan checks every word against the heap, so they are harmless.
            Collector.markConservatively(from: UnsafeRawPointer(stackBase), to: UnsafeRawPointer(stackTop))
            Collector.mark(handledException)
            Collector.mark(builtins)
            Collector.mark(modules)
        }
    }
}
