using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.FireAndForgetAnalyzer, ReadinessAnalyzers.CodeFixes.FireAndForgetCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.FireAndForget;

public sealed class RDY106DroppedTaskTests
{
    private const string Venue = """

        interface IVenue
        {
            Task SendAsync(string order);
            Task<bool> CancelAsync(string id);
            ValueTask FlushAsync();
        }
        """;

    [Fact]
    public Task DiscardInAsyncMethod_IsAwaited() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(IVenue venue)
            {
                _ = {|RDY106:venue.SendAsync("buy 1")|}; // fire it
                _ = {|RDY106:venue.FlushAsync()|};
                await Task.Yield();
            }
        }
        """ + Venue,
        """
        using System.Threading.Tasks;

        class Router
        {
            async Task RouteAsync(IVenue venue)
            {
                await venue.SendAsync("buy 1"); // fire it
                await venue.FlushAsync();
                await Task.Yield();
            }
        }
        """ + Venue);

    [Fact]
    public Task ConfiguredDiscard_IsAwaited() => Verify.CodeFixAsync(
        """
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task OnDropAsync(IVenue venue)
            {
                _ = {|RDY106:venue.SendAsync("resubscribe").ConfigureAwait(false)|}; // best effort
                _ = {|RDY106:venue.FlushAsync().ConfigureAwait(false)|};
                await Task.Yield();
            }
        }
        """ + Venue,
        """
        using System.Threading.Tasks;

        class Reconnector
        {
            async Task OnDropAsync(IVenue venue)
            {
                await venue.SendAsync("resubscribe").ConfigureAwait(false); // best effort
                await venue.FlushAsync().ConfigureAwait(false);
                await Task.Yield();
            }
        }
        """ + Venue);

    [Fact]
    public Task ConfiguredDrop_NamesTheConfiguredCall_AndOutsideAsyncHasNoFix()
    {
        var source = """
            using System.Threading.Tasks;

            class Reconnector
            {
                Task OnDrop(IVenue venue)
                {
                    {|#0:venue.CancelAsync("all").ConfigureAwait(false)|};
                    _ = {|#1:Task.Run(() => venue.SendAsync("flatten")).ConfigureAwait(false)|};
                    return Task.CompletedTask;
                }
            }
            """ + Venue;
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DroppedTask).WithLocation(0).WithArguments("CancelAsync"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DroppedTask).WithLocation(1).WithArguments("Task.Run"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredButObservedOrStoredTasks_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class Reconnector
        {
            Task OnDrop(IVenue venue)
            {
                var pending = venue.SendAsync("a");
                _ = pending.ConfigureAwait(false);
                _ = venue.SendAsync("b").ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted).ConfigureAwait(false);
                _ = Task.Run(() => { try { Recalculate(); } catch (Exception) { } }).ConfigureAwait(false);
                return pending;
            }

            void Start(IVenue venue) => _ = venue.SendAsync("login").ConfigureAwait(false);

            static void Recalculate() { }
        }
        """ + Venue);

    [Fact]
    public Task Message_NamesTheCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Router
                {
                    Task StopAsync(IVenue venue)
                    {
                        {|#0:venue.CancelAsync("all")|};
                        return Task.CompletedTask;
                    }
                }
                """ + Venue,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.DroppedTask).WithLocation(0).WithArguments("CancelAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task StatementsWhereTheCompilerIsSilent_AreReportedWithoutFix()
    {
        var source = """
            using System.Threading.Tasks;

            class Router
            {
                readonly object _gate = new();

                Task StopAsync(IVenue venue)
                {
                    {|RDY106:venue.SendAsync("flatten")|};
                    _ = {|RDY106:venue.CancelAsync("all")|};
                    return Task.CompletedTask;
                }

                [HotPath]
                void OnTick(IVenue venue)
                {
                    {|RDY106:venue.SendAsync("requote")|};
                    _ = {|RDY106:venue.FlushAsync()|};
                }

                async Task LockedAsync(IVenue venue)
                {
                    lock (_gate)
                    {
                        {|RDY106:venue.SendAsync("hedge")|};
                    }

                    await Task.Yield();
                }
            }

            sealed class HotPathAttribute : System.Attribute { }
            """ + Venue;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task FireAndForgetWithoutOwnCatch_IsReported()
    {
        var source = """
            using System.Threading;
            using System.Threading.Tasks;

            class Risk
            {
                async Task StartAsync(IVenue venue)
                {
                    _ = {|RDY106:Task.Run(() => venue.SendAsync("snapshot"))|};
                    _ = {|RDY106:Task.Factory.StartNew(() => Recalculate())|};
                    await Task.Yield();
                }

                Task StartSync(IVenue venue)
                {
                    {|RDY106:ThreadPool.QueueUserWorkItem(_ => Recalculate())|};
                    {|RDY106:Task.Run(async () => await venue.SendAsync("x"))|};
                    return Task.CompletedTask;
                }

                static void Recalculate() { }
            }
            """ + Venue;
        return Verify.AnalyzerAsync(source);
    }

    [Fact]
    public Task FireAndForgetThatCatchesItsOwnExceptions_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Risk
        {
            async Task StartAsync(IVenue venue, CancellationToken ct)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await venue.SendAsync("snapshot");
                    }
                    catch (Exception ex)
                    {
                        Console.Error.WriteLine(ex);
                    }
                });
                _ = Task.Run(() => PumpAsync(venue, ct));
                _ = Task.Run(Guarded);
                _ = Task.Factory.StartNew(() => { try { Recalculate(); } catch { } });
                await Task.Yield();
            }

            Task StartSync()
            {
                ThreadPool.QueueUserWorkItem(_ => { try { Recalculate(); } catch (System.Exception) { } });
                return Task.CompletedTask;
            }

            static async Task PumpAsync(IVenue venue, CancellationToken ct)
            {
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await venue.FlushAsync();
                    }
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine(ex);
                }
            }

            static void Guarded()
            {
                try { Recalculate(); }
                catch (Exception) { }
            }

            static void Recalculate() { }
        }
        """ + Venue);

    [Fact]
    public Task StoredReturnedPassedOrContinuedTasks_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        static class TaskExtensions
        {
            public static void Forget(this Task task) { }
            public static Task FireAndForgetSafe(this Task task) => task;
        }

        class Router
        {
            Task? _pending;
            readonly List<Task> _inflight = new();

            Task RouteAsync(IVenue venue)
            {
                var send = venue.SendAsync("a");
                _pending = venue.SendAsync("b");
                _inflight.Add(venue.SendAsync("c"));
                _ = venue.SendAsync("d").ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                venue.SendAsync("e").Forget();
                _ = venue.SendAsync("f").FireAndForgetSafe();
                Track(venue.SendAsync("g"));
                return Task.WhenAll(send, venue.SendAsync("h"));
            }

            void Track(Task task) => _inflight.Add(task);
        }
        """ + Venue);

    [Fact]
    public Task CallsTheCompilerReportsAsCS4014_AreLeftToIt()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Router
                {
                    async Task RouteAsync(IVenue venue)
                    {
                        {|CS4014:venue.SendAsync("buy")|};
                        {|CS4014:Task.Run(() => 1)|};
                        {|CS4014:venue.SendAsync("sell").ConfigureAwait(false)|};
                        await Task.Yield();
                    }

                    Task SyncAsync()
                    {
                        {|CS4014:RealAsync()|};
                        return Task.CompletedTask;
                    }

                    static async Task RealAsync() => await Task.Yield();
                }
                """ + Venue,
            // Compiler warnings are part of what this test proves: CS4014 is there, RDY106 is not.
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SyncCodeOffThePath_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Threading.Tasks;

        class Startup
        {
            void Start(IVenue venue)
            {
                venue.SendAsync("login");
                _ = venue.FlushAsync();
            }

            static void Main() => _ = Task.Run(() => 1);
        }
        """ + Venue);

    [Fact]
    public Task AsyncLambdaAndLocalFunctionDiscards_AreAwaited() => Verify.CodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;

        class Poller
        {
            void Start(IVenue venue)
            {
                Func<Task> poll = async () =>
                {
                    _ = {|RDY106:venue.FlushAsync()|};
                    await Task.Yield();
                };

                async Task RetryAsync()
                {
                    _ = {|RDY106:venue.SendAsync("retry")|};
                    await poll();
                }

                poll = RetryAsync;
            }
        }
        """ + Venue,
        """
        using System;
        using System.Threading.Tasks;

        class Poller
        {
            void Start(IVenue venue)
            {
                Func<Task> poll = async () =>
                {
                    await venue.FlushAsync();
                    await Task.Yield();
                };

                async Task RetryAsync()
                {
                    await venue.SendAsync("retry");
                    await poll();
                }

                poll = RetryAsync;
            }
        }
        """ + Venue);

    [Fact]
    public Task TopLevelDiscard_IsAwaited()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                _ = {|RDY106:Task.Delay(10)|};
                await Task.Yield();
                """,
            FixedCode = """
                using System.Threading.Tasks;

                await Task.Delay(10);
                await Task.Yield();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
