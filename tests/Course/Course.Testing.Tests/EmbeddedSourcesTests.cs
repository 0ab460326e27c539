using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SocketCourse.Testing.Tests;

/// <summary>Reading the source texts an assembly carries in its embedded PDB, as the lessons build them.</summary>
public sealed class EmbeddedSourcesTests
{
    private static byte[] Compile(DebugInformationFormat format, bool embedTexts, params (string Path, string Text)[] files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), path: f.Path)).ToList();
        var compilation = CSharpCompilation.Create("Learner", trees,
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(image, format == DebugInformationFormat.Embedded ? null : pdb,
            embeddedTexts: embedTexts ? trees.Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText())) : null,
            options: new EmitOptions(debugInformationFormat: format));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }

    [Fact]
    public void The_learners_files_come_back_exactly_small_and_compressed_ones_alike_without_Given_and_obj()
    {
        var small = "class Small { }\n"; // stored as is
        var large = "// 你好, a file long enough to be stored deflate-compressed\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"class C{i} {{ int _f{i}; }}\n"));
        var image = Compile(DebugInformationFormat.Embedded, embedTexts: true,
            ("/course/solutions/04/Small.cs", small),
            ("/course/solutions/04/Large.cs", large),
            ("/course/exercises/04/Given/ClientLeft.cs", "enum ClientLeft { Closed }"),
            ("/course/solutions/04/obj/Debug/net10.0/GlobalUsings.g.cs", "// generated"));

        var files = EmbeddedSources.Of(new MemoryStream(image));

        Assert.Equal(["Small.cs", "Large.cs"], files.Select(f => f.Name));
        Assert.Equal(small, files[0].Text);
        Assert.Equal(large, files[1].Text);
    }

    [Theory]
    [InlineData(DebugInformationFormat.Embedded, false)]
    [InlineData(DebugInformationFormat.PortablePdb, true)]
    public void An_assembly_without_embedded_sources_gives_none_and_no_error(DebugInformationFormat format, bool embedTexts)
    {
        var image = Compile(format, embedTexts, ("/course/solutions/04/Small.cs", "class Small { }"));

        Assert.Empty(EmbeddedSources.Of(new MemoryStream(image)));
    }

    [Fact]
    public void Windows_paths_are_recognised_too()
    {
        Assert.False(EmbeddedSources.IsLearnersFile(@"C:\course\exercises\04\Given\ClientLeft.cs"));
        Assert.True(EmbeddedSources.IsLearnersFile(@"C:\course\exercises\04\ReplyHandler.cs"));
        Assert.Equal("ReplyHandler.cs", new SourceFile(@"C:\course\exercises\04\ReplyHandler.cs", "").Name);
    }
}
