using Microsoft.Playwright;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 4 in a real browser: two pages and one TCP client in one conversation.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
public sealed class Step4_BrowserTests
{
    private static readonly float Wait = (float)TimeSpan.FromSeconds(6).TotalMilliseconds;

    [Fact(DisplayName = "Two browser pages and an nc-style client chat in one room")]
    public async Task Two_browser_pages_and_a_TCP_client_chat()
    {
        using var run = ChatRun.Start();
        var chromium = BrowserFinder.Require();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu"],
            Timeout = (float)TimeSpan.FromSeconds(30).TotalMilliseconds,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 720, Height = 420 } });
        var alice = await OpenPage(context, run, "alice");
        var bob = await OpenPage(context, run, "bob");
        using var carol = await TcpMember.JoinAsync(run, "carol");
        await ExpectLine(alice, "* bob joined", "alice's page");
        await ExpectLine(bob, "* carol joined", "bob's page");

        await Type(alice, "hello from a browser");
        await ExpectLine(bob, "<alice> hello from a browser", "bob's page");
        await carol.ExpectAsync("<alice> hello from a browser", "alice's line, typed in her page");

        await carol.SendAsync("and hello from nc");
        await ExpectLine(alice, "<carol> and hello from nc", "alice's page");
        await ExpectLine(bob, "<carol> and hello from nc", "bob's page");

        await Type(bob, "all three of us, then");
        await ExpectLine(alice, "<bob> all three of us, then", "alice's page");
        await carol.ExpectAsync("<bob> all three of us, then", "bob's line");

        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var shot = Path.Combine(artifacts, "08-browser-chat.png");
        var png = await bob.ScreenshotAsync(new() { Path = shot });
        TestContext.Current.AddAttachment("08-browser-chat.png", png, "image/png");
        TestContext.Current.SendDiagnosticMessage($"screenshot of bob's page: {shot}");
    }

    private static async Task<IPage> OpenPage(IBrowserContext context, ChatRun run, string nickname)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var response = await page.GotoAsync(run.Page.ToString());
        Assert.True(response is { Status: 200 }, $"The browser loaded {run.Page} with status {response?.Status}; expected 200 and the chat page.");
        await ExpectLine(page, SocketCourse.ChatRoom.ChatLines.Greeting, $"{nickname}'s page (the greeting arrives over the page's WebSocket)");
        await Type(page, nickname);
        await ExpectLine(page, $"* {nickname} joined", $"{nickname}'s page");
        return page;
    }

    private static async Task Type(IPage page, string line)
    {
        await page.FillAsync("#line", line);
        await page.PressAsync("#line", "Enter");
    }

    private static async Task ExpectLine(IPage page, string line, string where)
    {
        try
        {
            await page.WaitForFunctionAsync("text => [...document.querySelectorAll('#log li')].some(li => li.textContent === text)", line,
                new() { Timeout = Wait });
        }
        catch (TimeoutException)
        {
            var shown = await page.EvalOnSelectorAllAsync<string[]>("#log li", "items => items.map(li => li.textContent)");
            var state = await page.TextContentAsync("#state");
            throw new GradingException($"{where} did not show {Show.Text(line)} within {Wait / 1000:0} s. It showed [{string.Join(", ", shown.Select(s => Show.Text(s)))}]; " +
                                       $"its connection state: {Show.Text(state)}. Each chat line must travel as one WebSocket text message to every member.");
        }
    }
}
