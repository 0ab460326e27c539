namespace SocketCourse.Tool.Commands;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done, and (for check) the lesson passes.</summary>
    public const int Ok = 0;

    /// <summary>The lesson does not pass yet, or a notebook cell failed.</summary>
    public const int NotPassing = 1;

    /// <summary>The command could not do its job: unknown lesson, no SDK, bad manifest, locked solution...</summary>
    public const int Error = 2;

    /// <summary>Stopped with Ctrl+C (except watch, which ends normally that way).</summary>
    public const int Cancelled = 130;
}
