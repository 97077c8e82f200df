import Foundation

/// Ctrl-C and SIGTERM do not kill the harness: they stop it between two runs so that it can still write
/// what it measured, marked partial. The process being measured is told at once (through its spawner),
/// and its interrupted run is discarded rather than recorded as a crash.
public enum Interruption {
    /// Whether SIGINT or SIGTERM arrived since `install()`.
    public static var requested: Bool { receivedSignal != 0 }

    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, onInterruptSignal)
        }
    }

    /// Records the spawner of the process being measured, so that a SIGTERM sent to the harness alone
    /// (not to its whole group, as Ctrl-C is) still reaches it.
    static func setRunningSpawner(_ pid: pid_t) { runningSpawner = pid }
}

// Plain globals with constant initial values: a signal handler may touch them (no lazy initialisation).
private var receivedSignal: sig_atomic_t = 0
private var runningSpawner: pid_t = 0

private func onInterruptSignal(_ signalNumber: Int32) {
    receivedSignal = signalNumber
    if runningSpawner != 0 { kill(runningSpawner, SIGTERM) }
}
