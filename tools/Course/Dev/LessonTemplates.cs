using System.Text.Json.Nodes;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// The files <c>course dev new</c> writes for a lesson: every part in place, each placeholder marked
/// <see cref="LayoutCheck.ScaffoldMarker"/> so that dev check refuses to call the lesson ready until it is written.
/// The placeholder step already works end to end: its stub fails its grader, its solution passes it.
/// </summary>
public sealed record LessonTemplates(string Number, string Slug, string Name, string Title, string Seed)
{
    private const string Todo = LayoutCheck.ScaffoldMarker;

    /// <summary>lessons/NN-slug.</summary>
    public string LessonFolder => $"lessons/{Number}-{Slug}";

    /// <summary>notebooks/NN-slug.ipynb.</summary>
    public string Notebook => $"notebooks/{Number}-{Slug}.ipynb";

    /// <summary>exercises/NN-Name.</summary>
    public string Exercise => $"exercises/{Number}-{Name}";

    /// <summary>solutions/NN-Name.</summary>
    public string Solution => $"solutions/{Number}-{Name}";

    /// <summary>tests/NN-Name.Tests.</summary>
    public string Tests => $"tests/{Number}-{Name}.Tests";

    /// <summary>mistakes/NN-Name.</summary>
    public string Mistakes => $"{CourseTree.MistakesFolder}/{Number}-{Name}";

    /// <summary>The three projects for Course.sln.</summary>
    public IReadOnlyList<string> Projects =>
        [$"{Exercise}/{Number}-{Name}.csproj", $"{Solution}/{Number}-{Name}.csproj", $"{Tests}/{Number}-{Name}.Tests.csproj"];

    private string Namespace => $"SocketCourse.{Name}";

    private string Port => DemoPorts.ByLesson.TryGetValue(Number, out var port) ? DemoPorts.Describe(port) : $"{Todo}: add the lesson to the design's port table";

    /// <summary>Every file, path relative to the course root → content.</summary>
    public IReadOnlyDictionary<string, string> Files() => new Dictionary<string, string>
    {
        [$"{LessonFolder}/README.md"] = LessonReadme(),
        [$"{LessonFolder}/hints.md"] = Hints(),
        [Notebook] = NotebookJson(),
        [$"{Exercise}/{Number}-{Name}.csproj"] = ExerciseProject(),
        [$"{Exercise}/Given/Greeting.cs"] = GivenType(),
        [$"{Exercise}/StepOne.cs"] = Stub(),
        [$"{Solution}/{Number}-{Name}.csproj"] = SolutionProject(),
        [$"{Solution}/StepOne.cs"] = SolutionCode(),
        [$"{Tests}/{Number}-{Name}.Tests.csproj"] = TestsProject(),
        [$"{Tests}/Step1_StepOneTests.cs"] = Grader(),
        [$"{Mistakes}/README.md"] = MistakesReadme(),
    };

    /// <summary>The manifest's step list for the new lesson: one placeholder step (its hints are in hints.md).</summary>
    public JsonArray Steps() =>
    [
        new JsonObject
        {
            ["step"] = 1,
            ["title"] = $"{Todo}: the first step's title",
            ["files"] = new JsonArray("StepOne.cs"),
        },
    ];

    private string LessonReadme() => $"""
        # Lesson {Number} · {Title}

        > Seed: {Seed} · Notebook: [`{Notebook}`](../../{Notebook}) · Exercise: [`{Exercise}/`](../../{Exercise}/) ·
        > Graders: [`{Tests}/`](../../{Tests}/)

        {Todo}: what this lesson teaches, in two or three sentences, and where it sits in the seed.

        ## The idea

        {Todo}: the concepts, with the Chinese term beside the English one the first time (套接字 socket), and a
        Mermaid diagram where a picture helps.

        ## Run the demos

        The demos of this lesson use port {Port} (the design's port table); graders always use port 0.

        {Todo}: demo programs in `{LessonFolder}/<Name>/<Name>.csproj`, and how to run them:
        `dotnet run --project {LessonFolder}/<Name>`.

        ## The exercise

        The stubs in `{Exercise}/` compile and throw `NotImplementedException` until you fill them in; their XML
        docs are the specification. The types in `Given/` are handed to you: use them, do not edit them.

        | Step | File | What you write |
        |---|---|---|
        | 1 | `StepOne.cs` | {Todo} |

        ## Grade yourself

        ```sh
        dotnet run --project tools/Course -- check {Number}
        dotnet test --project {Tests}                              # every step
        dotnet test --project {Tests} --filter-trait "Step=1"      # one step
        ```

        ## What can go wrong

        {Todo}: the classic mistakes of this lesson (each one is in `{Mistakes}/`) and what the graders say about them.

        """;

    private string Hints() => $"""
        # Lesson {Number} hints

        `course hint {Number}` shows these one at a time. Each bullet is one hint, two to four per step, each closer than the
        last; one that starts with *For `Grader_name`:* is offered first when that grader fails.

        ## Step 1 · {Todo}: the step's title

        - *For `Greet_says_hello_to_the_name`:* {Todo}: a first hint that points the way without giving the code.
        - {Todo}: a second, closer hint.

        """;

