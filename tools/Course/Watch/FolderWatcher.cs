using System.Threading.Channels;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Watch;

/// <summary>
/// Watches a folder with <see cref="FileSystemWatcher"/>, ignoring build output, and waits for saves to settle:
/// editors write a file in several steps, and one save should mean one regrade.
/// </summary>
public sealed class FolderWatcher(TimeSpan? quiet = null) : IChangeSource
{
    private readonly TimeSpan _quiet = quiet ?? TimeSpan.FromMilliseconds(150);

    /// <inheritdoc />
    public async Task WaitForChangeAsync(string folder, DateTime since, CancellationToken cancellationToken)
    {
        var changes = Channel.CreateUnbounded<string>();
        using var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void OnChange(object? sender, FileSystemEventArgs e)
        {
            if (!Fingerprint.IsBuildOutput(Path.GetRelativePath(folder, e.FullPath)))
                changes.Writer.TryWrite(e.FullPath);
        }
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;

        // A save while the previous grading ran counts too: the watcher was not there to see it.
        // (A timestamp in the future, from a skewed clock, is not a save: it would regrade forever.)
        var now = DateTime.UtcNow.AddSeconds(2);
        if (!Fingerprint.SourceFiles(folder).Select(File.GetLastWriteTimeUtc).Any(t => t > since && t < now))
            await changes.Reader.ReadAsync(cancellationToken);
        while (true)
        {
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            settle.CancelAfter(_quiet);
            try
            {
                await changes.Reader.ReadAsync(settle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return; // quiet for long enough
            }
        }
    }
}
