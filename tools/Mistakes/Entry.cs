using System.Text.Json;

namespace SocketCourse.Mistakes;

/// <summary>
/// One catalogue entry. Most are mistakes, <c>mistakes/NN-Name/&lt;kebab-name&gt;/</c>: a learner's realistic mistake as a
/// patch on the lesson's reference solution (<c>mistake.patch</c>), and the manifest <c>mistake.json</c> that says which
/// graders must catch it. The others are correct variants, <c>variants/NN-Name/&lt;kebab-name&gt;/</c>
/// (<c>variant.patch</c>, <c>variant.json</c>): another right way to write the solution, which every grader of the
/// lesson must pass, so that a grader cannot come to depend on a detail of the reference solution.
/// </summary>
/// <param name="Folder">The entry's folder.</param>
/// <param name="Lesson">The lesson folder name, e.g. <c>03-SingleConnection</c>.</param>
/// <param name="Name">The entry's folder name, e.g. <c>single-receive</c>.</param>
/// <param name="Title">What the learner got wrong, in a sentence.</param>
/// <param name="Step">The exercise step the mistake belongs to.</param>
/// <param name="Graders">Grader method names that must fail on it.</param>
/// <param name="Why">Optional: why learners make it, or what the graders check.</param>
/// <param name="Pending">Set when today's graders cannot catch it: which grader is missing. Reported, never a CI failure.</param>
/// <param name="Varies">Optional regular expressions for parts of the message that legitimately change from run to run
/// (e.g. how many bytes one Receive happened to return); they are replaced by <c>&lt;varies&gt;</c> in the snapshot.</param>
/// <param name="Platforms">Optional: the only systems (<c>windows</c>, <c>linux</c>, <c>macos</c>) whose sockets make the
/// mistake show, such as a UDP reset that only Windows reports. Elsewhere the mistaken program behaves like the solution,
/// so the entry is not run there; empty means every system.</param>
/// <param name="IsVariant">A correct variant: every grader must pass on it, and <paramref name="Graders"/> are those it
/// is about (they must not fail; a skip is reported).</param>
public sealed record Entry(
    string Folder, string Lesson, string Name, string Title, int Step, IReadOnlyList<string> Graders,
    string? Why, string? Pending, IReadOnlyList<string> Varies, IReadOnlyList<string> Platforms, bool IsVariant = false)
{
    /// <summary>The folder of the mistakes, beside <see cref="VariantsFolder"/> at the repository's root.</summary>
    public const string MistakesFolder = "mistakes";

    /// <summary>The folder of the correct variants.</summary>
    public const string VariantsFolder = "variants";

    /// <summary>A variant's manifest.</summary>
    public const string VariantManifestFile = "variant.json";

    /// <summary>A variant's change to the solution, a unified diff like a mistake's.</summary>
    public const string VariantPatchFile = Patching.MistakePatch.VariantFileName;

    /// <summary>The names <c>"platforms"</c> may list.</summary>
    public static readonly IReadOnlyList<string> KnownPlatforms = ["windows", "linux", "macos"];

    /// <summary>The name of the system this process runs on, as <c>"platforms"</c> spells it.</summary>
    public static string ThisPlatform =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    /// <summary>False when the mistake shows only on other systems (see <see cref="Platforms"/>).</summary>
    public bool RunsHere => Platforms.Count == 0 || Platforms.Contains(ThisPlatform);

    /// <summary>The manifest's file name.</summary>
    public const string ManifestFile = "mistake.json";

    /// <summary>The snapshot of the failure message the learner sees.</summary>
    public const string MessageFile = "message.txt";

    /// <summary>The mistake as a unified diff against the solution, paths relative to the repository root.</summary>
    public const string PatchFile = Patching.MistakePatch.FileName;

    /// <summary>A short id for output, e.g. <c>03-SingleConnection/single-receive</c>, or <c>variants/…</c> for a variant.</summary>
    public string Id => IsVariant ? $"{VariantsFolder}/{Lesson}/{Name}" : $"{Lesson}/{Name}";

    /// <summary>Path of the message snapshot (mistakes only).</summary>
    public string MessagePath => Path.Combine(Folder, MessageFile);

    /// <summary>Path of the patch.</summary>
    public string PatchPath => Path.Combine(Folder, PatchFileOf(Folder));

    /// <summary>The patch's file name in an entry folder: <c>variant.patch</c> under <c>variants/</c>, else <c>mistake.patch</c>.</summary>
    public static string PatchFileOf(string entryFolder) => IsVariantFolder(entryFolder) ? VariantPatchFile : PatchFile;

    /// <summary>Whether <paramref name="entryFolder"/> is <c>variants/NN-Name/&lt;name&gt;</c>.</summary>
    public static bool IsVariantFolder(string entryFolder) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(entryFolder)))) == VariantsFolder;

    /// <summary>Reads every entry under <paramref name="catalogue"/> (the <c>mistakes</c> or the <c>variants</c> folder).</summary>
    public static List<Entry> ReadAll(string catalogue)
    {
        var entries = new List<Entry>();
        if (!Directory.Exists(catalogue)) return entries;
        foreach (var lessonFolder in Directory.GetDirectories(catalogue).Order(StringComparer.Ordinal))
            foreach (var folder in Directory.GetDirectories(lessonFolder).Order(StringComparer.Ordinal))
                entries.Add(Read(folder));
        return entries;
    }

    /// <summary>Reads one entry; a malformed manifest is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static Entry Read(string folder)
    {
        var isVariant = IsVariantFolder(folder);
        var manifestFile = isVariant ? VariantManifestFile : ManifestFile;
        var patchFile = PatchFileOf(folder);
        var manifest = Path.Combine(folder, manifestFile);
        if (!File.Exists(manifest)) throw new InvalidDataException($"{manifest} is missing");
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement; }
        catch (JsonException e) { throw new InvalidDataException($"{manifest}: {e.Message}"); }

        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var title = Text("title") ?? throw new InvalidDataException($"{manifest}: \"title\" is missing");
        if (!root.TryGetProperty("step", out var step) || step.ValueKind != JsonValueKind.Number)
            throw new InvalidDataException($"{manifest}: \"step\" (a number) is missing");
        if (!root.TryGetProperty("graders", out var graders) || graders.ValueKind != JsonValueKind.Array || graders.GetArrayLength() == 0)
            throw new InvalidDataException($"{manifest}: \"graders\" (grader method names that must {(isVariant ? "pass" : "fail")}) is missing or empty");
        if (isVariant && Text("why") is null)
            throw new InvalidDataException($"{manifest}: \"why\" is missing: why this variant is correct, and which assumption of a grader it guards against");

        // An entry holds its manifest, its patch and (a mistake) its snapshot, nothing else: a copy of a solution file left
        // here is an old-style overlay (full copies go stale silently), to be turned into a patch.
        string[] own = isVariant ? [manifestFile, patchFile] : [manifestFile, patchFile, MessageFile];
        var strays = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !own.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (strays.Count > 0)
            throw new InvalidDataException($"{folder}: {string.Join(", ", strays)}: an entry holds only {string.Join(", ", own)}; " +
                                           $"turn a copied solution file into a patch with: dotnet run --project tools/Mistakes -- new-patch {folder}");
        if (!File.Exists(Path.Combine(folder, patchFile)))
            throw new InvalidDataException($"{folder}: no {patchFile} (the {(isVariant ? "variant" : "mistake")}, as a patch on the solution; see CONTRIBUTING)");

        var platforms = root.TryGetProperty("platforms", out var only) && only.ValueKind == JsonValueKind.Array
            ? only.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : [];
        var unknown = platforms.Where(p => !KnownPlatforms.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{manifest}: \"platforms\" may list {string.Join(", ", KnownPlatforms)}, not {string.Join(", ", unknown)}");

        return new Entry(
            folder,
            Path.GetFileName(Path.GetDirectoryName(folder)!),
            Path.GetFileName(folder),
            title,
            step.GetInt32(),
            graders.EnumerateArray().Select(g => g.GetString() ?? "").ToList(),
            Text("why"),
            Text("pending"),
            root.TryGetProperty("varies", out var varies) && varies.ValueKind == JsonValueKind.Array
                ? varies.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : [],
            platforms,
            isVariant);
    }
}