    private string NotebookJson()
    {
        static JsonObject Markdown(params string[] lines) => new()
        {
            ["cell_type"] = "markdown",
            ["metadata"] = new JsonObject(),
            ["source"] = Source(lines),
        };
        static JsonObject Code(params string[] lines) => new()
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = Source(lines),
        };
        static JsonArray Source(string[] lines) => [.. lines.Select((l, i) => (JsonNode)JsonValue.Create(i < lines.Length - 1 ? l + "\n" : l)!)];

        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Markdown($"# Lesson {Number} · {Title}", "", $"{Todo}: what this notebook shows. Every cell runs real sockets on loopback; nothing here calls your exercise code."),
                Code("using System.IO;", "using System.Net;", "using System.Net.Sockets;", "using System.Text;", "", "Console.WriteLine(\"Ready.\");"),
                Markdown($"## Step 1 · {Todo}: the step's title", "", $"{Todo}: the idea of step 1, shown happening in the cell below."),
                Code("Console.WriteLine(\"step 1\");"),
                Markdown("## Your turn: the exercise", "", $"Fill in the stubs in `{Exercise}/`, step by step, and grade them with",
                    $"`dotnet run --project tools/Course -- check {Number}`.")),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject
                {
                    ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp", ["version"] = "14.0",
                },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        return ManifestEditor.ToJson(notebook, indent: 1);
    }

    private string ExerciseProject() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- Lesson {Number}'s stubs: the learner fills them in. Given/ holds the types they use but do not write. -->
          <PropertyGroup>
            <AssemblyName>{Namespace}</AssemblyName>
            <RootNamespace>{Namespace}</RootNamespace>
          </PropertyGroup>
        </Project>

        """;

    private string SolutionProject() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <AssemblyName>{Namespace}</AssemblyName>
            <RootNamespace>{Namespace}</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <!-- The types the learner is given, not asked to write, live once in {Exercise}/Given/;
                 the solution compiles the very same files. -->
            <Compile Include="$(CourseRoot){Exercise}/Given/**/*.cs" Link="Given/%(RecursiveDir)%(Filename)%(Extension)" />
          </ItemGroup>
        </Project>

        """;

    private string TestsProject() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- The graders of lesson {Number}. Compiled against {Exercise}, or against
               {Solution} with -p:Track=solutions (see tests/Directory.Build.targets). -->
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <GradedLesson>{Number}-{Name}</GradedLesson>
            <AssemblyName>{Namespace}.Tests</AssemblyName>
            <RootNamespace>{Namespace}.Tests</RootNamespace>
          </PropertyGroup>
        </Project>

        """;

    private string GivenType() => $$"""
        // Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

        namespace {{Namespace}};

        /// <summary>{{Todo}}: a type the learner is handed (an enum, a record, an exception). This one is a placeholder.</summary>
        /// <param name="Text">The greeting's words.</param>
        public sealed record Greeting(string Text);

        """;

    private string Stub() => $$"""
        namespace {{Namespace}};

        /// <summary>Step 1 of lesson {{Number}}. {{Todo}}: the learner's first exercise; this one is a placeholder.</summary>
        public static class StepOne
        {
            /// <summary>Greets <paramref name="name"/>: the text is "hello, " followed by the name.</summary>
            /// <param name="name">Who to greet.</param>
            /// <returns>The greeting.</returns>
            public static Greeting Greet(string name)
            {
                throw new NotImplementedException(
                    "Step 1: say hello to the name. See {{Notebook}}, step 1.");
            }
        }

        """;

    private string SolutionCode() => $$"""
        namespace {{Namespace}};

        /// <summary>Step 1 of lesson {{Number}}. {{Todo}}: the reference solution of the first exercise.</summary>
        public static class StepOne
        {
            /// <summary>Greets <paramref name="name"/>: the text is "hello, " followed by the name.</summary>
            /// <param name="name">Who to greet.</param>
            /// <returns>The greeting.</returns>
            public static Greeting Greet(string name) => new("hello, " + name);
        }

        """;

    private string Grader() => $$"""
        namespace {{Namespace}}.Tests;

        /// <summary>Step 1: {{Todo}}: graders that talk to the learner's code over loopback, with deadlines.</summary>
        [Trait("Lesson", "{{Number}}")]
        [Trait("Step", "1")]
        public sealed class Step1_StepOneTests
        {
            [Fact]
            public void Greet_says_hello_to_the_name()
            {
                var greeting = StepOne.Greet("socket");

                Assert.Equal(new Greeting("hello, socket"), greeting);
            }
        }

        """;

    private string MistakesReadme() => $"""
        # The classic mistakes of lesson {Number}

        One folder per mistake, named in kebab-case (e.g. `one-receive-not-a-loop/`), holding `mistake.json`
        (`title`, `step`, `graders`: the grader methods that must fail on it), the mistake as `mistake.patch` (a
        unified diff against `{Solution}/`, written by `dotnet run --project tools/Mistakes -- new-patch`), and the
        message the learner sees. `course dev check` requires at least
        one before the lesson is ready.

        {Todo}: break the solution the way learners do, and record each break here.

        """;
}
