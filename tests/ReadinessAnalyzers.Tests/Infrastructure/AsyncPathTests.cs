using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Infrastructure;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class AsyncPathTests(CompilationFixture fixture) : IClassFixture<CompilationFixture>
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Engine.Perf;
        using static Probes;

        """;

    private const string Declarations = """

        namespace Engine.Perf
        {
            [AttributeUsage(AttributeTargets.All)]
            public sealed class HotPathAttribute : Attribute { }
        }

        static class Probes
        {
            public static void Probe() { }
            public static int Probe(int value) => value;
        }

        static class Scheduler
        {
            public static void Run(Action action) => action();
        }
        """;

    private static readonly AnalyzerOptions s_noOptions = TestAnalyzerConfigOptionsProvider.Options();

    [Theory]
    [InlineData("async Task PlaceAsync() { Probe(); await Task.Yield(); }")]
    [InlineData("async void OnTick() { Probe(); await Task.Yield(); }")]
    [InlineData("Task PlaceAsync() { Probe(); return Task.CompletedTask; }")]
    [InlineData("Task<int> QuoteAsync() { Probe(); return Task.FromResult(1); }")]
    [InlineData("ValueTask CancelAsync() { Probe(); return default; }")]
    [InlineData("ValueTask<int> FillAsync() { Probe(); return new ValueTask<int>(1); }")]
    [InlineData("async IAsyncEnumerable<int> TicksAsync() { Probe(); await Task.Yield(); yield return 1; }")]
    [InlineData("IAsyncEnumerable<int> Ticks() { Probe(); return None(); } static async IAsyncEnumerable<int> None() { await Task.Yield(); yield break; }")]
    [InlineData("Task Quote { get { Probe(); return Task.CompletedTask; } }")]
    [InlineData("Task<int> Depth => Task.FromResult(Probe(1));")]
    [InlineData("void Start() { Func<Task> run = async () => { Probe(); await Task.Yield(); }; }")]
    [InlineData("void Start() { Func<Task> run = () => { Probe(); return Task.CompletedTask; }; }")]
    [InlineData("void Start() { async Task RunAsync() { Probe(); await Task.Yield(); } _ = RunAsync(); }")]
    [InlineData("void Start() { Task Run() { Probe(); return Task.CompletedTask; } _ = Run(); }")]
    [InlineData("void Start() { Action outer = () => { Func<Task> inner = async () => { Probe(); await Task.Yield(); }; }; }")]
    [InlineData("void Start() { _ = Task.Run(async () => { Probe(); await Task.Yield(); }); }")]
    [InlineData("Func<Task> _run = async () => { Probe(); await Task.Yield(); };")]
    [InlineData("[HotPath] async Task MatchAsync() { Probe(); await Task.Yield(); }")]
    public async Task Classify_AsyncOrAwaitableReturningFunction_IsAsync(string members)
    {
        var (withoutPool, withPool) = await ClassifyMembersAsync(members);

        Assert.Equal(AsyncPathKind.Async, withoutPool);
        Assert.Equal(AsyncPathKind.Async, withPool);
    }

    [Theory]
    [InlineData("void Apply() { Probe(); }")]
    [InlineData("int Depth() { Probe(); return 0; }")]
    [InlineData("int Depth => Probe(1);")]
    [InlineData("async Task RunAsync() { Action apply = () => Probe(); apply(); await Task.Yield(); }")]
    [InlineData("async Task RunAsync() { Apply(); await Task.Yield(); void Apply() { Probe(); } }")]
    [InlineData("Task RunAsync() { Apply(); return Task.CompletedTask; void Apply() { Probe(); } }")]
    [InlineData("void Start() { Func<Task> run = async () => { Action apply = () => Probe(); apply(); await Task.Yield(); }; }")]
    [InlineData("async Task StartAsync() { new Thread(() => Probe()).Start(); await Task.Yield(); }")]
    [InlineData("void Start() { Scheduler.Run(() => Probe()); }")]
    [InlineData("void Start(List<int> levels) { levels.ForEach(level => Probe()); }")]
    [InlineData("void Start() { Task.Factory.StartNew(() => Probe(), TaskCreationOptions.LongRunning); }")]
    [InlineData("void Start() { Task.Factory.StartNew(() => Probe(), CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default); }")]
    [InlineData("void Start(TaskCreationOptions options) { Task.Factory.StartNew(() => Probe(), options); }")]
    [InlineData("Action _apply = () => Probe();")]
    [InlineData("int _depth = Probe(1);")]
    [InlineData("public int Depth { get; } = Probe(1);")]
    public async Task Classify_SynchronousFunction_IsNone(string members)
    {
        var (withoutPool, withPool) = await ClassifyMembersAsync(members);

        Assert.Equal(AsyncPathKind.None, withoutPool);
        Assert.Equal(AsyncPathKind.None, withPool);
    }

    [Theory]
    [InlineData("void Start() { Task.Run(() => Probe()); }")]
    [InlineData("void Start() { Task.Run(() => { Probe(); }); }")]
    [InlineData("void Start() { Task.Run(() => Probe(1)); }")]
    [InlineData("void Start() { Task.Run(delegate { Probe(); }); }")]
    [InlineData("void Start() { Task.Run((Action)(() => Probe())); }")]
    [InlineData("void Start(CancellationToken ct) { Task.Run(action: () => Probe(), cancellationToken: ct); }")]
    [InlineData("async Task StartAsync() { await Task.Run(() => Probe()); }")]
    [InlineData("void Start() { Task.Factory.StartNew(() => Probe()); }")]
    [InlineData("void Start() { Task.Factory.StartNew(() => Probe(), TaskCreationOptions.None); }")]
    [InlineData("void Start() { Task.Factory.StartNew(() => Probe(), TaskCreationOptions.DenyChildAttach); }")]
    [InlineData("void Start() { Task<int>.Factory.StartNew(() => Probe(1)); }")]
    [InlineData("void Start() { new TaskFactory().StartNew(() => Probe()); }")]
    [InlineData("void Start() { ThreadPool.QueueUserWorkItem(_ => Probe()); }")]
    [InlineData("void Start() { ThreadPool.QueueUserWorkItem(new WaitCallback(_ => Probe())); }")]
    [InlineData("void Start() { ThreadPool.QueueUserWorkItem(depth => Probe(depth), 1, preferLocal: false); }")]
    [InlineData("void Start() { ThreadPool.UnsafeQueueUserWorkItem(_ => Probe(), null); }")]
    [InlineData("[HotPath] void Match() { Task.Run(() => Probe()); }")]
    [InlineData("Task _warmUp = Task.Run(() => Probe());")]
    public async Task Classify_SynchronousDelegateQueuedToThePool_IsThreadPoolOnlyWhenAsked(string members)
    {
        var (withoutPool, withPool) = await ClassifyMembersAsync(members);

        Assert.Equal(AsyncPathKind.None, withoutPool);
        Assert.Equal(AsyncPathKind.ThreadPool, withPool);
    }

    [Theory]
    [InlineData("[HotPath] void Match() { Probe(); }")]
    [InlineData("[HotPathAttribute] void Match() { Probe(); }")]
    [InlineData("[HotPath] int Depth { get { Probe(); return 0; } }")]
    [InlineData("int Depth { [HotPath] get { Probe(); return 0; } }")]
    [InlineData("void Match() { Local(); [HotPath] void Local() { Probe(); } }")]
    public async Task Classify_SynchronousHotPathMember_IsHotPath(string members)
    {
        var (withoutPool, withPool) = await ClassifyMembersAsync(members);

        Assert.Equal(AsyncPathKind.HotPath, withoutPool);
        Assert.Equal(AsyncPathKind.HotPath, withPool);
    }

    // Lambdas and local functions are judged by their own signature, not by their hot container's.
    [Theory]
    [InlineData("[HotPath] void Match() { Action apply = () => Probe(); apply(); }")]
    [InlineData("[HotPath] void Match() { Local(); void Local() { Probe(); } }")]
    public async Task Classify_SynchronousFunctionInsideHotPathMember_IsNone(string members)
    {
        var (withoutPool, _) = await ClassifyMembersAsync(members);

        Assert.Equal(AsyncPathKind.None, withoutPool);
    }

    [Fact]
    public async Task Classify_MemberOfHotPathType_IsHotPath()
    {
        var source = Usings + """
            [HotPath]
            sealed class Book
            {
                sealed class Level
                {
                    public void Update() { Probe(); }
                }
            }
            """ + Declarations;

        Assert.Equal(AsyncPathKind.HotPath, await ClassifyAsync(source, s_noOptions, includeThreadPool: false));
    }

    [Theory]
    [InlineData(ReadinessOptions.HotPathAttributesKey, "LowLatency")]
    [InlineData(ReadinessOptions.HotPathNamespacesKey, "Engine.Fast")]
    [InlineData(ReadinessOptions.HotPathTypesKey, "QuoteHandler")]
    [InlineData(ReadinessOptions.HotPathTypesKey, "Engine.Fast.Quotes.QuoteHandler")]
    public async Task Classify_MemberListedInConfiguration_IsHotPath(string key, string value)
    {
        var source = Usings + """
            namespace Engine.Fast.Quotes
            {
                sealed class LowLatencyAttribute : Attribute { }

                sealed class QuoteHandler
                {
                    [LowLatency]
                    public void OnQuote() { Probe(); }
                }
            }
            """ + Declarations;

        Assert.Equal(AsyncPathKind.None, await ClassifyAsync(source, s_noOptions, includeThreadPool: false));
        Assert.Equal(AsyncPathKind.HotPath, await ClassifyAsync(
            source, TestAnalyzerConfigOptionsProvider.Options((key, value)), includeThreadPool: false));
    }

    [Theory]
    [InlineData("Probe();\nawait Task.Yield();\n", AsyncPathKind.Async)]
    [InlineData("Probe();\n", AsyncPathKind.None)]
    [InlineData("Local();\nawait Task.Yield();\nvoid Local() { Probe(); }\n", AsyncPathKind.None)]
    [InlineData("await Task.Run(() => Probe());\n", AsyncPathKind.None)]
    internal async Task Classify_TopLevelStatements_FollowWhetherTheyAwait(string statements, AsyncPathKind expected)
    {
        var source = Usings + statements + Declarations;

        Assert.Equal(expected, await ClassifyAsync(source, s_noOptions, includeThreadPool: false, OutputKind.ConsoleApplication));
    }

    private Task<(AsyncPathKind WithoutPool, AsyncPathKind WithPool)> ClassifyMembersAsync(string members)
        => ClassifyBothAsync(Usings + "sealed class Desk\n{\n" + members + "\n}\n" + Declarations, s_noOptions);

    private async Task<AsyncPathKind> ClassifyAsync(
        string source, AnalyzerOptions options, bool includeThreadPool, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var (withoutPool, withPool) = await ClassifyBothAsync(source, options, kind);
        return includeThreadPool ? withPool : withoutPool;
    }

    private async Task<(AsyncPathKind WithoutPool, AsyncPathKind WithPool)> ClassifyBothAsync(
        string source, AnalyzerOptions options, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var site = await ProbeRecorder.FindSingleAsync(fixture.Compile(source, kind), options);
        var asyncPath = AsyncPath.Create(WellKnownTypes.GetOrCreate(site.Compilation), options);

        var withoutPool = asyncPath.Classify(site.Operation, site.ContainingSymbol, includeThreadPool: false);
        var withPool = asyncPath.Classify(site.Operation, site.ContainingSymbol, includeThreadPool: true);
        Assert.Equal(withoutPool != AsyncPathKind.None, asyncPath.IsOnAsyncPath(site.Operation, site.ContainingSymbol));
        return (withoutPool, withPool);
    }
}
