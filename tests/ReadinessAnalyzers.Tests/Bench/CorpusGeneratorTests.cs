using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Bench.Corpus;
using Xunit;

namespace ReadinessAnalyzers.Tests.Bench;

/// <summary>
/// Smoke test of the benchmark's corpus generator (bench/): deterministic, compiles, and gives our
/// analyzers something to report. No timing: the benchmark measures, tests do not.
/// </summary>
public sealed class CorpusGeneratorTests
{
    /// <summary>Large enough to hold every kind of file and, with the default seed, some planted defects.</summary>
    private const int CorpusFiles = 120;

    [Fact]
    public void Generate_SameSeed_GivesTheSameFiles_AndALargerCorpusExtendsASmallerOne()
    {
        var first = CorpusGenerator.Generate(CorpusFiles);
        var second = CorpusGenerator.Generate(CorpusFiles);
        var smaller = CorpusGenerator.Generate(CorpusFiles / 2);
        var otherSeed = CorpusGenerator.Generate(CorpusFiles, seed: 7);

        Assert.Equal(CorpusFiles, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(smaller, first.Take(smaller.Count));
        Assert.NotEqual(first, otherSeed);
        Assert.Equal(first.Count, first.Select(f => f.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void WriteProject_Twice_WritesTheSameBytes()
    {
        var root = Path.Combine(Path.GetTempPath(), "readiness-bench-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var project1 = CorpusGenerator.WriteProject(Path.Combine(root, "a"), 5);
            var project2 = CorpusGenerator.WriteProject(Path.Combine(root, "b"), 5);

            var files1 = ReadAll(Path.GetDirectoryName(project1)!);
            var files2 = ReadAll(Path.GetDirectoryName(project2)!);
            Assert.Equal(files1.Keys.Order(StringComparer.Ordinal), files2.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in files1)
            {
                Assert.True(bytes.SequenceEqual(files2[path]), path + " differs between two runs with the same seed.");
            }

            Assert.Contains(CorpusGenerator.ProjectName + ".csproj", files1.Keys);
            Assert.Equal(5, files1.Keys.Count(k => k.EndsWith(".cs", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(CorpusFiles)]
    public async Task Corpus_CompilesWithoutErrors(int files)
    {
        var compilation = await CompileAsync(files);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task Corpus_GivesOurAnalyzersARealisticShareOfHits_AndNoAnalyzerException()
    {
        var compilation = await CompileAsync(CorpusFiles);
        var analyzers = typeof(BlockingCallAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None);

        var ours = diagnostics.Where(d => d.Id.StartsWith("RDY", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.NotEmpty(ours);
        // Planted defects are rare, as in a real engine: far fewer hits than files.
        Assert.True(ours.Count < CorpusFiles / 4, $"{ours.Count} diagnostics on {CorpusFiles} files:\n" + string.Join("\n", ours));
    }

    private static async Task<CSharpCompilation> CompileAsync(int files)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var options = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = CorpusGenerator.Generate(files).Select(f => CSharpSyntaxTree.ParseText(f.Content, options, f.Path));
        return CSharpCompilation.Create(
            CorpusGenerator.ProjectName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static Dictionary<string, byte[]> ReadAll(string directory)
        => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
