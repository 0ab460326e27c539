using System.Collections.Concurrent;

namespace SocketCourse.Lessons.ThreadedServer.Server;

/// <summary>
/// The person at the server's keyboard, who types each reply (the seed's <c>input("请输入 >>> :")</c>).
/// </summary>
/// <remarks>
/// Every handler thread wants an answer from the same keyboard. Standard input is one shared stream: if two
/// threads prompted and read at once, the prompts would interleave and a line typed for one client could be
/// taken by the other. So the handlers take turns — a semaphore lets one thread at a time show its prompt
/// and take the next line — and the others wait for their turn (their clients wait for their replies).
///
/// One background thread does the reading and queues the lines. Console.ReadLine cannot be interrupted, so a
/// handler blocked in it could never be stopped; waiting on the queue instead can be cancelled when the
/// server stops, and the end of input (a piped file that ran out) reaches every handler.
/// </remarks>
internal sealed class Operator
{
    private readonly BlockingCollection<string> _lines = new(boundedCapacity: 64);
    private readonly SemaphoreSlim _oneQuestionAtATime = new(1, 1);

    public Operator(TextReader input)
    {
        var reader = new Thread(() => ReadAll(input)) { IsBackground = true, Name = "stdin reader" };
        reader.Start();
    }

    /// <summary>
    /// Cancelled when a client needed a reply and the input had ended (a piped file ran out, Ctrl+D):
    /// nobody is left to answer anyone. Lines piped in advance are all used first.
    /// </summary>
    public CancellationToken OutOfReplies => _outOfReplies.Token;

    private readonly CancellationTokenSource _outOfReplies = new();

    private void ReadAll(TextReader input)
    {
        while (input.ReadLine() is { } line)
            _lines.Add(line);
        _lines.CompleteAdding();
    }

    /// <summary>
    /// Waits for this thread's turn, prompts for a reply to <paramref name="who"/>, and returns the line typed,
    /// or null when the input has ended. Empty lines are refused: sending 0 bytes sends nothing, and a client
    /// waiting for an answer would wait forever.
    /// </summary>
    /// <exception cref="OperationCanceledException">The server is stopping.</exception>
    public string? AskForReply(string who, CancellationToken stopping)
    {
        _oneQuestionAtATime.Wait(stopping);
        try
        {
            while (true)
            {
                Console.Write($"请输入 (your reply to {who}) >>> :");
                if (!_lines.TryTake(out var line, Timeout.Infinite, stopping))
                {
                    Console.WriteLine();
                    _outOfReplies.Cancel();
                    return null;
                }
                if (Console.IsInputRedirected)
                    Console.WriteLine(line); // echo piped input, so the transcript reads like a typed session
                if (line.Length > 0)
                    return line;
                Console.WriteLine("(an empty reply would send nothing and leave the client waiting: type something)");
            }
        }
        finally
        {
            _oneQuestionAtATime.Release();
        }
    }
}
