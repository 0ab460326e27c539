using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Runs the process out of file descriptors for a moment (Linux and macOS), so that an Accept on a listener that is still
/// open fails: with EMFILE, "too many open files", which .NET reports as <see cref="SocketError.TooManyOpenSockets"/>.
/// It lowers the soft limit on open descriptors (RLIMIT_NOFILE, see getrlimit(2)) so far that no descriptor number below
/// it is free: every descriptor the process asks for is refused (descriptors already open stay usable), and it puts the
/// limit back afterwards.
/// </summary>
/// <remarks>
/// The limit is the whole process's: run this only in a grader that runs alone (a collection with
/// DisableParallelization), create every socket it needs before, and keep the moment short. Nothing may start a thread
/// meanwhile: the runtime opens descriptors for a new thread, and without them fails to start it ("Out of memory."),
/// which ends the process. Windows has no such limit for sockets (see <see cref="Unsupported"/>).
/// </remarks>
internal static class DescriptorShortage
{
    /// <summary>Why this platform cannot run short of descriptors on demand; null where it can.</summary>
    public static string? Unsupported { get; } =
        !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            ? "This grader makes one Accept fail by running the process out of file descriptors for a moment (the limit " +
              "RLIMIT_NOFILE of Linux and macOS). Windows has no such limit for sockets, and its one Accept error that a client " +
              "can cause (WSAECONNRESET, for a client that reset while it waited in the backlog) needs a client queued while " +
              "the accept thread is not looking, which no grader can arrange. Linux and macOS run this check."
            : !OpenFileLimit.IsSupported
                ? "This grader runs the process out of file descriptors through the 64-bit layout of struct rlimit; this process is 32-bit."
                : null;

    /// <summary>
    /// Lowers the limit, runs <paramref name="during"/>, and restores the limit whatever happens. <paramref name="anyOpen"/>
    /// is any open socket (used to find the lowest free number).
    /// </summary>
    /// <remarks>
    /// The limit goes to 3 (standard input, output and error), or lower when one of those is closed: not merely to the
    /// lowest free number, because a descriptor that the code under test holds now and closes during the moment (a
    /// blocked accept has reserved one on Linux) must not become usable again.
    /// </remarks>
    public static void While(Socket anyOpen, Action during)
    {
        var error = OpenFileLimit.Read(out var saved);
        if (error != 0)
            throw new InvalidOperationException($"getrlimit(RLIMIT_NOFILE) failed: error {error}.");
        var low = saved with { Soft = (ulong)Math.Min(LowestFreeDescriptor(anyOpen), 3) };
        error = OpenFileLimit.Set(low);
        if (error != 0)
            throw new InvalidOperationException($"setrlimit(RLIMIT_NOFILE, {low.Soft}) failed: error {error}.");
        try
        {
            during();
        }
        finally
        {
            error = OpenFileLimit.Set(saved);
            if (error != 0)
                throw new InvalidOperationException($"setrlimit(RLIMIT_NOFILE) could not restore {saved.Soft}: error {error}.");
        }
    }

    /// <summary>dup returns the lowest descriptor number not in use (a descriptor that a blocked accept has reserved counts as used).</summary>
    private static int LowestFreeDescriptor(Socket anyOpen)
    {
        var probe = Native.dup((int)anyOpen.SafeHandle.DangerousGetHandle());
        if (probe < 0) throw new InvalidOperationException($"dup failed: error {Marshal.GetLastPInvokeError()}.");
        Native.close(probe);
        return probe;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int dup(int descriptor);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int descriptor);
    }
}
