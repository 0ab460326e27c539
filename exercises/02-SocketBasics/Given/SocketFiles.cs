// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using System.Runtime.InteropServices;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Given, for step 3: tells a socket file from an ordinary file. Both are empty and
/// .NET shows no difference between them, and connecting to either with nobody listening is refused, so a server that
/// replaces a leftover socket file must ask the operating system what kind of file it is before deleting anything.
/// </summary>
public static class SocketFiles
{
    /// <summary>
    /// Whether <paramref name="path"/> is a socket file (the kind <c>Bind</c> creates for a Unix-domain socket). False
    /// for a regular file, a folder, a named pipe, a missing path, or when the system does not say.
    /// </summary>
    /// <remarks>
    /// Windows marks a Unix-domain socket file as a reparse point. Linux and macOS refuse to open a socket file like an
    /// ordinary file (ENXIO on Linux, EOPNOTSUPP on macOS); the file is opened without blocking, so a named pipe cannot
    /// hang the check.
    /// </remarks>
    /// <param name="path">The path to look at.</param>
    public static bool IsSocketFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint);

        var nonBlocking = OperatingSystem.IsLinux() ? 0x800 : 0x4; // O_NONBLOCK: Linux, then macOS and the BSDs
        var fd = Open(path, nonBlocking); // O_RDONLY is 0
        if (fd >= 0)
        {
            Close(fd);
            return false; // it opened like a file: a regular file or a named pipe, not a socket
        }
        var error = Marshal.GetLastPInvokeError();
        const int ENXIO = 6;
        var EOPNOTSUPP = OperatingSystem.IsLinux() ? 95 : 102;
        return error == ENXIO || error == EOPNOTSUPP;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
