using System.Runtime.InteropServices;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// The per-process limit on open files (<c>ulimit -n</c>, RLIMIT_NOFILE), which every socket counts against. A grader
/// that holds 2,000 connections in its own process needs about 4,000 descriptors (both ends of each connection),
/// more than macOS's default soft limit of 256. Linux and macOS let a process raise its soft limit up to its hard
/// limit without privileges; Windows has no such limit.
/// </summary>
internal static class FileDescriptorLimit
{
    /// <summary>
    /// Makes sure this process may open at least <paramref name="needed"/> files, raising the soft limit (up to the
    /// hard limit) if it must. Returns null when that holds, or a sentence saying why it cannot.
    /// </summary>
    public static string? EnsureAtLeast(int needed)
    {
        if (OperatingSystem.IsWindows()) return null;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        var resource = OperatingSystem.IsLinux() ? RlimitNofileLinux : RlimitNofileMacOS;
        if (getrlimit(resource, out var limit) != 0)
            return $"getrlimit(RLIMIT_NOFILE) failed (errno {Marshal.GetLastPInvokeError()}), so the open-file limit is unknown.";
        if (limit.Current >= (ulong)needed) return null;
        if (limit.Maximum < (ulong)needed)
            return $"This process may open at most {limit.Maximum} files (hard limit; soft {limit.Current}), and the grader needs " +
                   $"{needed} (two per connection). Raise it before running, e.g. `ulimit -n {needed}`.";
        var raised = limit with { Current = (ulong)needed };
        if (setrlimit(resource, in raised) != 0)
            return $"Raising the open-file soft limit from {limit.Current} to {needed} failed (errno {Marshal.GetLastPInvokeError()}). " +
                   $"Raise it before running, e.g. `ulimit -n {needed}`.";
        return null;
    }

    private const int RlimitNofileLinux = 7;
    private const int RlimitNofileMacOS = 8;

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Rlimit(ulong Current, ulong Maximum);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Rlimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in Rlimit limit);
}
