using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>
/// Finds sockets the code under test left open. A socket that is never disposed stays open until the garbage
/// collector finalizes it, which may be never during a test, or in the middle of another test, where its
/// finalizer resets the connection: so "the peer saw the connection end" alone cannot prove a close.
/// These checks look at the process's own handles instead, at the moment the learner's call has returned.
/// </summary>
/// <remarks>
/// The checks read Linux's <c>/proc</c> (the process's open files and the kernel's TCP table). On Windows and
/// macOS there is no such place to read without extra tools, so <see cref="CanCheck"/> is false there and the
/// checks pass without looking; CI and the course's catalogue of mistakes run on Linux, which keeps them honest.
/// </remarks>
public static class SocketLeaks
{
    /// <summary>Whether this platform lets the harness see the process's socket handles (Linux).</summary>
    public static bool CanCheck { get; } = OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd") && File.Exists("/proc/net/tcp");

    /// <summary>How many sockets this process holds open right now, or null where that cannot be seen.</summary>
    public static int? CountOpenSockets()
    {
        if (!CanCheck) return null;
        var count = 0;
        foreach (var link in OpenFileTargets())
            if (link.StartsWith("socket:", StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>
    /// Whether this process still holds a socket for the TCP connection whose own end is <paramref name="local"/>
    /// and whose other end is <paramref name="remote"/>; null where that cannot be seen.
    /// </summary>
    public static bool? IsConnectionOpen(IPEndPoint local, IPEndPoint remote) =>
        CanCheck ? StateOf(local, remote) == EndState.Open : null;

    private enum EndState { Open, ClosedAndWinding, Gone }

    /// <summary>
    /// Open: a socket of this process holds that end. ClosedAndWinding: the kernel still lists the end but no process
    /// holds it: it was closed with a FIN and waits out the end of the connection (FIN_WAIT, TIME_WAIT). Gone: the kernel
    /// forgot it, as after a reset.
    /// </summary>
    private static EndState StateOf(IPEndPoint local, IPEndPoint remote)
    {
        var inodes = InodesOf(local, remote);
        if (inodes.Count == 0) return EndState.Gone;
        var mine = new HashSet<string>(inodes.Where(i => i != "0").Select(i => $"socket:[{i}]"), StringComparer.Ordinal);
        foreach (var link in OpenFileTargets())
            if (mine.Contains(link)) return EndState.Open;
        return EndState.ClosedAndWinding;
    }

    /// <summary>
    /// Fails unless the code under test has closed its end of the connection whose other end is the grader's
    /// <paramref name="graderEnd"/>. Call it after the learner's call has returned: by then every socket it
    /// opened for that connection must be disposed, whichever way the call ended.
    /// </summary>
    /// <param name="graderEnd">The grader's side of the connection (its peer is the learner's socket).</param>
    /// <param name="after">When the close was due, for the message ("after ExchangeAsync threw").</param>
    /// <param name="learnerClosesFirst">
    /// True when the learner's close is the first on this connection to be complete (the grader's end is still open) and
    /// the learner had read everything sent to it. Then a clean close leaves its end winding down in the kernel's table,
    /// while a reset (what the garbage collector's finalizer does to a socket nobody disposed) removes it at once: so
    /// the check also fails a leak that a garbage collection has already "cleaned up". When false, check the close from
    /// the grader's side with <see cref="LoopbackPeer.ExpectCleanCloseAsync"/>.
    /// </param>
    public static void ExpectLearnerClosed(Socket graderEnd, string after, bool learnerClosesFirst = false)
    {
        if (!CanCheck) return;
        IPEndPoint graderLocal, graderRemote;
        try
        {
            if (graderEnd.LocalEndPoint is not IPEndPoint l || graderEnd.RemoteEndPoint is not IPEndPoint r) return;
            (graderLocal, graderRemote) = (l, r);
        }
        catch (SocketException)
        {
            // The grader's end no longer has a peer: the connection was reset.
            if (learnerClosesFirst) throw NotClosed("", after);
            return;
        }
        var state = StateOf(graderRemote, graderLocal);
        if (state == EndState.Open || (state == EndState.Gone && learnerClosesFirst))
            throw NotClosed($" for the connection {graderRemote} → {graderLocal}", after);
    }

    /// <summary>
    /// The one message for a socket that was not closed cleanly. It does not say which of the two states was seen: a
    /// socket nobody disposed is still open until a garbage collection runs its finalizer, which resets it, and when that
    /// happens is not the learner's doing, so the same mistake must read the same on every run.
    /// </summary>
    private static GradingException NotClosed(string connection, string after) => new(
        $"The code's socket{connection} was not closed cleanly {after}: it is still open, or it was reset, which is what the " +
        "garbage collector's finalizer does to a socket that nobody disposed (LingerState(true, 0) asks for a reset too). " +
        "A socket holds its port and its buffers until it is closed, and a clean close (Dispose, Close) sends a FIN. Use " +
        "`using var socket = ...` (or try/finally) so it is closed on every path, the failing ones too.");

    /// <summary>
    /// Notes which socket of this process is the learner's end of the connection whose other end is
    /// <paramref name="graderEnd"/>. Call it while the connection is established (right after accepting or connecting):
    /// once both sides have closed their sending halves the kernel stops listing the socket under its addresses, but
    /// the handle noted here still shows whether the learner disposed it.
    /// </summary>
    public static LearnerEnd LearnerEndOf(Socket graderEnd)
    {
        if (!CanCheck || graderEnd.LocalEndPoint is not IPEndPoint graderLocal || graderEnd.RemoteEndPoint is not IPEndPoint graderRemote)
            return new LearnerEnd(null, graderEnd);
        // Reading RemoteEndPoint here also makes the socket keep it for the later check.
        var inode = InodesOf(graderRemote, graderLocal).FirstOrDefault(i => i != "0");
        return new LearnerEnd(inode is null ? null : $"socket:[{inode}]", graderEnd);
    }

    /// <inheritdoc cref="LearnerEndOf(Socket)"/>
    public static LearnerEnd LearnerEndOf(LoopbackPeer graderEnd) => LearnerEndOf(graderEnd.Socket);

    /// <summary>The learner's end of one connection, noted while it was established (<see cref="LearnerEndOf(Socket)"/>).</summary>
    public sealed class LearnerEnd
    {
        private readonly string? _handle;
        private readonly Socket _graderEnd;

        internal LearnerEnd(string? handle, Socket graderEnd)
        {
            _handle = handle;
            _graderEnd = graderEnd;
        }

        /// <summary>
        /// Fails if the learner's socket is still open <paramref name="after"/> its call returned, or (see
        /// <see cref="ExpectLearnerClosed(Socket, string, bool)"/>) was reset when it should have closed first.
        /// </summary>
        public void ExpectClosed(string after, bool learnerClosesFirst = false)
        {
            if (!CanCheck) return;
            if (_handle is not null && (OpenFileTargets().Contains(_handle) || ResetSeenByGrader()))
                throw NotClosed($" for the connection with {_graderEnd.LocalEndPoint}", after);
            ExpectLearnerClosed(_graderEnd, after, learnerClosesFirst);
        }

        // The handle is gone: disposed, or finalized by a garbage collection that ran before this check. A finalized
        // socket resets the connection, which the grader's end shows without reading anything (a peek). Callers read
        // everything the learner sent first, so a reset here is not the reset of a close with unread data.
        private bool ResetSeenByGrader()
        {
            try
            {
                if (!_graderEnd.Poll(0, SelectMode.SelectRead)) return false;
                _graderEnd.Receive(new byte[1], SocketFlags.Peek);
                return false;
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode == SocketError.ConnectionReset;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc cref="ExpectLearnerClosed(Socket, string, bool)"/>
    public static void ExpectLearnerClosed(LoopbackPeer graderEnd, string after, bool learnerClosesFirst = false) =>
        ExpectLearnerClosed(graderEnd.Socket, after, learnerClosesFirst);

    /// <summary>
    /// Runs <paramref name="code"/> (which is expected to throw) and fails if it left a socket open: the process holds
    /// more sockets after it than before. Other tests' sockets would blur the count, so it measures three times and
    /// fails only when every measurement grew; call it from a test class that does not run in parallel with others.
    /// </summary>
    /// <param name="code">The call, e.g. opening a listener on a port that is taken. Its exception is swallowed.</param>
    /// <param name="what">What was called, for the message.</param>
    public static void ExpectNothingLeftOpen(Action code, string what)
    {
        if (!CanCheck) return;
        var grew = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers(); // earlier tests' leaks are closed now, not during the measurement
            var before = CountOpenSockets()!.Value;
            try
            {
                code();
            }
            catch (Exception e) when (e is not NotImplementedException)
            {
                // The failure itself is graded elsewhere; here only what it left behind matters.
            }
            var after = CountOpenSockets()!.Value;
            if (after > before) grew++;
        }
        if (grew == 3)
            throw new GradingException(
                $"{what} failed, as it should, but left a socket open each time: the process held one more socket after each call. " +
                "When Bind (or Listen) throws, the socket you created is still open: dispose it before the exception leaves " +
                "(try { Bind; Listen; } catch { socket.Dispose(); throw; }).");
    }

    private static IEnumerable<string> OpenFileTargets()
    {
        string[] fds;
        try
        {
            fds = Directory.GetFiles("/proc/self/fd");
        }
        catch (IOException)
        {
            yield break;
        }
        foreach (var fd in fds)
        {
            string? target = null;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Closed while we looked.
            }
            if (target is not null) yield return target;
        }
    }

    private static List<string> InodesOf(IPEndPoint local, IPEndPoint remote)
    {
        var found = new List<string>();
        foreach (var (table, l, r) in Candidates(local, remote))
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10) continue;
                if (f[1] == l && f[2] == r) found.Add(f[9]);
            }
        }
        return found;
    }

    private static IEnumerable<(string Table, string Local, string Remote)> Candidates(IPEndPoint local, IPEndPoint remote)
    {
        if (local.AddressFamily == AddressFamily.InterNetwork && remote.AddressFamily == AddressFamily.InterNetwork)
        {
            yield return ("/proc/net/tcp", Hex(local), Hex(remote));
            // A dual-mode IPv6 socket talking to an IPv4 peer is listed with IPv4-mapped addresses.
            yield return ("/proc/net/tcp6", Hex(new IPEndPoint(local.Address.MapToIPv6(), local.Port)),
                Hex(new IPEndPoint(remote.Address.MapToIPv6(), remote.Port)));
        }
        else
        {
            yield return ("/proc/net/tcp6", Hex(Map(local)), Hex(Map(remote)));
        }

        static IPEndPoint Map(IPEndPoint e) =>
            e.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(e.Address.MapToIPv6(), e.Port) : e;
    }

    /// <summary>The kernel prints each 32-bit word of the address in the machine's byte order, then the port.</summary>
    private static string Hex(IPEndPoint endpoint)
    {
        var bytes = endpoint.Address.GetAddressBytes();
        var text = new System.Text.StringBuilder();
        for (var word = 0; word < bytes.Length; word += 4)
        {
            if (BitConverter.IsLittleEndian)
                for (var i = 3; i >= 0; i--) text.Append(bytes[word + i].ToString("X2"));
            else
                for (var i = 0; i < 4; i++) text.Append(bytes[word + i].ToString("X2"));
        }
        return $"{text}:{endpoint.Port:X4}";
    }
}
