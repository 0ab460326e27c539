using System.Text;
using System.Text.Json;
using SocketCourse.Mistakes.Patching;

namespace SocketCourse.Mistakes;

/// <summary>
/// The contributor's commands for an entry's <c>mistake.patch</c>, so that nobody needs git or patch to write one:
/// <list type="bullet">
/// <item><c>new-patch ENTRY FILE...</c>: writes the patch from edited copies of solution files (each matched to the
/// solution file of the same name); with no FILE, turns copies of solution files left in the entry folder (the
/// catalogue's old overlays) into the patch and deletes them, or else rewrites the existing patch against the current
/// solution (fresh line numbers; its lines must still apply).</item>
/// <item><c>patched ENTRY FOLDER</c>: writes the solution files with the entry's patch applied into FOLDER, to edit
/// and feed back to <c>new-patch</c>.</item>
/// </list>
/// </summary>
public static class PatchCommands
{
    /// <summary>Runs the command in <paramref name="args"/> (its name first); returns the exit code.</summary>
    public static int Run(string root, string[] args)
    {
        try
        {
            return args switch
            {
                ["new-patch", var entry, .. var files] => NewPatch(root, Path.GetFullPath(entry), files.Select(Path.GetFullPath).ToList()),
                ["patched", var entry, var folder] => Patched(root, Path.GetFullPath(entry), Path.GetFullPath(folder)),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is PatchException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"mistakes: {e.Message}");
            return 1;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: mistakes new-patch <entry-folder> [<edited-file>...]   |   mistakes patched <entry-folder> <output-folder>");
        return 2;
    }

    private static int NewPatch(string root, string entry, List<string> files)
    {
        var solution = SolutionOf(root, entry);
        var patchFile = Path.Combine(entry, Entry.PatchFileOf(entry));
        var overlays = Directory.Exists(entry)
            ? Directory.GetFiles(entry).Where(f => Path.GetFileName(f) is not (Entry.ManifestFile or Entry.MessageFile or MistakePatch.FileName
                                                                                  or Entry.VariantManifestFile or Entry.VariantPatchFile)).Order(StringComparer.Ordinal).ToList()
            : [];
        var pairs = new SortedDictionary<string, (string Old, string New)>(StringComparer.Ordinal);
        if (files.Count > 0 || overlays.Count > 0)
        {
            foreach (var edited in files.Count > 0 ? files : overlays)
            {
                if (!File.Exists(edited)) throw new IOException($"{edited} does not exist");
                var original = SolutionFileNamed(root, solution, Path.GetFileName(edited));
                if (Path.GetFullPath(original) == edited)
                    throw new IOException($"{Relative(root, edited)} is the solution's own file: edit a copy (e.g. from `mistakes patched`), not the solution");
                pairs[Relative(root, original)] = (File.ReadAllText(original), File.ReadAllText(edited));
            }
        }
        else if (File.Exists(patchFile))
        {
            foreach (var (relative, text) in MistakePatch.Apply(root, solution, patchFile))
                pairs[$"{solution}/{relative}"] = (File.ReadAllText(Path.Combine(root, solution, relative)), text);
        }
        else
        {
            throw new IOException($"{Relative(root, entry)} has no {Path.GetFileName(patchFile)} yet: name the edited copies of solution files to make it from");
        }

        var patch = new StringBuilder();
        foreach (var (path, (oldText, newText)) in pairs) patch.Append(PatchWriter.Write(path, oldText, newText));
        if (patch.Length == 0)
            throw new IOException("the edited files are the same as the solution's: there is no mistake to record");
        // Check the round trip before writing anything: the patch applied to the solution gives the edited text back.
        foreach (var file in PatchParser.Parse(patch.ToString(), MistakePatch.FileName))
        {
            var (oldText, newText) = pairs[file.Path];
            if (PatchApplier.Apply(oldText, file, MistakePatch.FileName).Replace("\r\n", "\n") != newText.Replace("\r\n", "\n"))
                throw new InvalidDataException($"internal error: the patch written for {file.Path} does not give the edited file back");
        }
        Directory.CreateDirectory(entry);
        File.WriteAllText(patchFile, patch.ToString());
        if (files.Count == 0)
            foreach (var overlay in overlays) File.Delete(overlay);
        Console.Write(patch);
        Console.WriteLine($"wrote {Relative(root, patchFile)}{(files.Count == 0 && overlays.Count > 0 ? $" and deleted {string.Join(", ", overlays.Select(Path.GetFileName))}" : "")}");
        return 0;
    }

    private static int Patched(string root, string entry, string folder)
    {
        var solution = SolutionOf(root, entry);
        Directory.CreateDirectory(folder);
        foreach (var (relative, text) in MistakePatch.Apply(root, solution, Path.Combine(entry, Entry.PatchFileOf(entry))))
        {
            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
            Console.WriteLine($"wrote {target}");
        }
        return 0;
    }

    // The lesson's solution folder (relative to the root) for an entry folder mistakes/NN-Name/<entry> or variants/NN-Name/<entry>.
    private static string SolutionOf(string root, string entry)
    {
        var lesson = Path.GetFileName(Path.GetDirectoryName(entry.TrimEnd(Path.DirectorySeparatorChar)));
        if (Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(entry.TrimEnd(Path.DirectorySeparatorChar)))) is not (Entry.MistakesFolder or Entry.VariantsFolder))
            throw new IOException($"{entry} is not an entry folder mistakes/NN-Name/<kebab-name> or variants/NN-Name/<kebab-name>");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "course.json"))).RootElement;
        var solution = manifest.GetProperty("lessons").EnumerateArray()
            .Select(l => l.GetProperty("solution").GetString()!.Replace('\\', '/').TrimEnd('/'))
            .FirstOrDefault(s => Path.GetFileName(s) == lesson);
        return solution ?? throw new IOException($"no lesson in course.json has the solution folder {lesson}");
    }

    private static string SolutionFileNamed(string root, string solution, string name)
    {
        var matches = Directory.GetFiles(Path.Combine(root, solution), name, SearchOption.AllDirectories)
            .Where(f => !Relative(root, f).Split('/').Any(part => part is "bin" or "obj")).ToList();
        return matches.Count == 1 ? matches[0]
            : throw new IOException(matches.Count == 0
                ? $"{solution}/ has no file named {name}: a mistake changes the solution's own files"
                : $"{solution}/ has {matches.Count} files named {name}: rename the edited copy after the one it changes");
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
