namespace SocketCourse.Tool.Watch;

/// <summary>Tells when files of a folder change; faked in tests.</summary>
public interface IChangeSource
{
    /// <summary>
    /// Completes once a file under <paramref name="folder"/> (bin/ and obj/ aside) has been saved after
    /// <paramref name="since"/> (at once if that already happened, e.g. during grading) and things went quiet.
    /// </summary>
    Task WaitForChangeAsync(string folder, DateTime since, CancellationToken cancellationToken);
}
