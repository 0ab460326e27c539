using System.Runtime.InteropServices;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>
/// Step 3: a named pipe (FIFO) at the path is not a socket file either, and looking at it must not hang: opening a
/// named pipe to read it waits for a writer, so a server that reads the file to decide what it is never starts.
/// Found by mutation testing (.ci/mutation): no grader put anything but a regular file at the path.
/// </summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_NamedPipeTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "A named pipe at the path is refused, without hanging")]
    public async Task A_named_pipe_at_the_path_is_refused_without_hanging()
    {
        // Windows has no named pipes in the file system: there the same check runs on an empty regular file.
        var isPipe = NamedPipe.TryCreate(_path);
        if (!isPipe) File.WriteAllText(_path, "");

        // Task.Run: a Start stuck in a blocking open must not block the grader.
        var starting = Task.Run(() => UnixEchoServer.Start(_path).DisposeAsync().AsTask().Wait());
        try
        {
            await Expect.Throws<IOException>(starting,
                $"the {(isPipe ? "named pipe" : "file")} at that path is not a socket file; a server must not delete what it did not create");
        }
        catch (GradingTimeoutException e)
        {
            throw new GradingException(
                $"UnixEchoServer.Start did not return within {Deadlines.Default.TotalSeconds:0} s with a named pipe at {_path}. Opening a " +
                "named pipe to read it waits until a writer opens it too, which may be never: do not read the file to find out what " +
                "it is. SocketFiles.IsSocketFile asks the system without blocking.", e);
        }
        finally
        {
            if (isPipe && !starting.IsCompleted) NamedPipe.ReleaseWaitingReader(_path);
        }

        Assert.True(File.Exists(_path), $"The {(isPipe ? "named pipe" : "file")} at {_path} was deleted.");
    }

    private static class NamedPipe
    {
        private const int O_WRONLY = 1;

        /// <summary>Makes a named pipe at <paramref name="path"/>; false where the system has none (Windows).</summary>
        public static bool TryCreate(string path) => !OperatingSystem.IsWindows() && MakeFifo(path, 0b110_000_000) == 0; // mode 0600

        /// <summary>Opens the pipe for writing and closes it again, so a reader stuck in its open sees an empty pipe.</summary>
        public static void ReleaseWaitingReader(string path)
        {
            var nonBlocking = OperatingSystem.IsLinux() ? 0x800 : 0x4; // O_NONBLOCK: Linux, then macOS and the BSDs
            var fd = Open(path, O_WRONLY | nonBlocking);
            if (fd >= 0) Close(fd);
        }

        [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        private static extern int Close(int fd);
    }
}
