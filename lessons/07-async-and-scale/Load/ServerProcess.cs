using System.Diagnostics;
using System.Net;

namespace SocketCourse.Lessons.AsyncAndScale.Load;

/// <summary>A server under test, started as a child process that prints <c>listening on HOST:PORT</c>; killed on dispose.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, IPEndPoint endPoint)
    {
        _process = process;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            const string prefix = "listening on ";
            if (line is null || !line.StartsWith(prefix))
                throw new InvalidOperationException($"{fileName} did not say where it listens (it said {line ?? "nothing"})");
            return new ServerProcess(process, IPEndPoint.Parse(line[prefix.Length..].Trim()));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true); // measured already; nothing to tidy up
            _process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
        }
        _process.Dispose();
    }
}
