using SocketCourse.Testing;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// The per-process limit on open files (<c>ulimit -n</c>, RLIMIT_NOFILE), which every socket counts against. A grader
/// that holds 2,000 connections in its own process needs about 4,000 descriptors (both ends of each connection),
/// more than macOS's default soft limit of 256. Linux and macOS let a process raise its soft limit up to its hard
/// limit without privileges (<see cref="OpenFileLimit"/>); Windows has no such limit.
/// </summary>
internal static class FileDescriptorLimit
{
    /// <summary>
    /// Makes sure this process may open at least <paramref name="needed"/> files, raising the soft limit (up to the
    /// hard limit) if it must. Returns null when that holds, or a sentence saying why it cannot.
    /// </summary>
    public static string? EnsureAtLeast(int needed)
    {
        if (!OpenFileLimit.IsSupported) return null;
        var error = OpenFileLimit.Read(out var limit);
        if (error != 0)
            return $"getrlimit(RLIMIT_NOFILE) failed (errno {error}), so the open-file limit is unknown.";
        if (limit.Soft >= (ulong)needed) return null;
        if (limit.Hard < (ulong)needed)
            return $"This process may open at most {limit.Hard} files (hard limit; soft {limit.Soft}), and the grader needs " +
                   $"{needed} (two per connection). Raise it before running, e.g. `ulimit -n {needed}`.";
        error = OpenFileLimit.Set(limit with { Soft = (ulong)needed });
        if (error != 0)
            return $"Raising the open-file soft limit from {limit.Soft} to {needed} failed (errno {error}). " +
                   $"Raise it before running, e.g. `ulimit -n {needed}`.";
        return null;
    }
}
