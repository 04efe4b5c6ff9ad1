using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.BlockingCallAnalyzer, ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.BlockingCall;

public sealed class RDY101ThreadSleepOnAsyncPathTests
{
    private const string HotPathAttribute = """

        [System.AttributeUsage(System.AttributeTargets.All)]
        sealed class HotPathAttribute : System.Attribute { }
        """;

    [Fact]
    public Task SleepsInAsyncMethod_AreReplacedByTaskDelay() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class QuoteFeed
        {
            async Task PollAsync()
            {
                {|RDY101:Thread.Sleep(250)|}; // back off
                {|RDY101:Thread.Sleep(50)|};
                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class QuoteFeed
        {
            async Task PollAsync()
            {
                await Task.Delay(250); // back off
                await Task.Delay(50);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheCallAndThePath()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class QuoteFeed
                {
                    async Task PollAsync() => {|#0:Thread.Sleep(250)|};
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;

                class QuoteFeed
                {
                    async Task PollAsync() => await Task.Delay(250);
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(0).WithArguments("Thread.Sleep", "an async path"));
        return test.RunAsync();
    }

    [Fact]
    public Task SingleCancellationTokenInScope_IsPassedToTaskDelay() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task ReconnectAsync(Uri venue, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    {|RDY101:Thread.Sleep(TimeSpan.FromMilliseconds(500))|};
                    await Task.Yield();
                }
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task ReconnectAsync(Uri venue, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                    await Task.Yield();
                }
            }
        }
        """);

    [Fact]
    public Task TokenOfEnclosingMethod_IsPassedFromAsyncLambda() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Heartbeat
        {
            Func<Task> Build(CancellationToken stopping) => async () =>
            {
                {|RDY101:Thread.Sleep(1000)|};
                await Task.Yield();
            };
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Heartbeat
        {
            Func<Task> Build(CancellationToken stopping) => async () =>
            {
                await Task.Delay(1000, stopping);
                await Task.Yield();
            };
        }
        """);

    [Fact]
    public Task TwoCancellationTokensInScope_NoneIsChosen() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(CancellationToken requestAborted, CancellationToken shutdown)
            {
                {|RDY101:Thread.Sleep(10)|};
                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(CancellationToken requestAborted, CancellationToken shutdown)
            {
                await Task.Delay(10);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task TokenLocalDeclaredAfterTheSleep_IsNotPassed() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync()
            {
                {|RDY101:Thread.Sleep(10)|};
                var ct = CancellationToken.None;
                await Task.Delay(1, ct);
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync()
            {
                await Task.Delay(10);
                var ct = CancellationToken.None;
                await Task.Delay(1, ct);
            }
        }
        """);

    [Fact]
    public Task TaskReturningMethodWithoutAsync_IsReportedWithoutFix() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class OrderGateway
        {
            Task<int> SubmitAsync()
            {
                {|RDY101:Thread.Sleep(20)|};
                return Task.FromResult(1);
            }

            ValueTask CancelAsync()
            {
                {|RDY101:Thread.Sleep(20)|};
                return default;
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class OrderGateway
        {
            Task<int> SubmitAsync()
            {
                {|RDY101:Thread.Sleep(20)|};
                return Task.FromResult(1);
            }

            ValueTask CancelAsync()
            {
                {|RDY101:Thread.Sleep(20)|};
                return default;
            }
        }
        """);

    [Fact]
    public Task AsyncIterator_IsFixed() => Verify.CodeFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        class TickStream
        {
            async IAsyncEnumerable<decimal> TicksAsync()
            {
                while (true)
                {
                    {|RDY101:Thread.Sleep(5)|};
                    yield return 1m;
                    await Task.Yield();
                }
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        class TickStream
        {
            async IAsyncEnumerable<decimal> TicksAsync()
            {
                while (true)
                {
                    await Task.Delay(5);
                    yield return 1m;
                    await Task.Yield();
                }
            }
        }
        """);

    [Fact]
    public Task SyncHotPathMethod_IsReportedWithoutFix()
    {
        var source = """
            using System.Threading;

            class OrderBook
            {
                [HotPath]
                public void OnQuote(decimal bid, decimal ask)
                {
                    {|#0:Thread.Sleep(1)|};
                }
            }
            """ + HotPathAttribute;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        var expected = new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(0).WithArguments("Thread.Sleep", "a hot path");
        test.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task HotPathOnContainingType_CoversEveryMember() => Verify.AnalyzerAsync(
        """
        using System.Threading;

        namespace Engine.Attributes
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class HotPath : System.Attribute { }
        }

        namespace Engine
        {
            [Engine.Attributes.HotPath]
            class QuoteHandler
            {
                class Nested
                {
                    void OnTrade() => {|RDY101:Thread.Sleep(1)|};
                }

                decimal Mid
                {
                    get
                    {
                        {|RDY101:Thread.Sleep(1)|};
                        return 0m;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task ConfiguredHotPathNamespace_IsHotPath()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;

                namespace Engine.Fast.Book
                {
                    class Depth
                    {
                        void Apply() => {|RDY101:Thread.Sleep(1)|};
                    }
                }

                namespace Engine.FastLane
                {
                    class Reports
                    {
                        void Write() => Thread.Sleep(1);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.hot_path_namespaces = Engine.Fast
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredHotPathAttributeAndType_AreHotPath()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;

                sealed class LowLatencyAttribute : System.Attribute { }

                class Quoter
                {
                    [LowLatency]
                    void Requote() => {|RDY101:Thread.Sleep(1)|};

                    void Report() => Thread.Sleep(1);
                }

                namespace Engine
                {
                    class FillHandler
                    {
                        void OnFill() => {|RDY101:Thread.Sleep(1)|};
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.hot_path_attributes = LowLatency
            readiness.hot_path_types = Engine.FillHandler
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AsyncLambdaAndAsyncLocalFunction_AreFixed() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Scheduler
        {
            void Start()
            {
                Func<Task> poll = async () => {|RDY101:Thread.Sleep(100)|};
                _ = Task.Run(async () =>
                {
                    {|RDY101:Thread.Sleep(100)|};
                    await poll();
                });

                async Task RetryAsync()
                {
                    {|RDY101:Thread.Sleep(100)|};
                    await poll();
                }

                _ = RetryAsync();
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Scheduler
        {
            void Start()
            {
                Func<Task> poll = async () => await Task.Delay(100);
                _ = Task.Run(async () =>
                {
                    await Task.Delay(100);
                    await poll();
                });

                async Task RetryAsync()
                {
                    await Task.Delay(100);
                    await poll();
                }

                _ = RetryAsync();
            }
        }
        """);

    [Fact]
    public Task SyncDelegatesQueuedToThePool_AreReportedWithoutFix()
    {
        var source = """
            using System.Threading;
            using System.Threading.Tasks;

            class RiskMonitor
            {
                void Start()
                {
                    Task.Run(() =>
                    {
                        {|#0:Thread.Sleep(5000)|};
                    });
                    Task.Factory.StartNew(() => {|#1:Thread.Sleep(5000)|});
                    ThreadPool.QueueUserWorkItem(_ => {|#2:Thread.Sleep(5000)|});
                    Task.Factory.StartNew(() => {|#3:Thread.Sleep(5000)|}, TaskCreationOptions.DenyChildAttach);
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        for (var i = 0; i < 4; i++)
        {
            var expected = new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(i).WithArguments("Thread.Sleep", "a thread-pool thread");
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
        }

        return test.RunAsync();
    }

    // Reported at the sleep while analysing the Task.Run call: a non-local diagnostic, with no fix.
    [Fact]
    public Task SyncMethodsQueuedAsMethodGroups_AreReportedWhereTheySleep()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                class PortfolioPoller
                {
                    CancellationToken _stop;

                    void Start()
                    {
                        Task.Run(Poll);
                        Task.Run(new Action(Poll), _stop);
                        ThreadPool.QueueUserWorkItem(Drain);
                        Task.Factory.StartNew(Journal, TaskCreationOptions.LongRunning);
                    }

                    void Poll()
                    {
                        while (!_stop.IsCancellationRequested)
                        {
                            {|#0:Thread.Sleep(3000)|};
                        }
                    }

                    void Drain(object? state) => {|#1:Thread.Sleep(50)|};

                    void Journal() => Thread.Sleep(1000);

                    void Unqueued() => Thread.Sleep(5);
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(0).WithArguments("Thread.Sleep", "a thread-pool thread"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(1).WithArguments("Thread.Sleep", "a thread-pool thread"));
        return test.RunAsync();
    }

    [Fact]
    public Task NewTaskAndNeverEndingPoolLambdas_AreThreadPoolThreads()
    {
        var source = """
            using System.Threading;
            using System.Threading.Tasks;

            class Watchdog
            {
                void Start()
                {
                    var delay = new Task(() => { {|#0:Thread.Sleep(100)|}; });
                    delay.Start();
                    Task.Run(() =>
                    {
                        while (true)
                        {
                            {|#1:Thread.Sleep(500)|};
                        }
                    });
                    new Task(() => Thread.Sleep(100), TaskCreationOptions.LongRunning).Start();
                }
            }
            """;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        for (var i = 0; i < 2; i++)
        {
            var expected = new DiagnosticResult(Rules.ThreadSleepOnAsyncPath).WithLocation(i).WithArguments("Thread.Sleep", "a thread-pool thread");
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
        }

        return test.RunAsync();
    }

    [Fact]
    public Task SpinUntilWithTimeout_IsReportedWithoutFix() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class FillWaiter
        {
            volatile bool _filled;

            async Task WaitForFillAsync()
            {
                {|RDY101:SpinWait.SpinUntil(() => _filled, 250)|};
                {|RDY101:SpinWait.SpinUntil(() => _filled, TimeSpan.FromSeconds(1))|};
                await Task.Yield();
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class FillWaiter
        {
            volatile bool _filled;

            async Task WaitForFillAsync()
            {
                {|RDY101:SpinWait.SpinUntil(() => _filled, 250)|};
                {|RDY101:SpinWait.SpinUntil(() => _filled, TimeSpan.FromSeconds(1))|};
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task SleepInsideLockOnAsyncPath_IsReportedWithoutFix() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Book
        {
            readonly object _gate = new();

            async Task ApplyAsync()
            {
                {|RDY103:lock (_gate)|}
                {
                    {|RDY101:Thread.Sleep(1)|};
                }

                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Book
        {
            readonly object _gate = new();

            async Task ApplyAsync()
            {
                {|RDY103:lock (_gate)|}
                {
                    {|RDY101:Thread.Sleep(1)|};
                }

                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task GenericAndPartialTypes_AreFixed() => Verify.CodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        partial class Venue<TOrder> where TOrder : class
        {
            async Task<TOrder?> NextAsync<TState>(TState state)
            {
                {|RDY101:Thread.Sleep(1)|};
                await Task.Yield();
                return null;
            }
        }

        partial class Venue<TOrder>
        {
            async ValueTask FlushAsync()
            {
                {|RDY101:Thread.Sleep(1)|};
                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        partial class Venue<TOrder> where TOrder : class
        {
            async Task<TOrder?> NextAsync<TState>(TState state)
            {
                await Task.Delay(1);
                await Task.Yield();
                return null;
            }
        }

        partial class Venue<TOrder>
        {
            async ValueTask FlushAsync()
            {
                await Task.Delay(1);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task TopLevelStatementsWithAwait_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                {|RDY101:Thread.Sleep(100)|};
                await Task.Yield();
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;

                await Task.Delay(100);
                await Task.Yield();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task TopLevelStatementsWithoutAwait_AreNotAnAsyncPath()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading;

                Thread.Sleep(100);
                System.Console.WriteLine("started");
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task SyncMainAndSyncMethods_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading;

        static class Program
        {
            static void Main()
            {
                Thread.Sleep(1000);
                Warmup();
            }

            static void Warmup() => Thread.Sleep(10);
        }
        """);

    [Fact]
    public Task DedicatedThreadLoopInsideAsyncMethod_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Heartbeat
        {
            volatile bool _running = true;

            async Task StartAsync()
            {
                var thread = new Thread(() =>
                {
                    while (_running)
                    {
                        Thread.Sleep(1000);
                    }
                });
                thread.Start();
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task LongRunningTaskAndUnreadableOptions_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Journal
        {
            void Start(TaskCreationOptions options)
            {
                Task.Factory.StartNew(() =>
                {
                    while (true) { Thread.Sleep(100); }
                }, TaskCreationOptions.LongRunning);
                Task.Factory.StartNew(() => Thread.Sleep(100), CancellationToken.None,
                    TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
                Task.Factory.StartNew(() => Thread.Sleep(100), options);
            }
        }
        """);

    [Fact]
    public Task SyncLambdaAndSyncLocalFunctionInsideAsyncMethod_AreJudgedByTheirOwnSignature() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Backoff
        {
            async Task RunAsync()
            {
                Action pause = () => Thread.Sleep(10);
                void Pause() => Thread.Sleep(10);
                await Task.Yield();
                pause();
                Pause();
            }
        }
        """);

    [Fact]
    public Task ZeroSleepSpinUntilWithoutTimeoutAndLookalikes_AreNotRDY101() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        namespace Vendor
        {
            static class Thread
            {
                public static void Sleep(int ms) { }
            }
        }

        class Feed
        {
            volatile bool _ready;

            async Task PumpAsync()
            {
                System.Threading.Thread.Sleep(0);
                {|RDY103:System.Threading.SpinWait.SpinUntil(() => _ready)|};
                Vendor.Thread.Sleep(100);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task GeneratedCode_IsNotReported() => Verify.AnalyzerAsync(
        """
        // <auto-generated/>
        using System.Threading;
        using System.Threading.Tasks;

        class GeneratedClient
        {
            async Task CallAsync()
            {
                Thread.Sleep(100);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task FixAll_RewritesEveryDocument()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Feed.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                async Task PollAsync()
                {
                    {|RDY101:Thread.Sleep(1)|};
                    await Task.Yield();
                }
            }
            """));
        test.TestState.Sources.Add(("Router.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            class Router
            {
                async Task RouteAsync()
                {
                    /* keep */ {|RDY101:Thread.Sleep(2)|}; // trailing
                    await Task.Yield();
                }
            }
            """));
        test.FixedState.Sources.Add(("Feed.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                async Task PollAsync()
                {
                    await Task.Delay(1);
                    await Task.Yield();
                }
            }
            """));
        test.FixedState.Sources.Add(("Router.cs", """
            using System.Threading;
            using System.Threading.Tasks;

            class Router
            {
                async Task RouteAsync()
                {
                    /* keep */ await Task.Delay(2); // trailing
                    await Task.Yield();
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task MissingTasksImport_IsAddedByTheFix() => Verify.CodeFixAsync(
        """
        using System.Threading;

        class Feed
        {
            async System.Threading.Tasks.Task PollAsync()
            {
                {|RDY101:Thread.Sleep(1)|};
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Feed
        {
            async System.Threading.Tasks.Task PollAsync()
            {
                await Task.Delay(1);
            }
        }
        """);
}
