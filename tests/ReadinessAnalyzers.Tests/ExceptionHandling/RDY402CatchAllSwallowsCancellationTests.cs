using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ReadinessAnalyzers.Tests.ExceptionHandling.ExceptionHandlingTest;

namespace ReadinessAnalyzers.Tests.ExceptionHandling;

public sealed class RDY402CatchAllSwallowsCancellationTests
{
    private const string RethrowCancellation = "RDY402.RethrowCancellation";

    private const string HotPathAttribute = """

        [System.AttributeUsage(System.AttributeTargets.All)]
        sealed class HotPathAttribute : System.Attribute { }
        """;

    [Fact]
    public Task Message_NamesTheCatch() => AnalyzeAsync(
        """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class MarketDataFeed
        {
            private volatile bool _running = true;

            public async Task RunAsync(Uri endpoint, CancellationToken ct)
            {
                while (_running)
                {
                    try
                    {
                        using var socket = new ClientWebSocket();
                        await socket.ConnectAsync(endpoint, ct);
                    }
                    {|#0:catch (Exception ex)|}
                    {
                        Console.Error.WriteLine($"disconnected ({ex.Message}); reconnecting");
                    }
                }
            }
        }
        """,
        new DiagnosticResult(Rules.CatchAllSwallowsCancellation).WithLocation(0).WithArguments("catch (Exception ex)"));

    [Fact]
    public Task BareCatchThatBreaks_IsReportedByBothRules() => AnalyzeAsync(
        """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class MarketDataFeed
        {
            async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
            {
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    ValueWebSocketReceiveResult result;
                    try
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                    }
                    {|RDY401:{|RDY402:catch|}|}
                    {
                        break; // the outer loop reconnects
                    }

                    Console.WriteLine(result.Count);
                }
            }
        }
        """);

    [Fact]
    public Task EveryLoopKindAndAsyncPath_IsReported() => AnalyzeAsync(
        """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            private readonly BlockingCollection<string> _orders = new();

            async Task ForAsync(CancellationToken ct)
            {
                for (var i = 0; i < 10; i++)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "send failed"); }
                }
            }

            async Task ForEachAsync(IEnumerable<string> symbols, CancellationToken ct)
            {
                foreach (var symbol in symbols)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "{Symbol} failed", symbol); }
                }
            }

            async Task DoWhileAsync(CancellationToken ct)
            {
                do
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (SystemException ex)|} { logger.LogError(ex, "send failed"); }
                }
                while (true);
            }

            // The loop re-checks the token, but the try does real work: a cancellation mid-send is still
            // logged as a failure and the task completes as if nothing happened.
            async Task RecheckingLoopAroundWorkAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "send failed"); }
                }
            }

            Task ReturnsTaskWithoutAsync(CancellationToken ct) => Task.Run(async () =>
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "send failed"); }
                }
            });

            [HotPath]
            void DrainOnHotPath(CancellationToken ct)
            {
                while (true)
                {
                    try { Console.WriteLine(_orders.Take(ct)); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "drain failed"); }
                }
            }

            // The back-off throws once the token is cancelled, so the loop does stop, but only after the
            // cancellation was logged as a failure: an error-level alert on every planned restart.
            async Task BacksOffWithTheTokenAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|}
                    {
                        logger.LogError(ex, "send failed");
                        await Task.Delay(1000, ct);
                    }

                    await Task.Delay(10, ct);
                }
            }

            async Task SleepsWithoutTheTokenAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|}
                    {
                        logger.LogError(ex, "send failed");
                        await Task.Delay(1000);
                    }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """ + HotPathAttribute);

    [Fact]
    public Task TopLevelStatementsAndLocalFunctions_AreReported()
    {
        var test = new ReadinessAnalyzers.Tests.CodeFixVerifier<ExceptionHandlingAnalyzer, CodeFixes.ExceptionHandlingCodeFixProvider>.Test
        {
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;
                    using System.Threading;
                    using System.Threading.Tasks;

                    using var cts = new CancellationTokenSource();
                    while (true)
                    {
                        try
                        {
                            await Task.Delay(100, cts.Token);
                            await PumpAsync(cts.Token);
                        }
                        {|RDY402:catch (Exception ex)|}
                        {
                            Console.Error.WriteLine(ex.Message);
                        }
                    }

                    static async Task PumpAsync(CancellationToken ct)
                    {
                        for (var i = 0; ; i++)
                        {
                            try { await Task.Delay(i, ct); await Task.Yield(); }
                            {|RDY402:catch (Exception ex)|} { Console.Error.WriteLine(ex); }
                        }
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task CancellationClauseOrFilter_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    catch (OperationCanceledException) { throw; }
                    catch (Exception ex) { logger.LogError(ex, "send failed"); }

                    try { await SendAsync(ct); }
                    catch (TaskCanceledException) when (ct.IsCancellationRequested) { return; }
                    catch (Exception ex) { logger.LogError(ex, "send failed"); }

                    try { await SendAsync(ct); }
                    catch (Exception ex) when (!ct.IsCancellationRequested) { logger.LogError(ex, "send failed"); }

                    try { await SendAsync(ct); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "send failed"); }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CancellableWaitInALoopThatRechecksTheToken_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Heartbeat
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await BeatAsync();
                    try
                    {
                        await Task.Delay(1000, ct);
                    }
                    catch (Exception)
                    {
                    }
                }
            }

