import Foundation

/// The executable this process runs (jitbench itself, or the test bundle), found through /proc so that
/// it does not depend on how the program was invoked.
public enum RunningExecutable {
    public static var url: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    public static var directory: URL { url.deletingLastPathComponent() }
}
