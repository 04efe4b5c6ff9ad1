using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY103BlockingSynchronizationTests
{
    [Fact]
    public Task SemaphoreSlimWait_IsAwaitedAsWaitAsyncWithTheToken() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class OrderGate
        {
            readonly SemaphoreSlim _gate = new(1, 1);

            async Task SubmitAsync(CancellationToken ct)
            {
                {|RDY103:_gate.Wait()|}; // one order at a time
                try { await Task.Yield(); } finally { _gate.Release(); }
                if (!{|RDY103:_gate.Wait(TimeSpan.FromMilliseconds(50), ct)|})
                {
                    return;
                }

                {|RDY103:_gate.Wait(250)|};
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class OrderGate
        {
            readonly SemaphoreSlim _gate = new(1, 1);

            async Task SubmitAsync(CancellationToken ct)
            {
                await _gate.WaitAsync(ct); // one order at a time
                try { await Task.Yield(); } finally { _gate.Release(); }
                if (!await _gate.WaitAsync(TimeSpan.FromMilliseconds(50), ct))
                {
                    return;
                }

                await _gate.WaitAsync(250, ct);
            }
        }
        """);

    [Fact]
    public Task Message_NamesThePrimitive()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class Feed
                {
                    readonly ManualResetEventSlim _snapshot = new();

                    async Task RunAsync()
                    {
                        {|#0:_snapshot.Wait()|};
                        await Task.Yield();
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingSynchronization).WithLocation(0).WithArguments(
            "ManualResetEventSlim.Wait",
            "parks this thread on an async path until it is signalled; await a signal instead (SemaphoreSlim.WaitAsync, TaskCompletionSource, Channel<T>)"));
        return test.RunAsync();
    }

    [Fact]
    public Task EveryBlockingPrimitive_IsReported()
    {
        var source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Engine
            {
                readonly object _book = new();
                readonly Mutex _mutex = new();
                readonly ManualResetEvent _ready = new(false);
                readonly AutoResetEvent _tick = new(false);
                readonly CountdownEvent _acks = new(2);
                readonly Barrier _phase = new(2);
                readonly ReaderWriterLockSlim _rw = new();
                volatile bool _flag;

                async Task RunAsync(Thread worker)
                {
                    {|RDY103:Monitor.Wait(_book)|};
                    {|RDY103:Monitor.TryEnter(_book, 100)|};
                    {|RDY103:_mutex.WaitOne()|};
                    {|RDY103:_ready.WaitOne(TimeSpan.FromSeconds(1))|};
                    {|RDY103:_tick.WaitOne()|};
                    {|RDY103:WaitHandle.WaitAll(new WaitHandle[] { _ready, _tick })|};
                    {|RDY103:_acks.Wait()|};
                    {|RDY103:_phase.SignalAndWait()|};
                    {|RDY103:_rw.EnterReadLock()|};
                    {|RDY103:_rw.EnterWriteLock()|};
                    {|RDY103:_rw.TryEnterUpgradeableReadLock(100)|};
                    {|RDY103:SpinWait.SpinUntil(() => _flag)|};
                    {|RDY103:worker.Join()|};
                    await Task.Yield();
                }
            }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task HotPathMethod_IsReportedWithoutFix()
    {
        var source = """
            using System.Threading;

            class Book
            {
                readonly SemaphoreSlim _gate = new(1, 1);

                [HotPath]
                void Apply() => {|RDY103:_gate.Wait()|};
            }

            sealed class HotPathAttribute : System.Attribute { }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task NonBlockingTriesAndAsyncForms_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            readonly SemaphoreSlim _gate = new(1, 1);
            readonly ManualResetEvent _ready = new(false);
            long _sequence;

            async Task RunAsync(CancellationToken ct)
            {
                if (_gate.Wait(0)) { _gate.Release(); }
                if (_gate.Wait(TimeSpan.Zero, ct)) { _gate.Release(); }
                await _gate.WaitAsync(ct);
                _gate.Release();
                _ = _ready.WaitOne(0);
                Interlocked.Increment(ref _sequence);
            }

            void Sync()
            {
                _gate.Wait();
                _ready.WaitOne();
            }
        }
        """);

    [Fact]
    public Task LockHeldAcrossBlockingWork_IsReportedAtTheLockAndNamesTheCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();
                    string _snapshot = "";

                    async Task CheckpointAsync(string path)
                    {
                        {|#0:lock (_book)|}
                        {
                            {|RDY104:File.WriteAllText(path, _snapshot)|};
                        }

                        await Task.Yield();
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingSynchronization).WithLocation(0).WithArguments(
            "lock (_book)",
            "holds the lock across 'File.WriteAllText' on an async path: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockOnHotPathWithBlockingBody_IsReported() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Quoter
        {
            readonly object _quotes = new();
            Task<decimal> _fair = Task.FromResult(0m);

            [HotPath]
            decimal OnTick()
            {
                {|RDY103:lock (_quotes)|}
                {
                    return {|RDY102:_fair.Result|};
                }
            }

            [HotPath]
            void Throttle()
            {
                {|RDY103:lock (_quotes)|}
                {
                    if (_fair.IsCompleted)
                    {
                        {|RDY101:Thread.Sleep(1)|};
                    }
                }
            }
        }

        sealed class HotPathAttribute : System.Attribute { }
        """);

    [Fact]
    public Task MonitorEnterRegionWithBlockingWork_IsReported() => Verify.AnalyzerAsync(
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Journal
        {
            readonly object _gate = new();

            async Task AppendAsync(string line)
            {
                var taken = false;
                try
                {
                    {|RDY103:Monitor.Enter(_gate, ref taken)|};
                    {|RDY104:File.AppendAllText("journal.log", line)|};
                }
                finally
                {
                    if (taken) Monitor.Exit(_gate);
                }

                {|RDY108:Monitor.Enter(_gate)|};
                Monitor.Exit(_gate);
                {|RDY104:File.AppendAllText("after.log", line)|};
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task LockEnterScopeRegions_AreJudgedByTheirBody() => Verify.AnalyzerAsync(
        """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace System.Threading
        {
            public sealed class Lock
            {
                public Scope EnterScope() => default;
                public void Enter() { }
                public void Exit() { }
                public ref struct Scope { public void Dispose() { } }
            }
        }

        class Positions
        {
            readonly Lock _lock = new();
            decimal _net;

            // A ref struct scope cannot live in an async method; a Task-returning one is still an async path.
            Task SaveAsync(string path)
            {
                using ({|RDY103:_lock.EnterScope()|})
                {
                    {|RDY104:File.WriteAllText(path, _net.ToString())|};
                }

                using ({|RDY108:_lock.EnterScope()|})
                {
                    _net += 1;
                }

                {|RDY108:_lock.Enter()|};
                _net -= 1;
                _lock.Exit();
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task LockWhoseBlockingWorkIsInALambda_IsOnlyRDY108() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Scheduler
        {
            readonly object _gate = new();
            Action? _later;
            Task<int> _done = Task.FromResult(1);

            async Task PlanAsync()
            {
                await _done;
                {|RDY108:lock (_gate)|}
                {
                    _later = () => Thread.Sleep(100);
                    var n = _done.Result;
                }
            }
        }
        """);

    [Fact]
    public Task LocksOffTheAsyncPath_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.IO;
        using System.Threading;

        class Reports
        {
            readonly object _gate = new();

            void Write(string path)
            {
                lock (_gate)
                {
                    File.WriteAllText(path, "eod");
                    Thread.Sleep(10);
                }

                new Thread(() =>
                {
                    lock (_gate) { File.AppendAllText(path, "x"); }
                }).Start();
            }
        }
        """);

    [Fact]
    public Task LockAcrossSourceMethodThatBlocks_IsReportedAtTheLockWithTheChain()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class OrderBook
                {
                    readonly object _book = new();

                    async Task CheckpointAsync(string path)
                    {
                        {|#0:lock (_book)|}
                        {
                            {|#1:Save(path)|};
                        }

                        await Task.Yield();
                    }

                    void Save(string path) => File.WriteAllText(path, "snapshot");
                }
                """,
        });
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingSynchronization).WithLocation(0).WithArguments(
            "lock (_book)",
            "holds the lock across 'Save()', which blocks: Save → File.WriteAllText (line 18), on an async path: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(1)
            .WithArguments("Save()", "Save → File.WriteAllText (line 18)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockAcrossThreeCallChainIntoAnotherFile_NamesTheFileAndLine()
    {
        var test = WithBlockingChain(new Verify.Test());
        test.TestState.Sources.Add(("OrderBook.cs", """
            using System.Threading.Tasks;

            partial class OrderBook
            {
                readonly object _book = new();

                async Task OnTickAsync()
                {
                    await Task.Yield();
                    {|#0:lock (_book)|}
                    {
                        _ = Depth();
                        {|#1:RefreshBook()|};
                    }
                }

                int Depth() => 10;

                void RefreshBook() => LoadSnapshot();

                void LoadSnapshot() => _ = Snapshots.Read("book.json");
            }
            """));
        test.TestState.Sources.Add(("Snapshots.cs", """
            using System.IO;

            static class Snapshots
            {
                public static string Read(string path)
                {
                    return File.ReadAllText(path);
                }
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingSynchronization).WithLocation(0).WithArguments(
            "lock (_book)",
            "holds the lock across 'RefreshBook()', which blocks: RefreshBook → LoadSnapshot → Read → File.ReadAllText (Snapshots.cs, line 7), on an async path: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingCallChain).WithLocation(1)
            .WithArguments("RefreshBook()", "RefreshBook → LoadSnapshot → Read → File.ReadAllText (Snapshots.cs, line 7)", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task MonitorEnterRegionAcrossBlockingSourceMethod_IsReported()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                class Journal
                {
                    readonly object _gate = new();

                    [HotPath]
                    void Append(string line)
                    {
                        var taken = false;
                        try
                        {
                            {|#0:Monitor.Enter(_gate, ref taken)|};
                            {|RDY107:Write(line)|};
                        }
                        finally
                        {
                            if (taken) Monitor.Exit(_gate);
                        }
                    }

                    void Write(string line) => File.AppendAllText("journal.log", line);
                }

                sealed class HotPathAttribute : System.Attribute { }
                """,
        });
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.BlockingSynchronization).WithLocation(0).WithArguments(
            "Monitor.Enter",
            "holds the lock across 'Write()', which blocks: Write → File.AppendAllText (line 24), on a hot path: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>"));
        return test.RunAsync();
    }

    [Fact]
    public Task LockEnterScopeAcrossBlockingSourceMethod_IsReported()
    {
        var test = WithBlockingChain(new Verify.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;

                namespace System.Threading
                {
                    public sealed class Lock
                    {
                        public Scope EnterScope() => default;
                        public ref struct Scope { public void Dispose() { } }
                    }
                }

                class Positions
                {
                    readonly Lock _lock = new();

                    Task SaveAsync(string path)
                    {
                        using ({|RDY103:_lock.EnterScope()|})
                        {
                            {|RDY107:Persist(path)|};
                        }

                        return Task.CompletedTask;
                    }

                    void Persist(string path) => File.WriteAllText(path, "net");
                }
                """,
        });
        return test.RunAsync();
    }

    // A lock whose body calls source methods is decided by BlockingChainAnalyzer at compilation end,
    // through its CompilationEnd twins of RDY103/RDY108; markup ids resolve to the first descriptor
    // with that id (id, message, location and severity are what the harness compares).
    private static Verify.Test WithBlockingChain(Verify.Test test)
    {
        test.AlongsideAnalyzers.Add(new BlockingChainAnalyzer());
        test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
        return test;
    }
}
