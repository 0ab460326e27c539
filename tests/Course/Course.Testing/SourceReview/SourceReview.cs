using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>
/// A source review of the learner's code for data races that no runtime grader can provoke on demand: they need two
/// threads inside the same few instructions within nanoseconds, and when they meet, the damage shows later if ever.
/// Static checkers catch them the way FindBugs' "inconsistent synchronization" and RacerD do: code that protects a
/// field in one place says the field is shared, so an unprotected use of it elsewhere is a mistake. Three rules, each
/// in its own file: <see cref="CollectionLockingRule"/>, <see cref="CounterUpdateRule"/>, <see cref="SharedBufferRule"/>.
/// </summary>
/// <remarks>
/// Syntax only (Roslyn's parser, no compilation), within one type declaration at a time: a field shared between
/// classes, or a partial class split over files, is not followed. "Under a lock" is <see cref="LockScopes"/>: inside a
/// <c>lock</c> statement or in a private helper only ever called under one. A type that synchronises with anything
/// else the review cannot follow (Monitor.Enter, Lock.EnterScope, SpinLock, SemaphoreSlim, Mutex, ReaderWriterLock(Slim),
/// [MethodImpl(Synchronized)]) gets no findings at all: the review abstains rather than fail correct code.
/// </remarks>
public static class SourceReview
{
    /// <summary>
    /// Reviews the learner's files embedded in <paramref name="assembly"/> (<see cref="EmbeddedSources"/>). An assembly
    /// built without embedded sources (Stryker's mutation build, for one) gives no findings: the review has nothing to
    /// read and must not fail the run. Stryker's score is unaffected, as it compiles the same sources.
    /// </summary>
    public static IReadOnlyList<Finding> Of(Assembly assembly) => Of(EmbeddedSources.Of(assembly));

    /// <summary>Reviews <paramref name="files"/>.</summary>
    public static IReadOnlyList<Finding> Of(IEnumerable<SourceFile> files)
    {
        var findings = new List<Finding>();
        foreach (var file in files)
        {
            var tree = CSharpSyntaxTree.ParseText(file.Text, Options, file.Path);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var type = new ReviewedType(declaration, file.Name);
                if (type.Abstention is not null) continue;
                findings.AddRange(CollectionLockingRule.Check(type));
                findings.AddRange(CounterUpdateRule.Check(type));
                findings.AddRange(SharedBufferRule.Check(type));
            }
        }
        return findings;
    }

    /// <summary>The types of <paramref name="files"/> the review abstains on, with the construct that made it abstain.</summary>
    public static IReadOnlyList<(string Type, string Construct)> Abstentions(IEnumerable<SourceFile> files) =>
        [.. files.SelectMany(f => CSharpSyntaxTree.ParseText(f.Text, Options, f.Path).GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Select(d => new ReviewedType(d, f.Name)))
            .Where(t => t.Abstention is not null)
            .Select(t => (t.Name, t.Abstention!))];

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);
}
