using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Framing;

/// <summary>
/// Step 3: a line server built on <see cref="PipeReader"/>. Each client sends lines; the server answers each
/// line with one line, in order. Clients may pipeline: send many lines without waiting for the answers, so one
/// read can hold a thousand lines, or one line can take a thousand reads; the server answers them all the same.
/// </summary>
/// <remarks>
/// Error replies (see <see cref="LineReplies"/>): a line that is not valid UTF-8 is answered with
/// <see cref="LineReplies.NotUtf8"/> and the server goes on (the line's end is known); a line over the limit is
/// answered with <see cref="LineReplies.TooLong"/> and the connection is closed, because reading on to find its
/// end would mean buffering what the limit is there to refuse.
/// </remarks>
public sealed class PipelinedLineServer : IAsyncDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Socket _listener;
    private readonly Func<string, string> _reply;
    private readonly int _maxLineBytes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _stopped;

    private PipelinedLineServer(Socket listener, Func<string, string> reply, int maxLineBytes)
    {
        _listener = listener;
        _reply = reply;
        _maxLineBytes = maxLineBytes;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// Binds <paramref name="endpoint"/>, listens, and serves every client that connects in the background, until
    /// stopped. Returns at once.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9995; port 0 picks a free port (see <see cref="EndPoint"/>).</param>
    /// <param name="reply">Computes the answer to one line (without its line end); the server adds the <c>\n</c>.
    /// It must not return text containing a line end.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    /// <returns>The running server; stop it with <see cref="StopAsync"/> or DisposeAsync.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound.</exception>
    public static PipelinedLineServer Start(IPEndPoint endpoint, Func<string, string> reply,
        int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen();
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new PipelinedLineServer(listener, reply, maxLineBytes);
    }

    /// <summary>The address and port the server is bound to (the real port when port 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Stops the server: no more clients are accepted (the port is free again), every connection is closed (its
    /// client reads end of stream), and every task the server started has finished when the returned task completes.
    /// Calling it again does nothing more.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _listener.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // one failed accept (a client that reset while queued) does not stop the server
            }
            _connections[client] = ServeAndForgetAsync(client);
        }
    }

    private async Task ServeAndForgetAsync(Socket client)
    {
        await Task.Yield(); // let the accept loop go back to accepting before this client is served
        try
        {
            await ServeAsync(client, _stopping.Token);
        }
        catch (Exception)
        {
            // This client failed (reset, stopped, a reply function that threw): it alone is closed.
        }
        finally
        {
            client.Dispose();
            _connections.TryRemove(client, out _);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var read = await input.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                var tooLong = false;
                try
                {
                    while (LineFramer.TryReadLine(ref buffer, _maxLineBytes, out var line))
                        WriteLine(output, Answer(line));
                }
                catch (LineTooLongException)
                {
                    WriteLine(output, LineReplies.TooLong(_maxLineBytes));
                    tooLong = true;
                }
                // Consumed: the lines answered. Examined: everything, so the next ReadAsync waits for new bytes.
                input.AdvanceTo(buffer.Start, buffer.End);
                // One flush per read: a thousand pipelined lines go back in a few sends, not a thousand.
                await output.FlushAsync(cancellationToken);
                if (tooLong || read.IsCompleted) break;
            }
            client.Shutdown(SocketShutdown.Send); // the last reply is followed by end of stream
        }
        finally
        {
            await input.CompleteAsync();
            await output.CompleteAsync();
        }
    }

    private string Answer(in ReadOnlySequence<byte> line)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            return LineReplies.NotUtf8;
        }
        return _reply(text);
    }

    private static void WriteLine(PipeWriter output, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = output.GetSpan(length + 1);
        Encoding.UTF8.GetBytes(text, span);
        span[length] = (byte)'\n';
        output.Advance(length + 1);
    }
}