            Task BeatAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task HandlerThatLetsCancellationOut_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Reconnector(ILogger<Reconnector> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await ConnectAsync(ct); }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "connect failed");
                        throw;
                    }

                    try { await ConnectAsync(ct); }
                    catch (Exception ex)
                    {
                        if (ct.IsCancellationRequested)
                        {
                            break;
                        }

                        logger.LogError(ex, "connect failed");
                    }

                    try { await ConnectAsync(ct); }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "connect failed; backing off");
                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }
                }
            }

            Task ConnectAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task NearMisses_AreNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            private readonly BlockingCollection<string> _orders = new();

            // Not in a loop.
            async Task OnceAsync(CancellationToken ct)
            {
                try { await SendAsync(ct); }
                catch (Exception ex) { logger.LogError(ex, "send failed"); }
            }

            // The loop is outside the lambda that holds the try.
            void StartAll(string[] symbols, CancellationToken ct)
            {
                foreach (var symbol in symbols)
                {
                    _ = Task.Run(async () =>
                    {
                        try { await SendAsync(ct); }
                        catch (Exception ex) { logger.LogError(ex, "{Symbol} failed", symbol); }
                    });
                }
            }

            // A synchronous method that is not a hot path.
            void Drain(CancellationToken ct)
            {
                while (true)
                {
                    try { Console.WriteLine(_orders.Take(ct)); }
                    catch (Exception ex) { logger.LogError(ex, "drain failed"); }
                }
            }

            // No token reaches the try: there is no cancellation to swallow.
            async Task PollAsync()
            {
                while (true)
                {
                    try { await SendAsync(CancellationToken.None); }
                    catch (Exception ex) { logger.LogError(ex, "poll failed"); }
                }
            }

            // A specific exception type does not catch cancellation.
            async Task RetryAsync(HttpClient http, CancellationToken ct)
            {
                while (true)
                {
                    try { await http.GetStringAsync("api/v3/time", ct); }
                    catch (HttpRequestException ex) { logger.LogError(ex, "poll failed"); }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Fix_InsertsACancellationClauseBeforeTheCatchAll() => FixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await SendAsync(ct);
                    }
                    catch (ArgumentException ex)
                    {
                        logger.LogError(ex, "bad order");
                    }
                    // keep quoting whatever happens
                    {|RDY402:catch (Exception ex)|}
                    {
                        logger.LogError(ex, "send failed");
                    }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await SendAsync(ct);
                    }
                    catch (ArgumentException ex)
                    {
                        logger.LogError(ex, "bad order");
                    }
                    catch (OperationCanceledException)
                    {
                        throw;
                    }
                    // keep quoting whatever happens
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "send failed");
                    }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """,
        RethrowCancellation);

    [Fact]
    public Task Fix_KeepsOneLineCatchesOnOneLine() => FixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    {|RDY402:catch (Exception ex)|} { logger.LogError(ex, "send failed"); }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Engine(ILogger<Engine> logger)
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await SendAsync(ct); }
                    catch (OperationCanceledException) { throw; }
                    catch (Exception ex) { logger.LogError(ex, "send failed"); }
                }
            }

            Task SendAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """,
        RethrowCancellation);

    [Fact]
    public Task Fix_AddsUsingSystem_WhenMissing() => FixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            private int _failures;

            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await Task.Yield();
                        ct.ThrowIfCancellationRequested();
                    }
                    {|RDY401:{|RDY402:catch|}|}
                    {
                        _failures++;
                    }
                }
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            private int _failures;

            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await Task.Yield();
                        ct.ThrowIfCancellationRequested();
                    }
                    catch (OperationCanceledException)
                    {
                        throw;
                    }
                    {|RDY401:catch|}
                    {
                        _failures++;
                    }
                }
            }
        }
        """,
        RethrowCancellation);

    [Fact]
    public Task RethrowFixOfRDY401_AlsoResolvesRDY402() => FixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await Task.Delay(10, ct);
                        await Task.Yield();
                    }
                    {|RDY401:{|RDY402:catch (Exception)|}|}
                    {
                        continue;
                    }
                }
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Engine
        {
            async Task RunAsync(CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await Task.Delay(10, ct);
                        await Task.Yield();
                    }
                    catch (Exception)
                    {
                        throw;
                    }
                }
            }
        }
        """,
        "RDY401.Rethrow");
}
