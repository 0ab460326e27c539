using System.Runtime.InteropServices;

namespace SocketCourse.Testing;

/// <summary>
/// The per-process limit on open file descriptors of Linux and macOS (<c>ulimit -n</c>, RLIMIT_NOFILE in getrlimit(2)),
/// which every socket counts against. A process may lower its soft limit, and raise it again up to the hard limit,
/// without privileges. Windows has no such limit for sockets.
/// </summary>
public static class OpenFileLimit
{
    /// <summary>The soft limit (what the process may open now) and the hard limit (the most the soft one may become).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct Limits(ulong Soft, ulong Hard);

    /// <summary>
    /// Whether this process can read and set the limit: Linux or macOS, in a 64-bit process (struct rlimit holds two
    /// 64-bit values there; a 32-bit process would need another layout).
    /// </summary>
    public static bool IsSupported { get; } = (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Environment.Is64BitProcess;

    /// <summary>Reads the limits; returns 0, or the errno of the failed getrlimit call.</summary>
    public static int Read(out Limits limits) =>
        Native.getrlimit(Resource, out limits) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Sets the limits (keep <see cref="Limits.Hard"/> as read); returns 0, or the errno of the failed setrlimit call.</summary>
    public static int Set(Limits limits) =>
        Native.setrlimit(Resource, in limits) == 0 ? 0 : Marshal.GetLastPInvokeError();

    // RLIMIT_NOFILE is 7 on Linux, 8 on macOS.
    private static int Resource => OperatingSystem.IsMacOS() ? 8 : 7;

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int getrlimit(int resource, out Limits limits);

        [DllImport("libc", SetLastError = true)]
        public static extern int setrlimit(int resource, in Limits limits);
    }
}
