using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Tests.Robustness.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// Every analyzer and code fix of the package, found by reflection, over the embedded trading corpus,
/// the sample engine (when present) and a few hundred deterministically broken variants of them:
/// no analyzer exception (AD0001), no exception from a fix, no diagnostic in generated code, malformed
/// options mean the defaults, and on unbroken code no fix leaves code that does not compile.
/// </summary>
public sealed class RobustnessTests : IClassFixture<RobustnessFixture>
{
    private const int MaxFailuresShown = 12;

    private readonly RobustnessFixture _fixture;
    private readonly ITestOutputHelper _output;

    public RobustnessTests(RobustnessFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private IReadOnlyList<CorpusGroup> Groups => _fixture.Groups;

    [Fact]
    public void Discovery_FindsAnalyzersFixesAndADeterministicCorpus()
    {
        Assert.Contains(typeof(BlockingCallAnalyzer), AnalyzerDiscovery.AnalyzerTypes());
        Assert.Contains(typeof(CodeFixes.BlockingCallCodeFixProvider), AnalyzerDiscovery.CodeFixProviderTypes());
        Assert.All(_fixture.Analyzers, a => Assert.False(a.SupportedDiagnostics.IsEmpty, $"{a.GetType().Name} declares no diagnostics"));
        Assert.All(_fixture.CodeFixProviders, f => Assert.False(f.FixableDiagnosticIds.IsEmpty, $"{f.GetType().Name} fixes no ids"));
        var unreachable = _fixture.CodeFixProviders.SelectMany(f => f.FixableDiagnosticIds).Where(id => !_fixture.Harness.DiagnosticIds.Contains(id)).ToList();
        Assert.True(unreachable.Count == 0, $"fixable ids no analyzer reports, so the sweep never exercises their fix: {string.Join(", ", unreachable)}");

        Assert.False(EmbeddedCorpus.Group.Files.IsEmpty);
        Assert.All(_fixture.SampleGroups, g => Assert.False(g.Files.IsEmpty));
        _output.WriteLine($"analyzers: {string.Join(", ", _fixture.Analyzers.Select(a => a.GetType().Name))}");
        _output.WriteLine($"code fixes: {string.Join(", ", _fixture.CodeFixProviders.Select(f => f.GetType().Name))}");
        _output.WriteLine(_fixture.SampleGroups.IsEmpty
            ? "samples: none in this checkout; embedded corpus only"
            : $"samples: {string.Join(", ", _fixture.SampleGroups.Select(g => $"{g.Name} ({g.Files.Length} files)"))}");

        // Same corpus, same variants: a failure's name is enough to rebuild it.
        var first = VariantFactory.SingleTokenDeletions(Groups, 20).AddRange(VariantFactory.HalfTypedStatements(Groups, 20));
        var second = VariantFactory.SingleTokenDeletions(Groups, 20).AddRange(VariantFactory.HalfTypedStatements(Groups, 20));
        Assert.Equal(first.Select(Fingerprint), second.Select(Fingerprint));
        Assert.Equal(first.Length, first.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Harness_ReportsThrowingAnalyzersAndFixesAndFixesThatBreakTheBuild()
    {
        // The sweep is only worth its green if it goes red: run it once with deliberately broken parts.
        var harness = new RobustnessHarness(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer(), new BlockingCallAnalyzer()),
            ImmutableArray.Create<CodeFixProvider>(new ThrowingCodeFixProvider()),
            _fixture.References);
        var outcome = await harness.RunAsync(Variant.Unbroken(EmbeddedCorpus.Group), FixPolicy.Unbroken);
        var signatures = outcome.Failures.Select(f => f.Signature).Distinct(StringComparer.Ordinal).ToList();
        _output.WriteLine(string.Join("\n", signatures));

        Assert.Contains(signatures, s => s.StartsWith($"{nameof(ThrowingAnalyzer)} threw {nameof(InvalidOperationException)}", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.StartsWith($"{nameof(ThrowingCodeFixProvider)}.RegisterCodeFixesAsync(RDY101) threw {nameof(InvalidOperationException)}", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.StartsWith($"{nameof(ThrowingCodeFixProvider)} fix 'RBT.Throw' threw {nameof(InvalidOperationException)}", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.StartsWith($"{nameof(ThrowingCodeFixProvider)} fix 'RBT.Break' leaves CS0103", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.Message.Contains(ThrowingAnalyzer.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnbrokenCorpus_ReportsDiagnosticsAndEveryFixCompiles()
    {
        var outcomes = await SweepAsync("unbroken", Groups.Select(g => Variant.Unbroken(g)), FixPolicy.Unbroken);

        var embedded = outcomes.Single(o => o.Variant.Name == Variant.Unbroken(EmbeddedCorpus.Group).Name);
        Assert.True(embedded.CompilerErrors.IsEmpty, "the embedded corpus must compile:\n" + string.Join("\n", embedded.CompilerErrors));
        Assert.Contains(embedded.Diagnostics, d => d.Id == RuleIds.ThreadSleepOnAsyncPath);
        Assert.Contains(embedded.Diagnostics, d => d.Id == RuleIds.SyncOverAsync);
        Assert.True(embedded.FixesApplied > 0, "no fix was applied to the embedded corpus");
        foreach (var outcome in outcomes)
        {
            _output.WriteLine($"{outcome.Variant.Name}: {Summary(outcome.Diagnostics)}, {outcome.CompilerErrors.Length} compiler errors before fixing");
            foreach (var error in outcome.CompilerErrors.Take(5))
            {
                _output.WriteLine("  " + error);
            }
        }

        AssertNoFailures("unbroken", outcomes);
    }

    [Fact]
    public async Task TokenDeletions_NeverThrow()
    {
        var variants = VariantFactory.SingleTokenDeletions(Groups, 90)
            .AddRange(VariantFactory.TokenRunDeletions(Groups, 40));
        AssertNoFailures("token deletions", await SweepAsync("token deletions", variants, FixPolicy.Broken, minimum: 100));
    }

    [Fact]
    public async Task TruncationsAndUnbalancedBraces_NeverThrow()
    {
        var variants = VariantFactory.Truncations(Groups, 40)
            .AddRange(VariantFactory.UnbalancedBraces(Groups, 40));
        AssertNoFailures("truncations and braces", await SweepAsync("truncations and braces", variants, FixPolicy.Broken, minimum: 60));
    }

    [Fact]
    public async Task HalfTypedCode_NeverThrows()
    {
        var variants = VariantFactory.HalfTypedMembers(Groups, 25)
            .AddRange(VariantFactory.HalfTypedStatements(Groups, 35))
            .AddRange(VariantFactory.CutStatements(Groups, 20));
        AssertNoFailures("half-typed code", await SweepAsync("half-typed code", variants, FixPolicy.Broken, minimum: 60));
    }

    [Fact]
    public async Task DuplicatedAndHugeFiles_NeverThrow()
    {
        var variants = VariantFactory.Duplicates(Groups).AddRange(VariantFactory.LargeFile(EmbeddedCorpus.Group));
        var outcomes = await SweepAsync(
            "duplicated and huge files",
            variants,
            v => v.FocusPath == LargeFileSource.Path ? FixPolicy.LargeFile : FixPolicy.Broken,
            minimum: 7);

        var large = outcomes.Single(o => o.Variant.Name.StartsWith("large/", StringComparison.Ordinal) && o.Variant.Name.EndsWith("-lines", StringComparison.Ordinal));
        var inLargeFile = large.Diagnostics.Count(d => d.Location.SourceTree?.FilePath == large.Variant.FocusPath);
        _output.WriteLine($"{large.Variant.Name}: {inLargeFile} diagnostics in the large file, {large.Duration.TotalSeconds:0.0} s");
        Assert.True(inLargeFile >= 1_000, $"expected the analyzers to cover the whole {VariantFactory.LargeFileLines}-line file, got {inLargeFile} diagnostics");
        AssertNoFailures("duplicated and huge files", outcomes);
    }

    [Fact]
    public async Task GeneratedCode_ReportsNothing()
    {
        // Only files that do report something when not marked generated prove anything.
        var unbroken = await _fixture.Harness.RunAsync(Variant.Unbroken(EmbeddedCorpus.Group), FixPolicy.None);
        var positives = unbroken.Diagnostics.Select(d => d.Location.SourceTree!.FilePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(positives.Count >= 3, $"expected at least three embedded files with diagnostics, got: {string.Join(", ", positives)}");

        var outcomes = await SweepAsync("generated code", VariantFactory.Generated(EmbeddedCorpus.Group, positives), FixPolicy.Broken, minimum: 15);
        foreach (var outcome in outcomes)
        {
            var inGenerated = outcome.Diagnostics.Where(d => d.Location.SourceTree?.FilePath == outcome.Variant.FocusPath).ToList();
            Assert.True(inGenerated.Count == 0, $"[{outcome.Variant.Name}] reported in generated code: {string.Join("; ", inGenerated.Select(FailureReport.Where))}");
        }

        AssertNoFailures("generated code", outcomes);
    }

    [Fact]
    public async Task MissingFrameworkTypes_NeverThrowAndFixesStillCompile()
    {
        var variants = Groups.Select(g => Variant.Unbroken(g, ReferenceProfile.NetStandard20))
            .Concat(Groups.Select(g => Variant.Unbroken(g, ReferenceProfile.None)))
            .Concat(VariantFactory.BrokenAgainst(Groups, ReferenceProfile.NetStandard20, 10))
            .Concat(VariantFactory.BrokenAgainst(Groups, ReferenceProfile.None, 5));
        var outcomes = await SweepAsync("missing framework types", variants, v => v.FocusPath is null ? FixPolicy.Unbroken : FixPolicy.Broken, minimum: 17);

        // netstandard2.0 has Thread and Task but no ValueTask: the rules that need only Task still work.
        var netStandard = outcomes.Single(o => o.Variant.Name == Variant.Unbroken(EmbeddedCorpus.Group, ReferenceProfile.NetStandard20).Name);
        _output.WriteLine($"{netStandard.Variant.Name}: {Summary(netStandard.Diagnostics)}, {netStandard.CompilerErrors.Length} compiler errors");
        Assert.Contains(netStandard.Diagnostics, d => d.Id == RuleIds.ThreadSleepOnAsyncPath);
        Assert.Contains(netStandard.Diagnostics, d => d.Id == RuleIds.SyncOverAsync);

        // Without references no framework type exists, so no rule may claim to recognise anything.
        var bare = outcomes.Single(o => o.Variant.Name == Variant.Unbroken(EmbeddedCorpus.Group, ReferenceProfile.None).Name);
        Assert.True(bare.Diagnostics.IsEmpty, $"diagnostics without any references: {string.Join("; ", bare.Diagnostics.Select(FailureReport.Where))}");
        AssertNoFailures("missing framework types", outcomes);
    }

    [Fact]
    public async Task MalformedEditorConfig_NeverThrowsAndMeansTheDefaults()
    {
        var fixSome = new FixPolicy(MaxDiagnostics: 20, FocusFileOnly: false, CheckCompiles: false, RunFixAll: false);
        var defaults = await SweepAsync("editorconfig defaults", Groups.Select(g => Variant.Unbroken(g)), FixPolicy.None);
        var meaningless = await SweepAsync("editorconfig meaningless", Groups.Select(g => Variant.Unbroken(g, options: ConfigProfile.MalformedMeaningless)), FixPolicy.None);
        var malformed = await SweepAsync(
            "editorconfig malformed",
            Groups.Select(g => Variant.Unbroken(g, options: ConfigProfile.Malformed)).Concat(Groups.Select(g => Variant.Unbroken(g, options: ConfigProfile.HotPathEverywhere))),
            fixSome);

        for (var i = 0; i < Groups.Count; i++)
        {
            Assert.Equal(defaults[i].Variant.Files, meaningless[i].Variant.Files);
            Assert.Equal(defaults[i].Diagnostics.Select(Key), meaningless[i].Diagnostics.Select(Key));
        }

        Assert.NotEmpty(defaults[0].Diagnostics);
        AssertNoFailures("malformed editorconfig", defaults.AddRange(meaningless).AddRange(malformed));
    }

    private static string Key(Diagnostic diagnostic) => FailureReport.Where(diagnostic);

    private static string Fingerprint(Variant variant)
        => $"{variant.Name}|{variant.Mutation}|{variant.Options}|{string.Join("|", variant.Files.Select(f => f.Path + ":" + f.Text.GetHashCode(StringComparison.Ordinal)))}";

    private static string Summary(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.IsEmpty
            ? "no diagnostics"
            : string.Join(", ", diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private Task<ImmutableArray<VariantOutcome>> SweepAsync(string family, IEnumerable<Variant> variants, FixPolicy policy, int minimum = 1)
        => SweepAsync(family, variants, _ => policy, minimum);

    private async Task<ImmutableArray<VariantOutcome>> SweepAsync(string family, IEnumerable<Variant> variants, Func<Variant, FixPolicy> policy, int minimum = 1)
    {
        var list = variants.ToImmutableArray();
        Assert.True(list.Length >= minimum, $"{family}: only {list.Length} variants were generated, expected at least {minimum}");

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcomes = new ConcurrentBag<VariantOutcome>();
        await Parallel.ForEachAsync(
            list,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) },
            async (variant, _) => outcomes.Add(await _fixture.Harness.RunAsync(variant, policy(variant))));

        var sorted = outcomes.OrderBy(o => list.IndexOf(o.Variant)).ToImmutableArray();
        var slowest = sorted.MaxBy(o => o.Duration)!;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{family}: {sorted.Length} variants, {sorted.Sum(o => o.Diagnostics.Length)} diagnostics, {sorted.Sum(o => o.FixesRegistered)} fixes registered, {sorted.Sum(o => o.FixesApplied)} applied, {watch.Elapsed.TotalSeconds:0.0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU, {Seconds(sorted, o => o.AnalysisDuration):0.0} s analysing + {Seconds(sorted, o => o.Duration - o.AnalysisDuration):0.0} s fixing summed over variants (slowest {slowest.Variant.Name}: {slowest.Duration.TotalSeconds:0.0} s)"));
        return sorted;
    }

    private static double Seconds(ImmutableArray<VariantOutcome> outcomes, Func<VariantOutcome, TimeSpan> duration)
        => outcomes.Sum(o => duration(o).TotalSeconds);

    private static void AssertNoFailures(string family, ImmutableArray<VariantOutcome> outcomes)
    {
        var failing = outcomes.Where(o => o.Failures.Count > 0).ToList();
        if (failing.Count == 0)
        {
            return;
        }

        var failures = failing.SelectMany(o => o.Failures).ToList();
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{family}: {failing.Count} of {outcomes.Length} variants failed, {failures.Count} failures.\n");

        // The same bug tends to fail many variants: count each kind once.
        message.Append("Distinct failures:\n");
        foreach (var kind in failures.GroupBy(f => f.Signature, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            message.Append(CultureInfo.InvariantCulture, $"  {kind.Count()} x {kind.Key}\n");
        }

        // The first failure of each kind in full, then sources to reproduce from.
        message.Append("\nFirst failure of each kind:\n");
        foreach (var kind in failures.GroupBy(f => f.Signature, StringComparer.Ordinal).Take(MaxFailuresShown))
        {
            message.Append(kind.First().Message).Append('\n');
        }

        foreach (var outcome in failing.Take(MaxFailuresShown))
        {
            message.Append(CultureInfo.InvariantCulture, $"sources of [{outcome.Variant.Name}] written to {FailureReport.Dump(outcome.Variant)}\n");
        }

        Assert.Fail(message.ToString());
    }
}
