namespace SocketCourse.Tool.Dev;

/// <summary>
/// The design's table of demo ports: each lesson's demo programs listen on (or talk to) one fixed port, the seed's
/// where it has one; graders never use these (they listen on port 0). Lesson 01's demos use no port.
/// </summary>
public static class DemoPorts
{
    /// <summary>Lesson number → its demos' port, or null for "no port".</summary>
    public static IReadOnlyDictionary<string, int?> ByLesson { get; } = new Dictionary<string, int?>
    {
        ["01"] = null,
        ["02"] = 9997, // UDP
        ["03"] = 9999, // the seed's case one
        ["04"] = 9998, // the seed's case two
        ["05"] = 9995,
        ["06"] = 9996, // the chat room
        ["07"] = 9996, // the same chat room, async
        ["08"] = 8080, // HTTP
    };

    /// <summary>How the table reads in a message: "9999" or "none".</summary>
    public static string Describe(int? port) => port?.ToString() ?? "none";
}
