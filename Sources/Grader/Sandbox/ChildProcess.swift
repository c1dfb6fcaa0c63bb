// ChildProcess: spawns a program in its own process group with the oracle's pipes wired up.
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A spawned program: its own process group, requests in on fd 3, replies out on fd 4, stdout and
/// stderr captured with a cap. Killing it kills the whole group.
final class ChildProcess: @unchecked Sendable {
    /// The child's process id, which is also its process-group id.
    let pid: pid_t
    /// Where the host writes requests (the child's fd 3).
    let requests: Int32
    /// Where the host reads replies (the child's fd 4).
    let replies: Int32
    private let stdout: OutputCapture
    private let stderr: OutputCapture
    private var status: Int32?
    private var requestsClosed = false
    private var repliesClosed = false

    /// Serialises pipe creation and spawning, so no other thread's child inherits these pipes
    /// between `pipe` and `FD_CLOEXEC` (a leaked write end would hide a child's exit).
    private static let spawnLock = NSLock()

    /// A child that dies leaves the host writing to a pipe nobody reads. The default action of
    /// the `SIGPIPE` that follows is to end the writer — labgrade, and a class's batch with it —
    /// so the host ignores the signal once, before its first child, and the write fails with
    /// `EPIPE` instead, which the session reports as the child's fault. Children start with the
    /// default action again (`POSIX_SPAWN_SETSIGDEF`).
    private static let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Starts `arguments[0]` with `arguments` and exactly `environment`.
    init(arguments: [String], environment: [String: String], outputLimit: Int) throws {
        ChildProcess.brokenPipesIgnored
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        let requestPipe = try ChildProcess.pipe()
        let replyPipe = try ChildProcess.pipe()
        let outPipe = try ChildProcess.pipe()
        let errPipe = try ChildProcess.pipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, requestPipe.read, 3)
        posix_spawn_file_actions_adddup2(&actions, replyPipe.write, 4)
        posix_spawn_file_actions_adddup2(&actions, outPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe.write, 2)
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        if devNull >= 0 { posix_spawn_file_actions_adddup2(&actions, devNull, 0) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let result = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        for fd in [requestPipe.read, replyPipe.write, outPipe.write, errPipe.write, devNull] where fd >= 0 { close(fd) }
        guard result == 0 else {
            for fd in [requestPipe.write, replyPipe.read, outPipe.read, errPipe.read] { close(fd) }
            throw SandboxError.spawnFailed(program: arguments[0], errno: result)
        }
        pid = child
        requests = requestPipe.write
        replies = replyPipe.read
        stdout = OutputCapture(descriptor: outPipe.read, limit: outputLimit)
        stderr = OutputCapture(descriptor: errPipe.read, limit: outputLimit)
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw SandboxError.spawnFailed(program: "pipe", errno: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Guards `status` and the descriptors' closing: a watchdog may stop the child from its own thread.
    private let stateLock = NSLock()

    /// Whether the child has exited (reaping it if so).
    var hasExited: Bool {
        stateLock.withLock {
            if status != nil { return true }
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            return status != nil
        }
    }

    /// Closes the host's end of the request pipe (the child reads end of file), once.
    func closeRequests() {
        stateLock.withLock {
            guard !requestsClosed else { return }
            close(requests)
            requestsClosed = true
        }
    }

    /// Kills the child's process group without waiting or closing anything (safe from any thread).
    func signalKill() {
        // Only while the leader is unreaped is its pid certain to still name this group.
        stateLock.withLock { if status == nil { _ = Glibc.kill(-pid, SIGKILL) } }
    }

    /// Kills the whole process group and reaps the child, then closes the pipes. Safe to call more than once.
    func kill() {
        if !hasExited {
            signalKill()
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            stateLock.withLock { if status == nil { status = raw } }
        }
        closeRequests()
        stateLock.withLock {
            if !repliesClosed { close(replies) }
            repliesClosed = true
        }
    }

    /// How the child ended, after ``kill()`` or once ``hasExited`` is true.
    var termination: Termination? {
        guard let raw = stateLock.withLock({ status }) else { return nil }
        let signal = raw & 0x7f
        return signal == 0 ? .exited(code: (raw >> 8) & 0xff) : .signaled(signal: signal)
    }

    /// What the child printed so far, waiting up to `timeout` seconds for the streams to end.
    func output(waiting timeout: Double) -> (stdout: CapturedOutput, stderr: CapturedOutput) {
        (stdout.text(waiting: timeout), stderr.text(waiting: timeout))
    }

    /// How a child process ended.
    enum Termination: Equatable {
        /// It called `exit` with this code.
        case exited(code: Int32)
        /// A signal ended it.
        case signaled(signal: Int32)
    }
}
