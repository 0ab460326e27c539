using System.Net;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>
/// Chat fan-out against a room that speaks the course's chat protocol (lesson 06's threaded room or lesson 07's async
/// one): M members join, then each sends L lines; every line should reach the M − 1 others.
/// </summary>
public static class FanoutRun
{
    public static Task<FanoutResult> RunAsync(IPEndPoint server, int members, int lines, int? pid) =>
        throw new NotSupportedException("fan-out needs lesson 06's chat room; it is not in this build yet");
}
