using System.CommandLine;
using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Dev;

/// <summary><c>course dev</c>: commands for the course's authors, not its learners (check, new).</summary>
public static class DevCommand
{
    /// <summary>The <c>dev</c> command and its subcommands. <paramref name="rootFor"/> finds the course (a scratch copy in tests).</summary>
    public static Command Build(Func<CourseRoot>? rootFor = null, IProcessRunner? runner = null, IAnsiConsole? output = null)
    {
        rootFor ??= () => CourseRoot.Find();
        runner ??= new ProcessRunner();
        var dev = new Command("dev", "For the course's authors: check the course's consistency, scaffold a lesson.");

        var noBuild = new Option<bool>("--no-build") { Description = "Compare the public APIs on the assemblies as built; do not build stale ones (CI)." };
        var noApi = new Option<bool>("--no-api") { Description = "Skip comparing each exercise's public API with its solution's (no build needed)." };
        var check = new Command("check", "Check that every lesson's parts agree: layout, steps, graders, stubs, notebook, public API, mistakes, demo ports. Exits 1 on a problem.")
        {
            noBuild, noApi,
        };
        check.SetAction((parse, token) => Run(output, async console =>
        {
            var root = rootFor();
            var tree = new CourseTree(root, root.LoadManifest());
            var options = new DevCheck.Options(CompareApi: !parse.GetValue(noApi), Build: !parse.GetValue(noBuild));
            var report = await DevCheck.RunAsync(tree, options, runner, token);
            DevCheck.Render(console, tree, report, options);
            return report.Passed ? ExitCodes.Ok : ExitCodes.NotPassing;
        }));

        var number = new Argument<string>("number") { Description = "The new lesson's two-digit number, e.g. 05." };
        var slug = new Argument<string>("slug") { Description = "Its kebab-case slug, e.g. framing or chat-room." };
        var title = new Option<string?>("--title") { Description = "Its title (default: course.json's planned title, or the slug in words)." };
        var name = new Option<string?>("--name") { Description = "Its PascalCase Name when the default spelling is wrong, e.g. HttpWebSocket." };
        var @new = new Command("new", "Scaffold lesson NN with every part in place, marked \"planned\" in course.json.") { number, slug, title, name };
        @new.SetAction((parse, token) => Run(output, async console =>
        {
            var written = await DevNew.RunAsync(rootFor(), parse.GetValue(number)!, parse.GetValue(slug)!, parse.GetValue(title), parse.GetValue(name), runner, token);
            DevNew.Render(console, parse.GetValue(number)!, written);
            return ExitCodes.Ok;
        }));

        dev.Subcommands.Add(check);
        dev.Subcommands.Add(@new);
        return dev;
    }

    private static async Task<int> Run(IAnsiConsole? output, Func<IAnsiConsole, Task<int>> command)
    {
        var console = output ?? AnsiConsole.Console;
        if (output is null && Console.IsOutputRedirected) console.Profile.Width = 160;
        try
        {
            return await command(console);
        }
        catch (CourseException e)
        {
            ErrorView.Render(output ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), e);
            return ExitCodes.Error;
        }
    }
}
