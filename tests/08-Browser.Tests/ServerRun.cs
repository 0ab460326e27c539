namespace SocketCourse.Browser.Tests;

/// <summary>Starts the learner's static file server on 127.0.0.1:0 and stops it at the end of a grader.</summary>
internal sealed class ServerRun : IDisposable
{
    private ServerRun(WebRootFixture files, StaticFileServer server)
    {
        Files = files;
        Server = server;
    }

    public WebRootFixture Files { get; }
    public StaticFileServer Server { get; }
    public System.Net.IPEndPoint EndPoint => Server.EndPoint;

    public static ServerRun Start(HttpUpgradeHandler? upgrade = null)
    {
        var files = new WebRootFixture();
        try
        {
            var server = new StaticFileServer(files.Root, upgrade: upgrade);
            try
            {
                server.Start();
                return new ServerRun(files, server);
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try { Server.Stop(TimeSpan.FromSeconds(2)); }
        finally { Files.Dispose(); }
    }
}
