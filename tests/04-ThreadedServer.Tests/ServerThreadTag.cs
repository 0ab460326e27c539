using System.Reflection;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>
/// Tells the threads of one grader's server from every other thread in the process (the servers of graders running in
/// parallel, the runtime's own threads), so a first-chance exception handler can act on this server's threads only.
/// </summary>
/// <remarks>
/// An <see cref="AsyncLocal{T}"/> value set before the server starts flows into every thread started after it:
/// <c>new Thread(...).Start()</c> captures the starting thread's ExecutionContext, and so does Task.Run. So the accept
/// thread that Start starts carries the tag, and so do the handler threads the accept thread starts; threads of other
/// servers carry their own tag, or none.
/// </remarks>
internal sealed class ServerThreadTag
{
    private static readonly AsyncLocal<ServerThreadTag?> Current = new();

    private ServerThreadTag()
    {
    }

    /// <summary>The learner's code: the assembly that holds <see cref="ThreadingTcpServer"/>.</summary>
    public static Assembly ServerAssembly { get; } = typeof(ThreadingTcpServer).Assembly;

    /// <summary>Tags the calling code from here on: call it before starting the server.</summary>
    public static ServerThreadTag Begin()
    {
        var tag = new ServerThreadTag();
        Current.Value = tag; // set in a synchronous method, so it stays set in the caller's context
        return tag;
    }

    /// <summary>Whether the current thread was started under this tag (by the tagged server, or by the grader itself).</summary>
    public bool IsOnCurrentThread => ReferenceEquals(Current.Value, this);

    /// <summary>Whether the current thread is running the learner's code right now (a frame of it on its stack).</summary>
    public static bool RunsServerCode() =>
        new System.Diagnostics.StackTrace(false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == ServerAssembly);
}
