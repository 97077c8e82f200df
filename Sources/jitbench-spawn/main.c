// jitbench-spawn: runs one engine process and reports how it ended and what it used.
//
//   jitbench-spawn RESULT_FILE TIMEOUT_SECONDS GRACE_SECONDS PROGRAM [ARGS...]
//
// Why a separate C program: on Linux a child's ru_maxrss starts from the high-water mark of the memory
// it had just before exec, and exec carries that mark over. Spawned from the Swift harness (with
// posix_spawn, which shares the parent's memory, or with fork, which copies it) every child would report
// at least the harness's peak. Forked from this small image, the floor is about a megabyte.
//
// The child leads its own process group so that a timeout, or an interruption of the harness, reaches
// everything it started. Stdin, stdout and stderr are inherited from the caller, which redirects them.
// RESULT_FILE receives one line of key=value pairs (see write_result); TIMEOUT_SECONDS 0 means none.
// Exit status: 0 when RESULT_FILE was written, 125 on a usage or internal error.

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t child_group = 0;
static volatile sig_atomic_t timed_out = 0;
static volatile sig_atomic_t grace_seconds = 1;

static void arm_timer(double seconds) {
    struct itimerval timer = {0};
    timer.it_value.tv_sec = (time_t)seconds;
    timer.it_value.tv_usec = (suseconds_t)((seconds - (double)(time_t)seconds) * 1e6);
    if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &timer, NULL);
}

// The timeout acts inside the handler itself: a flag checked after wait4 could be missed if the alarm
// fired just before wait4 blocked. First expiry: SIGTERM to the group and a grace period; second: SIGKILL.
static void on_alarm(int signal_number) {
    (void)signal_number;
    if (child_group == 0) return;
    if (!timed_out) {
        timed_out = 1;
        kill(-child_group, SIGTERM);
        arm_timer(grace_seconds);
    } else {
        kill(-child_group, SIGKILL);
    }
}

// An interruption of the harness (Ctrl-C reaches this process; the harness forwards SIGTERM) is passed on
// to the child's group, which is not the terminal's foreground group.
static void on_interrupt(int signal_number) {
    if (child_group != 0) kill(-child_group, signal_number);
}

static void install_handlers(void) {
    struct sigaction action = {0};
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_alarm;
    sigaction(SIGALRM, &action, NULL);
    action.sa_handler = on_interrupt;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double timeval_seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

static int write_result(const char *path, int spawn_errno, int status, double wall, const struct rusage *usage) {
    FILE *file = fopen(path, "w");
    if (file == NULL) return -1;
    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    int signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    fprintf(file, "spawn_errno=%d exit_code=%d signal=%d timed_out=%d wall_seconds=%.9f user_seconds=%.6f "
                  "sys_seconds=%.6f max_rss_kib=%ld\n",
            spawn_errno, exit_code, signal_number, (int)timed_out, wall, timeval_seconds(usage->ru_utime),
            timeval_seconds(usage->ru_stime), usage->ru_maxrss);
    return fclose(file);
}

// fork and exec, not posix_spawn: posix_spawn shares this process's memory until exec (CLONE_VM), and
// the child would then inherit this image's high-water mark, which SwiftPM's linking of the Swift
// runtime makes several megabytes. After fork the child's mark counts only the pages it copied.
// Returns 0, or the errno of a failed fork or exec (sent back through a close-on-exec pipe).
static int spawn_child(pid_t *pid, char **argv) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    *pid = fork();
    if (*pid < 0) return errno;
    if (*pid == 0) {
        setpgid(0, 0);
        execvp(argv[0], argv);
        int error = errno;
        ssize_t ignored = write(report[1], &error, sizeof error);
        (void)ignored;
        _exit(127);
    }
    setpgid(*pid, *pid);  // also here, so that the group exists before any kill(-pid) below
    close(report[1]);
    int error = 0;
    ssize_t got = read(report[0], &error, sizeof error);
    close(report[0]);
    if (got == sizeof error) {
        waitpid(*pid, NULL, 0);
        return error;
    }
    return 0;
}

static int wait_for_child(pid_t pid, int *status, struct rusage *usage) {
    for (;;) {
        if (wait4(pid, status, 0, usage) == pid) return 0;
        if (errno != EINTR) return -1;
    }
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: jitbench-spawn RESULT_FILE TIMEOUT_SECONDS GRACE_SECONDS PROGRAM [ARGS...]\n");
        return 125;
    }
    const char *result_path = argv[1];
    double timeout = atof(argv[2]);
    grace_seconds = atoi(argv[3]) > 0 ? atoi(argv[3]) : 1;
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // a harness that dies takes this process, and so the child, with it
    install_handlers();

    struct rusage usage = {0};
    int status = 0;
    pid_t pid = 0;
    double start = now_seconds();
    int spawn_errno = spawn_child(&pid, &argv[4]);
    if (spawn_errno != 0) {
        fprintf(stderr, "jitbench-spawn: cannot run %s: %s\n", argv[4], strerror(spawn_errno));
        return write_result(result_path, spawn_errno, 0, 0, &usage) == 0 ? 0 : 125;
    }
    child_group = pid;
    if (timeout > 0) arm_timer(timeout);
    if (wait_for_child(pid, &status, &usage) != 0) {
        perror("jitbench-spawn: wait4");
        return 125;
    }
    double wall = now_seconds() - start;
    setitimer(ITIMER_REAL, &(struct itimerval){0}, NULL);
    kill(-pid, SIGKILL);  // whatever the child left behind in its group (a shell's background jobs) goes too
    return write_result(result_path, 0, status, wall, &usage) == 0 ? 0 : 125;
}
