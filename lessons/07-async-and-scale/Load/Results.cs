namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>Latency percentiles of a run, in milliseconds (from an HdrHistogram of microseconds).</summary>
public sealed record Latency(double P50Ms, double P99Ms, double P999Ms, double MaxMs);

/// <summary>What a server process looked like during a run (null when no pid was given).</summary>
public sealed record ServerFootprint(long RssBeforeKb, long RssPeakKb, int ThreadsBefore, int ThreadsPeak, IReadOnlyList<ProcessSample> Samples);

/// <summary>Hold N idle connections for T: how many held, and what they cost the server.</summary>
public sealed record HoldResult(string Mode, int Requested, int Connected, int AnsweredAfterHold, int Errors, double ConnectSeconds,
    double HeldSeconds, ServerFootprint? Server)
{
    /// <summary>Resident memory per held connection, in KB: (peak RSS − RSS before) / connections the server really served
    /// (answered after the hold). A connect the server never accepted (still in a full backlog) costs it nothing yet.</summary>
    public double? KbPerConnection => Server is null || AnsweredAfterHold == 0 ? null : (double)(Server.RssPeakKb - Server.RssBeforeKb) / AnsweredAfterHold;
}

/// <summary>Echo round trips at concurrency C for D seconds.</summary>
public sealed record EchoResult(string Mode, int Concurrency, int Connected, int ClientsAnswered, double Seconds, long RoundTrips, double RoundTripsPerSecond,
    Latency Latency, int Errors, ServerFootprint? Server);

/// <summary>A burst of N connects at once, each followed by one round trip.</summary>
public sealed record BurstResult(string Mode, int Requested, int Served, int Errors, double SecondsToAllServed, double DeadlineSeconds,
    ServerFootprint? Server);

/// <summary>Chat fan-out: M members, each line delivered to the M − 1 others.</summary>
public sealed record FanoutResult(string Mode, int Members, int Joined, long Sent, long Delivered, double Seconds, double DeliveriesPerSecond,
    Latency Latency, int Errors, ServerFootprint? Server);
