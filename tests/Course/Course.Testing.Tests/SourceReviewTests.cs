using Xunit;

namespace SocketCourse.Testing.Tests;

/// <summary>
/// The source review's rules: each finds its mistake, and stays silent on correct code (the course's own reference
/// solutions of lessons 04, 06 and 07 among it), since a review that fails a correct solution breaks the course's promise.
/// </summary>
public sealed class SourceReviewTests
{
    private static IReadOnlyList<Finding> Review(string code) => SourceReview.Of([new SourceFile("/src/Server.cs", code)]);

    private const string Usings = "using System.Collections.Generic; using System.Threading; using System.Net.Sockets;\n";

    // ---- collections changed outside their lock ----

    [Fact]
    public void A_dictionary_changed_under_its_lock_in_one_place_and_outside_it_in_another_is_found()
    {
        var findings = Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly Dictionary<Socket, Thread> _clients = [];

                void Admit(Socket s, Thread t)
                {
                    lock (_gate) _clients.Add(s, t);
                }

                void Serve(Socket s)
                {
                    _clients.Remove(s);
                }
            }
            """);

        var finding = Assert.Single(findings);
        Assert.Equal((ReviewRule.CollectionChangedOutsideItsLock, "Server.cs", 14, "Server", "_clients"),
            (finding.Rule, finding.File, finding.Line, finding.Type, finding.Field));
        Assert.Contains("`_clients.Add(…)` at line 9", finding.Message);
        Assert.Contains("`_clients.Remove(…)` at line 14", finding.Message);
    }

    [Theory]
    [InlineData("foreach (var c in _clients) c.Close();")]
    [InlineData("var copy = _clients.ToArray();")]
    [InlineData("List<Socket> copy = [.. _clients];")]
    [InlineData("var copy = new List<Socket>(_clients);")]
    [InlineData("_clients[0] = null!;")]
    [InlineData("_clients.Clear();")]
    public void Enumerating_or_changing_a_list_outside_its_lock_is_found(string unlocked)
    {
        var findings = Review(Usings + "using System.Linq;\n" + $$"""
            class Server
            {
                private readonly object _gate = new();
                private readonly List<Socket> _clients = new();
                public void Add(Socket s) { lock (_gate) { _clients.Add(s); } }
                public void Stop() { {{unlocked}} }
            }
            """);

        Assert.Equal(("_clients", 8), Assert.Single(findings).FieldAndLine());
    }

    [Fact]
    public void A_change_in_a_helper_called_only_under_the_lock_is_under_the_lock()
    {
        Assert.Empty(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly Dictionary<int, string> _names = [];
                public void Join(int id, string name) { lock (_gate) Rename(id, name); }
                public void Leave(int id) { lock (_gate) { Forget(id); } }
                private void Rename(int id, string name) { Forget(id); _names[id] = name; }
                private void Forget(int id) => _names.Remove(id);
            }
            """));
    }

    [Fact]
    public void A_helper_also_called_outside_the_lock_is_not_under_it()
    {
        var finding = Assert.Single(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly Dictionary<int, string> _names = [];
                public void Join(int id, string name) { lock (_gate) Rename(id, name); }
                public void Quick(int id, string name) => Rename(id, name);
                public void Leave(int id) { lock (_gate) _names.Remove(id); }
                private void Rename(int id, string name) => _names[id] = name;
            }
            """));
        Assert.Equal(9, finding.Line);
    }

    [Fact]
    public void A_thread_started_inside_the_lock_runs_outside_it()
    {
        // The lambda is written inside the lock, but the new thread runs Serve after the lock is released.
        var finding = Assert.Single(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly Dictionary<Socket, Thread> _clients = [];
                void Admit(Socket client)
                {
                    lock (_gate)
                    {
                        var thread = new Thread(() => Serve(client));
                        _clients.Add(client, thread);
                        thread.Start();
                    }
                }
                private void Serve(Socket client)
                {
                    try { } finally { _clients.Remove(client); }
                }
            }
            """));
        Assert.Equal(17, finding.Line);
    }

    [Fact]
    public void A_handler_written_as_a_lambda_inside_the_lock_runs_outside_it()
    {
        var finding = Assert.Single(Review(Usings + """
            class Server
            {
                private readonly object _gate = new();
                private readonly HashSet<Socket> _clients = [];
                void Admit(Socket client)
                {
                    lock (_gate)
                    {
                        _clients.Add(client);
                        new Thread(() =>
                        {
                            try { client.Receive(new byte[1]); }
                            finally { _clients.Remove(client); }
                        }).Start();
                    }
                }
            }
            """));
        Assert.Equal(14, finding.Line);
    }

    [Fact]
    public void Correct_servers_written_other_ways_are_silent()
    {
        // Locking on the collection itself, a lambda thread that takes the lock, and a helper that locks inside.
        Assert.Empty(Review(Usings + """
            class Server
            {
                private readonly Dictionary<Socket, Thread> _clients = [];
                private readonly List<Socket> _sockets = [];
                private int _connected;
                public int ConnectedClients => Volatile.Read(ref _connected);
                void Admit(Socket client)
                {
                    lock (_clients)
                    {
                        var thread = new Thread(() =>
                        {
                            try { client.Receive(new byte[1]); }
                            finally { lock (_clients) _clients.Remove(client); Forget(client); Interlocked.Decrement(ref _connected); }
                        });
                        _clients.Add(client, thread);
                        Interlocked.Increment(ref _connected);
                        thread.Start();
                    }
                    lock (_sockets) _sockets.Add(client);
                }
                private void Forget(Socket client) { lock (_sockets) _sockets.Remove(client); }
                public void Stop()
                {
                    Socket[] all;
                    lock (_sockets) all = _sockets.ToArray();
                    foreach (var s in all) s.Dispose();
                }
            }
            """));
    }

    [Fact]
    public void Reading_the_count_outside_the_lock_is_not_a_finding()
    {
        Assert.Empty(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly Dictionary<Socket, Thread> _clients = [];
                public int Count => _clients.Count;
                public bool Has(Socket s) => _clients.ContainsKey(s);
                void Admit(Socket s, Thread t) { lock (_gate) _clients.Add(s, t); }
            }
            """));
    }

    [Fact]
    public void A_concurrent_dictionary_needs_no_lock()
    {
        Assert.Empty(Review(Usings + "using System.Collections.Concurrent;\n" + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly ConcurrentDictionary<Socket, Thread> _clients = new();
                void Admit(Socket s, Thread t) { lock (_gate) _clients.TryAdd(s, t); }
                void Serve(Socket s) => _clients.TryRemove(s, out _);
            }
            """));
    }

    [Fact]
    public void Changes_in_the_constructor_and_field_initialisers_happen_before_any_thread()
    {
        Assert.Empty(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private readonly List<int> _ports = new() { 1, 2 };
                private int _count = 0;
                public Server() { _ports.Add(3); _count = 1; Fill(); }
                private void Fill() => _ports.Add(4);
                public void Add(int port) { lock (_gate) { _ports.Add(port); _count++; } }
            }
            """));
    }

    [Fact]
    public void A_type_that_uses_Monitor_Enter_is_left_alone()
    {
        var code = Usings + """
            class Server
            {
                private readonly object _gate = new();
                private readonly List<int> _ports = new();
                public void Add(int port) { lock (_gate) _ports.Add(port); }
                public void Remove(int port)
                {
                    Monitor.Enter(_gate);
                    try { _ports.Remove(port); } finally { Monitor.Exit(_gate); }
                }
            }
            """;
        Assert.Empty(Review(code));
        Assert.Equal([("Server", "Monitor.Enter")], SourceReview.Abstentions([new SourceFile("Server.cs", code)]));
    }

    [Theory]
    [InlineData("SemaphoreSlim")]
    [InlineData("ReaderWriterLockSlim")]
    [InlineData("Mutex")]
    public void A_type_that_uses_another_synchronisation_construct_is_left_alone(string construct)
    {
        Assert.Empty(Review(Usings + $$"""
            class Server
            {
                private readonly {{construct}} _other = null!;
                private readonly object _gate = new();
                private readonly List<int> _ports = new();
                public void Add(int port) { lock (_gate) _ports.Add(port); }
                public void Remove(int port) => _ports.Remove(port);
            }
            """));
    }

    // ---- counters ----

    [Fact]
    public void A_counter_incremented_under_the_lock_and_decremented_outside_it_is_found()
    {
        var finding = Assert.Single(Review(Usings + """
            class Server
            {
                private readonly Lock _gate = new();
                private int _connected;
                void Admit() { lock (_gate) { _connected++; } }
                void Leave() { _connected--; }
            }
            """));
        Assert.Equal((ReviewRule.CounterUpdatedWithoutSynchronisation, 7, "_connected"), (finding.Rule, finding.Line, finding.Field));
        Assert.Contains("`++` under a lock at line 6", finding.Message);
        Assert.Contains("`--` outside any lock at line 7", finding.Message);
        Assert.Contains("Interlocked.Decrement(ref _connected)", finding.Message);
    }

    [Theory]
    [InlineData("_count++;")]
    [InlineData("_count += 2;")]
    [InlineData("_count = 0;")]
    [InlineData("this._count--;")]
    public void A_counter_updated_with_Interlocked_in_one_place_and_plainly_in_another_is_found(string plain)
    {
        var finding = Assert.Single(Review(Usings + $$"""
            class Server
            {
                private long _count;
                public void One() => Interlocked.Increment(ref _count);
                public void Two() { {{plain}} }
            }
            """));
        Assert.Equal(6, finding.Line);
        Assert.Contains("Interlocked.Increment at line 5", finding.Message);
    }

    [Fact]
    public void A_counter_updated_with_Interlocked_everywhere_and_read_anywhere_is_fine()
    {
        Assert.Empty(Review(Usings + """
            class Server
            {
                private int _count;
                private int _stopped;
                public int Count => Volatile.Read(ref _count);
                public int Raw => _count;
                public void In() => Interlocked.Increment(ref _count);
                public void Out() { if (Interlocked.Decrement(ref _count) < 0) Interlocked.Increment(ref _count); }
                public void Stop() { if (Interlocked.Exchange(ref _stopped, 1) == 1) return; }
            }
            """));
    }

    // ---- static buffers ----

    [Fact]
    public void A_static_buffer_that_Receive_fills_is_found()
    {
        var finding = Assert.Single(Review(Usings + """
            static class Handler
            {
                private static readonly byte[] SharedBuffer = new byte[1024];
                public static int Serve(Socket client, int max)
                {
                    var buffer = SharedBuffer.Length == max ? SharedBuffer : new byte[max];
                    return client.Receive(buffer);
                }
            }
            """));
        Assert.Equal((ReviewRule.StaticBufferSharedByThreads, 8, "Handler", "SharedBuffer"), (finding.Rule, finding.Line, finding.Type, finding.Field));
        Assert.Contains("client.Receive(buffer)", finding.Message);
    }

    [Theory]
    [InlineData("client.Receive(Buffer)")]
    [InlineData("client.Receive(Buffer.AsSpan(0, 10))")]
    [InlineData("client.Receive(Buffer[..10])")]
    [InlineData("client.ReceiveAsync(Buffer.AsMemory()).AsTask().Result")]
    [InlineData("stream.Read(Buffer, 0, Buffer.Length)")]
    [InlineData("stream.ReadAsync(new Memory<byte>(Buffer)).AsTask().Result")]
    public void Every_way_of_handing_Receive_the_static_buffer_is_found(string call)
    {
        var finding = Assert.Single(Review(Usings + "using System; using System.IO;\n" + $$"""
            class Handler
            {
                private static byte[] Buffer = new byte[1024];
                public int Serve(Socket client, Stream stream) => {{call}};
            }
            """));
        Assert.Equal(ReviewRule.StaticBufferSharedByThreads, finding.Rule);
    }

    [Theory]
    [InlineData("[ThreadStatic] private static byte[]? Buffer;", "client.Receive(Buffer ??= new byte[1024])")]
    [InlineData("private static readonly ThreadLocal<byte[]> Buffer = new(() => new byte[1024]);", "client.Receive(Buffer.Value!)")]
    [InlineData("private readonly byte[] Buffer = new byte[1024];", "client.Receive(Buffer)")]
    [InlineData("private static readonly byte[] Greeting = [1, 2];", "client.Receive(new byte[10])")]
    [InlineData("private static readonly byte[] Greeting = [1, 2];", "client.Send(Greeting)")]
    public void Buffers_of_a_thread_a_call_or_an_object_and_static_data_only_sent_are_fine(string field, string call)
    {
        Assert.Empty(Review(Usings + "using System;\n" + $$"""
            class Handler
            {
                {{field}}
                public int Serve(Socket client) => {{call}};
            }
            """));
    }

    [Fact]
    public void A_static_buffer_filled_only_under_a_lock_is_fine()
    {
        Assert.Empty(Review(Usings + """
            static class Handler
            {
                private static readonly byte[] Buffer = new byte[1024];
                private static readonly object Gate = new();
                public static int Serve(Socket client) { lock (Gate) return client.Receive(Buffer); }
            }
            """));
    }

    // ---- the course's own solutions ----

    [Theory]
    [InlineData("04-ThreadedServer")]
    [InlineData("06-ChatRoom")]
    [InlineData("07-AsyncAndScale")]
    [InlineData("02-SocketBasics")]
    [InlineData("05-Framing")]
    [InlineData("08-Browser")]
    public void The_reference_solutions_have_no_findings(string lesson)
    {
        var folder = Path.Combine(CourseRoot(), "solutions", lesson);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => EmbeddedSources.IsLearnersFile(Path.GetRelativePath(folder, f)))
            .Select(f => new SourceFile(f, File.ReadAllText(f)))
            .ToList();
        Assert.NotEmpty(files);

        var findings = SourceReview.Of(files);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_lesson_04_solution_is_reviewed_not_abstained_on()
    {
        var folder = Path.Combine(CourseRoot(), "solutions", "04-ThreadedServer");
        var files = new[] { "ThreadingTcpServer.cs", "ReplyHandler.cs" }
            .Select(f => new SourceFile(f, File.ReadAllText(Path.Combine(folder, f))));
        Assert.Empty(SourceReview.Abstentions(files));
    }

    private static string CourseRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "course.json")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("course.json not found above the test's folder");
        return root;
    }
}

internal static class FindingExtensions
{
    public static (string Field, int Line) FieldAndLine(this Finding finding) => (finding.Field, finding.Line);
}
