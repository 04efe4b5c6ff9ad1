using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>
/// Real compilations against the .NET 8 reference assemblies (the same ones the verifier uses),
/// resolved once per test class.
/// </summary>
public sealed class CompilationFixture : IAsyncLifetime
{
    public ImmutableArray<MetadataReference> Net80 { get; private set; }

    public async Task InitializeAsync()
        => Net80 = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One file, <c>Engine.cs</c>, that must compile without errors.</summary>
    public CSharpCompilation Compile(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        => Compile(kind, ("Engine.cs", source));

    /// <summary>Several files (path, source) that must compile without errors.</summary>
    public CSharpCompilation Compile(OutputKind kind, params (string Path, string Source)[] files)
    {
        var compilation = CreateUnchecked(Net80, kind, files);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "test source does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }

    /// <summary>A compilation with whatever references are given, errors allowed (broken or bare code).</summary>
    public static CSharpCompilation CreateUnchecked(
        IEnumerable<MetadataReference> references, OutputKind kind, params (string Path, string Source)[] files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path));
        return CSharpCompilation.Create(
            "Engine",
            trees,
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }
}
