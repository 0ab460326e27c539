using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace SocketCourse.Testing;

/// <summary>One source file of the code under review: its path as compiled, and its text.</summary>
/// <param name="Path">The path the compiler was given (an absolute path, or a mapped one such as <c>/_/…</c>).</param>
/// <param name="Text">The file's text, exactly as compiled.</param>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>The file name alone, as a finding names it (e.g. <c>ThreadingTcpServer.cs</c>).</summary>
    public string Name => System.IO.Path.GetFileName(Path.Replace('\\', '/'));
}

/// <summary>
/// The learner's source files as the graded assembly carries them: the lessons build with
/// <c>DebugType embedded</c> and <c>EmbedAllSources</c> (exercises/ and solutions/ Directory.Build.props), so the
/// portable PDB inside the assembly holds every source text the compiler read. Reading them from there means the
/// review sees exactly the code that runs, never a file on disk that may have changed since the build.
/// </summary>
public static class EmbeddedSources
{
    // The kind of custom debug information that holds a document's embedded source (Portable PDB specification).
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <summary>
    /// The source files embedded in <paramref name="assembly"/>, without the files the learner does not write: the
    /// lesson's <c>Given/</c> folder and what the build generates into <c>obj/</c>. Empty when the assembly carries
    /// no embedded PDB or no sources in it (a build with other settings, e.g. Stryker's mutation build): the review
    /// then has nothing to say, and passes.
    /// </summary>
    public static IReadOnlyList<SourceFile> Of(Assembly assembly)
    {
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(assembly.Location)) return [];
        using var stream = File.OpenRead(assembly.Location);
        return Of(stream);
    }

    /// <inheritdoc cref="Of(Assembly)"/>
    public static IReadOnlyList<SourceFile> Of(Stream image)
    {
        using var pe = new PEReader(image, PEStreamOptions.LeaveOpen);
        var entry = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.DataSize == 0) return [];
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var pdb = provider.GetMetadataReader();
        var files = new List<SourceFile>();
        foreach (var handle in pdb.Documents)
        {
            var path = pdb.GetString(pdb.GetDocument(handle).Name);
            if (!IsLearnersFile(path)) continue;
            var text = EmbeddedText(pdb, handle);
            if (text is not null) files.Add(new SourceFile(path, text));
        }
        return files;
    }

    /// <summary>False for files under a <c>Given</c> or <c>obj</c> folder: given to the learner, or generated.</summary>
    public static bool IsLearnersFile(string path)
    {
        var folders = path.Split('/', '\\');
        return !folders[..^1].Any(f => f is "Given" or "obj");
    }

    private static string? EmbeddedText(MetadataReader pdb, DocumentHandle document)
    {
        foreach (var handle in pdb.GetCustomDebugInformation(document))
        {
            var information = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(information.Kind) != EmbeddedSourceKind) continue;
            // The blob: an int32 format (0: the bytes as they are; n > 0: deflate-compressed, n bytes once expanded),
            // then the bytes of the file.
            var blob = pdb.GetBlobReader(information.Value);
            var format = blob.ReadInt32();
            var stored = blob.ReadBytes(blob.RemainingBytes);
            byte[] bytes;
            if (format == 0)
                bytes = stored;
            else
            {
                bytes = new byte[format];
                using var deflate = new DeflateStream(new MemoryStream(stored), CompressionMode.Decompress);
                deflate.ReadExactly(bytes);
            }
            return Utf8.GetString(bytes).TrimStart('\uFEFF');
        }
        return null;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
