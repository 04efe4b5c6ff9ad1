using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Tests.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Robustness;

// The two analyzers below are test doubles handed to CompilationWithAnalyzers directly: no host loads
// them (RS1001), and their ids never ship (RS2008).
#pragma warning disable RS1001, RS2008

/// <summary>
/// State an analyzer keeps until the compilation end must not hold an operation. An operation keeps
/// its semantic model alive, with the bound and operation trees of every member of its file, which the
/// compiler frees as soon as the file is analysed: one kept call site per file retained about 100 MB on
/// the benchmark's 2,000 files.
/// </summary>
public sealed class RetentionTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    // Every kind of state the package keeps to the end: RDY107 call sites from async and hot paths,
    // function summaries, lock regions that wait for their callees' verdicts.
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;

        sealed class Quoter
        {
            private readonly object _gate = new();

            public async Task QuoteAsync()
            {
                Reprice();
                lock (_gate)
                {
                    Flush();
                }

                await Task.Yield();
            }

            [HotPath]
            public void OnTick() => Reprice();

            private void Reprice() => Throttle();

            private void Throttle() => Thread.Sleep(5);

            private void Flush() => Throttle();
        }

        sealed class HotPathAttribute : System.Attribute { }
        """;

    // In the full suite, with other test classes running, an analysis has twice ended with the file's
    // whole operation tree still reachable (7 of 7 calls, so its semantic model was), although run alone
    // the test has never failed and no state of the package holds an operation. An analyzer that keeps
    // an operation keeps it in every analysis, each on a fresh compilation, so an analysis that ends with
    // none alive decides; three that all end with calls alive fail the test.
    private const int Attempts = 3;

    [Fact]
    public async Task No_analyzer_keeps_an_operation_alive_until_the_compilation_end()
    {
        var alive = new List<int>();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var probe = new RetentionProbe();
            var diagnostics = await AnalyseAsync(AnalyzerDiscovery.CreateAnalyzers().Add(probe));

            Assert.Contains(diagnostics, d => d.Id == "RDY107"); // the call sites were recorded and reported
            Assert.True(probe.Seen >= 5, $"the probe saw {probe.Seen} calls");
            if (probe.AliveAtEnd == 0)
            {
                return;
            }

            alive.Add(probe.AliveAtEnd);
        }

        Assert.Fail($"calls still alive at the compilation end in each of {Attempts} analyses: {string.Join(", ", alive)}");
    }

    [Fact]
    public async Task The_probe_sees_an_operation_that_an_analyzer_keeps()
    {
        var probe = new RetentionProbe();
        await AnalyseAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new OperationKeeper(), probe));

        Assert.True(probe.Seen >= 5, $"the probe saw {probe.Seen} calls");
        Assert.Equal(probe.Seen, probe.AliveAtEnd);
    }

    private async Task<ImmutableArray<Diagnostic>> AnalyseAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = fixture.Compile(Source);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    /// <summary>
    /// Holds a weak reference to every invocation, and at the compilation end counts those still alive
    /// after a full collection. Compilation-end actions run after every operation action.
    /// </summary>
    private sealed class RetentionProbe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new(
            "PROBE01", "probe", "probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private readonly ConcurrentBag<WeakReference<IOperation>> _calls = new();

        public int Seen => _calls.Count;

        public int AliveAtEnd { get; private set; } = -1;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(c => _calls.Add(new WeakReference<IOperation>(c.Operation)), OperationKind.Invocation);
                start.RegisterCompilationEndAction(_ => AliveAtEnd = CountAlive());
            });
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private int CountAlive()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return _calls.Count(reference => reference.TryGetTarget(out _));
        }
    }

    /// <summary>The defect the first test guards against: an analyzer that keeps every call until the end.</summary>
    private sealed class OperationKeeper : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new(
            "KEEP01", "keeper", "keeper", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var kept = new List<IOperation>();
                start.RegisterOperationAction(c => { lock (kept) { kept.Add(c.Operation); } }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(_ => GC.KeepAlive(kept));
            });
        }
    }
}
