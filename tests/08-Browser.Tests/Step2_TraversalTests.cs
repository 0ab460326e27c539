namespace SocketCourse.Browser.Tests;

/// <summary>Step 2: no request leaves the web root, however it is spelled.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "2")]
public sealed class Step2_TraversalTests
{
    private static async Task ExpectRefused(ServerRun run, string target, string spelling)
    {
        // Every refusal on its own connection: a server that closes after a refusal still gets judged on the next.
        var response = await HttpWire.OneRequestAsync(run.EndPoint, $"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n", $"GET {target}");
        Assert.True(!response.BodyText.Contains(WebRootFixture.Secret) && response.Status is 400 or 403 or 404,
            $"GET {target} ({spelling}) got {response}. The file lies OUTSIDE the web root; the answer must be a refusal " +
            "(404, or 403 or 400), never its bytes. Decode each segment, refuse '.', '..', '/', '\\' and ':' inside one, and check the final real path is inside the root.");
    }

    [Theory(DisplayName = "A path that climbs out of the web root is refused")]
    [InlineData("/../secret.txt", "plain ..")]
    [InlineData("/docs/../../secret.txt", ".. after a real directory")]
    [InlineData("/%2e%2e/secret.txt", "percent-encoded ..")]
    [InlineData("/%2E%2E/private/secret.txt", "percent-encoded .. in capitals")]
    [InlineData("/.%2e/secret.txt", "half-encoded ..")]
    [InlineData("/..%2fsecret.txt", "an encoded slash after ..")]
    [InlineData("/docs/..%2f..%2fsecret.txt", "encoded slashes inside one segment")]
    [InlineData("/..\\secret.txt", "a backslash (a separator on Windows)")]
    [InlineData("/docs/..%5c..%5csecret.txt", "encoded backslashes")]
    public async Task A_climbing_path_is_refused(string target, string spelling)
    {
        using var run = ServerRun.Start();
        await ExpectRefused(run, target, spelling);
    }

    [Fact(DisplayName = "An absolute path in any spelling is refused")]
    public async Task An_absolute_path_is_refused()
    {
        using var run = ServerRun.Start();
        var secret = Path.Combine(run.Files.Base, "secret.txt").Replace('\\', '/');
        var absolute = secret.StartsWith('/') ? secret : "/" + secret;           // /tmp/…/secret.txt, or /C:/…/secret.txt
        await ExpectRefused(run, "/" + absolute, "a second slash, then the file's absolute path");
        await ExpectRefused(run, "/" + Uri.EscapeDataString(absolute), "the absolute path with its slashes encoded");
        await ExpectRefused(run, "/C:%5cWindows%5cwin.ini", "a drive letter");
        await ExpectRefused(run, "/C:/Windows/win.ini", "a drive letter with slashes");
    }

    [Fact(DisplayName = "A symbolic link pointing outside the root is refused")]
    public async Task A_symbolic_link_outside_the_root_is_refused()
    {
        using var run = ServerRun.Start();
        if (!run.Files.TryLink("outside.txt", Path.Combine(run.Files.Base, "secret.txt"), directory: false, out var why) ||
            !run.Files.TryLink("private", Path.Combine(run.Files.Base, "private"), directory: true, out why))
            Assert.Skip(why);
        await ExpectRefused(run, "/outside.txt", "a file link inside the root whose target is outside it");
        await ExpectRefused(run, "/private/secret.txt", "a directory link inside the root whose target is outside it");
    }

    [Fact(DisplayName = "After all that, the root is still served")]
    public async Task The_root_is_still_served()
    {
        using var run = ServerRun.Start();
        await ExpectRefused(run, "/%2e%2e/secret.txt", "percent-encoded ..");
        var response = await HttpWire.OneRequestAsync(run.EndPoint, HttpWire.Request("/docs/a%20b.txt"), "GET /docs/a%20b.txt");
        Assert.True(response.Status == 200 && response.BodyText == "spaces in a name\n",
            $"GET /docs/a%20b.txt got {response}; a refusal must not refuse honest paths: %20 decodes to a space.");
    }
}
