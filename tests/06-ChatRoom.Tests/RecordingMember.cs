using System.Collections.Concurrent;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// A member without a connection, for grading the room alone: it records every line handed to it, can refuse lines
/// (a full outbox), and can hold the thread that delivers to it (a member that takes its time).
/// </summary>
internal sealed class RecordingMember(string name) : IChatMember
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ManualResetEventSlim _released = new(true);
    private int _disconnects;

    public string Name { get; } = name;

    /// <summary>Every line handed over, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>When true, TryDeliver returns false (as a full outbox does).</summary>
    public bool Refuse { get; set; }

    /// <summary>How many times Disconnect was called.</summary>
    public int Disconnects => Volatile.Read(ref _disconnects);

    /// <summary>Signalled when a delivery is waiting in <see cref="HoldDeliveries"/>.</summary>
    public ManualResetEventSlim Holding { get; } = new(false);

    /// <summary>From now on, a delivery waits until <see cref="ReleaseDeliveries"/> (at most 10 s).</summary>
    public void HoldDeliveries() => _released.Reset();

    public void ReleaseDeliveries() => _released.Set();

    public bool TryDeliver(string line)
    {
        if (!_released.IsSet)
        {
            Holding.Set();
            _released.Wait(TimeSpan.FromSeconds(10));
        }
        if (Refuse) return false;
        _lines.Enqueue(line);
        return true;
    }

    public void Disconnect() => Interlocked.Increment(ref _disconnects);

    public override string ToString() => Name;

    /// <summary>The lines, shown for a failure message.</summary>
    public string Shown() => _lines.IsEmpty ? "nothing" : string.Join(", ", _lines.Select(l => Show.Text(l, 60)));
}
