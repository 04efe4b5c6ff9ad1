using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ReadinessAnalyzers.Tests.ExceptionHandling.ExceptionHandlingTest;

namespace ReadinessAnalyzers.Tests.ExceptionHandling;

public sealed class RDY401SwallowedExceptionTests
{
    private const string Rethrow = "RDY401.Rethrow";
    private const string LogError = "RDY401.LogError";

    [Fact]
    public Task Message_NamesTheCatch() => AnalyzeAsync(
        """
        using System;
        using System.Threading.Tasks;

        class ExchangeClient
        {
            public async Task<bool> CancelOrderAsync(string orderId)
            {
                try
                {
                    await Task.Delay(1);
                    return true;
                }
                {|#0:catch (Exception)|}
                {
                    return false;
                }
            }
        }
        """,
        new DiagnosticResult(Rules.SwallowedException).WithLocation(0).WithArguments("catch (Exception)"));

    [Fact]
    public Task EveryCatchAllForm_IsReported() => AnalyzeAsync(
        """
        using System;

        class PositionBook
        {
            private bool _healthy = true;
            private string _state = "";

            void Bare()
            {
                try { Load(); }
                [|catch|]
                {
                }
            }

            void Typed()
            {
                try { Load(); }
                [|catch (Exception)|]
                {
                }
            }

            void Named()
            {
                try { Load(); }
                [|catch (Exception ex)|]
                {
                }
            }

            void Qualified()
            {
                try { Load(); }
                [|catch (System.SystemException)|]
                {
                }
            }

            bool ReturnsFalse()
            {
                try { Load(); return true; }
                [|catch (Exception ex)|]
                {
                    return false;
                }
            }

            string? ReturnsNull()
            {
                try { Load(); return _state; }
                [|catch|]
                {
                    return null;
                }
            }

            decimal ReturnsDefault()
            {
                try { Load(); return 1m; }
                [|catch (Exception)|]
                {
                    return default;
                }
            }

            void SetsAFlag()
            {
                try { Load(); }
                [|catch (Exception)|]
                {
                    _healthy = false;
                }
            }

            void Load() { }
        }
        """.Replace("[|", "{|RDY401:", System.StringComparison.Ordinal).Replace("|]", "|}", System.StringComparison.Ordinal));

    [Fact]
    public Task CatchAllWithAComment_IsStillReported() => AnalyzeAsync(
        """
        using System;

        class Journal
        {
            void Flush()
            {
                try
                {
                    Write();
                }
                {|RDY401:catch (Exception)|}
                {
                    // best effort: the journal is rewritten on restart
                }
            }

            void Write() { }
        }
        """);

    [Fact]
    public Task CatchAllThatRecoversWithoutTheException_IsReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading.Tasks;

        class FeedSupervisor
        {
            async Task RestartAsync()
            {
                try
                {
                    await ConnectAsync();
                }
                {|RDY401:catch (Exception)|}
                {
                    Console.WriteLine("connect failed, falling back"); // prints that it failed, never why
                    await LoginAsync(); // Login is not Log
                }
            }

            Task ConnectAsync() => Task.CompletedTask;

            Task LoginAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task FilterThatDoesNotInspectTheException_IsStillACatchAll() => AnalyzeAsync(
        """
        using System;

        class Quoter
        {
            private bool _running;

            void Requote()
            {
                try { Send(); }
                {|RDY401:catch (Exception)|} when (_running)
                {
                }

                try { Send(); }
                {|RDY401:catch (Exception ex)|} when (ex is not OperationCanceledException)
                {
                }
            }

            void Send() { }
        }
        """);

    [Fact]
    public Task NarrowCatchThatOnlyReturnsADefault_WithoutAComment_IsReported() => AnalyzeAsync(
        """
        using System;
        using System.Text.Json;

        class TickerParser
        {
            decimal? ParseLast(string payload)
            {
                try
                {
                    return JsonDocument.Parse(payload).RootElement.GetProperty("last").GetDecimal();
                }
                {|RDY401:catch (JsonException)|}
                {
                    return null;
                }
            }

            void Touch(string path)
            {
                try { System.IO.File.Delete(path); }
                {|RDY401:catch (Exception ex)|} when (ex is System.IO.IOException)
                {
                }
            }
        }
        """);

    [Fact]
    public Task ThrowInsideANestedLambda_DoesNotCount() => AnalyzeAsync(
        """
        using System;

        class Router
        {
            private Action? _onFailure;

            void Route()
            {
                try { Send(); }
                {|RDY401:catch (Exception)|}
                {
                    _onFailure = () => throw new InvalidOperationException("route failed");
                }
            }

            void Send() { }
        }
        """);

    [Fact]
    public Task CatchesThatRethrowThrowLogOrUseTheException_AreNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        record OrderResult(bool Ok, string? Error)
        {
            public static OrderResult Failed(string error) => new(false, error);
        }

        static class Log
        {
            public static void Error(string message) { }
        }

        class AuditLog
        {
            public void Write(string line) { }
        }

        class OrderRouter(ILogger<OrderRouter> logger)
        {
            private readonly AuditLog _audit = new();
            private Exception? _lastError;

            async Task<OrderResult> PlaceAsync()
            {
                try { await SendAsync(); }
                catch (Exception) { throw; }

                try { await SendAsync(); }
                catch { throw new InvalidOperationException("venue rejected the order"); }

                try { await SendAsync(); }
                catch (Exception) { logger.LogWarning("send failed, order parked"); }

                try { await SendAsync(); }
                catch (Exception) { Log.Error("send failed"); }

                try { await SendAsync(); }
                catch (Exception) { _audit.Write("send failed"); }

                try { await SendAsync(); }
                catch (Exception) { LogFailure(); }

                try { await SendAsync(); }
                catch (Exception ex) { _lastError = ex; }

                try { await SendAsync(); }
                catch (Exception ex) { Console.Error.WriteLine($"send failed: {ex.Message}"); }

                // Not swallowed; killing the process from here is RDY403's finding, not RDY401's.
                try { await SendAsync(); }
                catch (Exception ex) { {|RDY403:Environment.FailFast("order state is corrupt", ex)|}; }

                try
                {
                    await SendAsync();
                    return new OrderResult(true, null);
                }
                catch (Exception ex)
                {
                    return OrderResult.Failed(ex.Message);
                }
            }

            void LogFailure() { }

            Task SendAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CancellationCatches_AreNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class FillPump
        {
            async Task PumpAsync(CancellationToken ct)
            {
                try { await Task.Delay(1000, ct); }
                catch (OperationCanceledException) { }

                try { await Task.Delay(1000, ct); }
                catch (TaskCanceledException) { return; }

                try { await Task.Delay(1000, ct); }
                catch (Exception ex) when (ex is OperationCanceledException) { }

                try { await Task.Delay(1000, ct); }
                catch (Exception ex) when (ex is OperationCanceledException && ct.IsCancellationRequested) { }
            }
        }
        """);

    [Fact]
    public Task ObjectDisposedBesideACancellationCatch_IsTheShutdownSignal() => AnalyzeAsync(
        """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class Feed
        {
            async Task ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
            {
                var buffer = new byte[4096];
                while (!ct.IsCancellationRequested)
                {
                    try { await socket.ReceiveAsync(buffer, ct); }
                    catch (OperationCanceledException) { }
                    catch (ObjectDisposedException) { }
                    catch (WebSocketException ex) { Console.Error.WriteLine(ex); }
                }
            }

            void Send(ClientWebSocket socket)
            {
                try { socket.Abort(); }
                {|RDY401:catch (ObjectDisposedException)|} { }
            }
        }
        """);

    [Fact]
    public Task NarrowCatchWithAComment_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Text.Json;

        class TickerParser
        {
            decimal? ParseLast(string payload)
            {
                try
                {
                    return JsonDocument.Parse(payload).RootElement.GetProperty("last").GetDecimal();
                }
                catch (JsonException)
                {
                    // The venue sends "" for an instrument that has not traded yet: no last price.
                    return null;
                }
            }

            void Touch(string path)
            {
                try { System.IO.File.Delete(path); }
                catch (System.IO.IOException) { } // another process holds it; the next rotation removes it
            }
        }
        """);

    [Fact]
    public Task NarrowCatchThatRecovers_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class RestClient
        {
            async Task<string> GetWithRetryAsync(HttpClient http, string path)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await http.GetStringAsync(path);
                    }
                    catch (HttpRequestException) when (attempt < 3)
                    {
                        await Task.Delay(100 * attempt);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task NarrowCatchThatComputesAFallback_IsNotReported() => AnalyzeAsync(
        """
        using System;

        class Greeks
        {
            decimal AnnualTheta(decimal thetaPerDay)
            {
                try
                {
                    return thetaPerDay * 365m;
                }
                catch (OverflowException)
                {
                    return thetaPerDay < 0 ? decimal.MinValue : decimal.MaxValue;
                }
            }
        }
        """);

    [Fact]
    public Task UnresolvedLoggingCall_CountsAsLogging() => AnalyzeAsync(
        """
        using System;

        class Downloader
        {
            bool Download(string path)
            {
                try
                {
                    System.IO.File.ReadAllBytes(path);
                    return true;
                }
                catch
                {
                    {|CS0103:Log|}.Error($"download failed for {path}");
                    return false;
                }
            }

            bool Upload(string path)
            {
                try
                {
                    System.IO.File.ReadAllBytes(path);
                    return true;
                }
                {|RDY401:catch|}
                {
                    {|CS0103:Retry|}.Schedule(path);
                    return false;
                }
            }
        }
        """);

    [Fact]
    public Task CancellableWaitWithLoggingOrAGuard_IsNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class Poller(ILogger<Poller> logger)
        {
            private readonly SemaphoreSlim _wake = new(0);

            async Task PollAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var delay = TimeSpan.FromSeconds(5);
                    try
                    {
                        if (delay > TimeSpan.Zero)
                            logger.LogInformation("next poll in {Delay}", delay);

                        await _wake.WaitAsync(delay, ct).ConfigureAwait(false);
                    }
                    catch { }

                    await PollOnceAsync(ct);
                }
            }

            async Task RetryAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await PollOnceAsync(ct);
                    try
                    {
                        if (!ct.IsCancellationRequested)
                        {
                            Logger?.LogInformation("pausing");
                            await DelayAsync(ct);
                        }
                    }
                    catch { /* ignore */ }
                }
            }

            ILogger? Logger => logger;

            Task DelayAsync(CancellationToken ct) => Task.Delay(1000, ct);

            Task PollOnceAsync(CancellationToken ct) => Task.CompletedTask;
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
            private readonly SemaphoreSlim _wake = new(0);

            async Task RunAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await BeatAsync();
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }
                    catch
                    {
                    }
                }
            }

            async Task WaitLoopAsync(CancellationToken ct)
            {
                while (true)
                {
                    if (ct.IsCancellationRequested)
                    {
                        break;
                    }

                    try { await _wake.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false); }
                    catch (Exception) { }

                    await BeatAsync();
                }
            }

            Task BeatAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CancellableWaitOutsideARecheckingLoop_IsReported() => AnalyzeAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Heartbeat
        {
            async Task BeatOnceAsync(CancellationToken ct)
            {
                try { await Task.Delay(1000, ct); }
                {|RDY401:catch|} { }

                await SendAsync(); // runs even when the engine was cancelled
            }

            async Task SpinAsync(CancellationToken ct)
            {
                while (true)
                {
                    try { await Task.Delay(1000, ct); }
                    {|RDY401:{|RDY402:catch (Exception)|}|} { }

                    await SendAsync();
                }
            }

            async Task WaitsOnMoreThanTheDelayAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(1000, ct);
                        await SendAsync();
                    }
                    {|RDY401:catch (TimeoutException)|}
                    {
                    }
                }
            }

            Task SendAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task CatchesInLambdasLocalFunctionsAccessorsAndGenerics_AreReported() => AnalyzeAsync(
        """
        #nullable enable
        using System;
        using System.Threading.Tasks;

        partial class Cache<TKey> where TKey : notnull
        {
            public decimal Mark
            {
                get
                {
                    try { return Load(); }
                    {|RDY401:catch|} { return 0m; }
                }
            }

            decimal Load() => 1m;
        }

        partial class Cache<TKey>
        {
            Task WarmAsync() => Task.Run(() =>
            {
                try { Load(); }
                {|RDY401:catch (Exception)|} { }
            });

            void Refresh()
            {
                Local();

                void Local()
                {
                    try { Load(); }
                    {|RDY401:catch (Exception e)|} { }
                }
            }

            T Get<T>(Func<T> read) where T : struct
            {
                try { return read(); }
                {|RDY401:catch|} { return default; }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_AreReported()
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

                    try
                    {
                        Console.WriteLine("starting engine");
                    }
                    {|RDY401:catch (Exception)|}
                    {
                    }
                    """,
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Rethrow_ReplacesAFinalReturn() => FixAsync(
        """
        using System;
        using System.Threading.Tasks;

        class ExchangeClient
        {
            public async Task<bool> CancelOrderAsync(string orderId)
            {
                try
                {
                    await Task.Delay(1);
                    return true;
                }
                {|RDY401:catch (Exception)|}
                {
                    return false; // the caller retries
                }
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;

        class ExchangeClient
        {
            public async Task<bool> CancelOrderAsync(string orderId)
            {
                try
                {
                    await Task.Delay(1);
                    return true;
                }
                catch (Exception)
                {
                    throw; // the caller retries
                }
            }
        }
        """,
        Rethrow);

    [Fact]
    public Task Rethrow_GoesAfterTheStatementsAndComments() => FixAsync(
        """
        using System;

        class PositionBook
        {
            private bool _healthy = true;

            void Reload()
            {
                try
                {
                    Load();
                }
                {|RDY401:catch|}
                {
                    // best effort
                }

                try
                {
                    Load();
                }
                {|RDY401:catch (Exception ex)|}
                {
                    _healthy = false;
                }
            }

            void Load() { }
        }
        """,
        """
        using System;

        class PositionBook
        {
            private bool _healthy = true;

            void Reload()
            {
                try
                {
                    Load();
                }
                catch
                {
                    // best effort
                    throw;
                }

                try
                {
                    Load();
                }
                catch (Exception ex)
                {
                    _healthy = false;
                    throw;
                }
            }

            void Load() { }
        }
        """,
        Rethrow);

    [Fact]
    public Task Rethrow_KeepsOneLineCatchesOnOneLine() => FixAsync(
        """
        using System;

        class Journal
        {
            bool Flush()
            {
                try { Console.Out.Flush(); return true; }
                {|RDY401:catch|} { /* ignore */ }

                try { Console.Out.Flush(); return true; }
                {|RDY401:catch (Exception)|} { return false; }
            }
        }
        """,
        """
        using System;

        class Journal
        {
            bool Flush()
            {
                try { Console.Out.Flush(); return true; }
                catch { /* ignore */ throw; }

                try { Console.Out.Flush(); return true; }
                catch (Exception) { throw; }
            }
        }
        """,
        Rethrow);

    [Fact]
    public Task Fixes_KeepOneLineCatchesOnOneLine() => FixAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        class Journal(ILogger<Journal> logger)
        {
            bool Flush()
            {
                try { Console.Out.Flush(); return true; }
                {|RDY401:catch|} { /* ignore */ }

                try { Console.Out.Flush(); return true; }
                {|RDY401:catch (Exception)|} { return false; }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        class Journal(ILogger<Journal> logger)
        {
            bool Flush()
            {
                try { Console.Out.Flush(); return true; }
                catch (Exception ex) { /* ignore */ logger.LogError(ex, "Flush failed"); }

                try { Console.Out.Flush(); return true; }
                catch (Exception ex) { logger.LogError(ex, "Flush failed"); return false; }
            }
        }
        """,
        LogError);

    [Fact]
    public Task LogError_UsesTheLoggerField_AndNamesTheException() => FixAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class ExchangeClient
        {
            private readonly ILogger<ExchangeClient> _logger;

            public ExchangeClient(ILogger<ExchangeClient> logger) => _logger = logger;

            public async Task<bool> CancelOrderAsync(string orderId)
            {
                try
                {
                    await Task.Delay(1);
                    return true;
                }
                {|RDY401:catch (Exception)|}
                {
                    return false;
                }
            }

            public void Flush()
            {
                try
                {
                    Write();
                }
                {|RDY401:catch|}
                {
                    // best effort
                }
            }

            public void Close()
            {
                try
                {
                    Write();
                }
                {|RDY401:catch (Exception e)|}
                {
                }
            }

            void Write() { }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class ExchangeClient
        {
            private readonly ILogger<ExchangeClient> _logger;

            public ExchangeClient(ILogger<ExchangeClient> logger) => _logger = logger;

            public async Task<bool> CancelOrderAsync(string orderId)
            {
                try
                {
                    await Task.Delay(1);
                    return true;
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "CancelOrderAsync failed");
                    return false;
                }
            }

            public void Flush()
            {
                try
                {
                    Write();
                }
                catch (Exception ex)
                {
                    // best effort
                    _logger.LogError(ex, "Flush failed");
                }
            }

            public void Close()
            {
                try
                {
                    Write();
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "Close failed");
                }
            }

            void Write() { }
        }
        """,
        LogError);

    [Fact]
    public Task Rethrow_IsOfferedBesideLogError_AsASeparateEntry() => FixAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        class ExchangeClient(ILogger<ExchangeClient> logger)
        {
            public bool Cancel(string orderId)
            {
                try
                {
                    Console.WriteLine(orderId);
                    return true;
                }
                {|RDY401:catch (Exception)|}
                {
                    return false;
                }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        class ExchangeClient(ILogger<ExchangeClient> logger)
        {
            public bool Cancel(string orderId)
            {
                try
                {
                    Console.WriteLine(orderId);
                    return true;
                }
                catch (Exception)
                {
                    throw;
                }
            }
        }
        """,
        Rethrow);

    [Fact]
    public Task LogError_PrefersTheParameter_AndAvoidsANameInUse() => FixAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        class Reconciler
        {
            private readonly ILogger _logger;

            public Reconciler(ILogger logger) => _logger = logger;

            public static void Reconcile(ILogger log, string ex)
            {
                try
                {
                    Console.WriteLine(ex);
                }
                {|RDY401:catch (InvalidOperationException)|}
                {
                }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        class Reconciler
        {
            private readonly ILogger _logger;

            public Reconciler(ILogger logger) => _logger = logger;

            public static void Reconcile(ILogger log, string ex)
            {
                try
                {
                    Console.WriteLine(ex);
                }
                catch (InvalidOperationException exception)
                {
                    log.LogError(exception, "Reconcile failed");
                }
            }
        }
        """,
        LogError);

    [Fact]
    public Task LogError_UsesALoggerPropertyInheritedFromTheBaseClass() => FixAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        abstract class VenueService
        {
            protected VenueService(ILogger logger) => Logger = logger;

            protected ILogger Logger { get; }
        }

        sealed class Reconciler : VenueService
        {
            public Reconciler(ILogger logger) : base(logger) { }

            public void Reconcile(string venue)
            {
                try
                {
                    Console.WriteLine(venue);
                }
                {|RDY401:catch (InvalidOperationException)|}
                {
                }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        abstract class VenueService
        {
            protected VenueService(ILogger logger) => Logger = logger;

            protected ILogger Logger { get; }
        }

        sealed class Reconciler : VenueService
        {
            public Reconciler(ILogger logger) : base(logger) { }

            public void Reconcile(string venue)
            {
                try
                {
                    Console.WriteLine(venue);
                }
                catch (InvalidOperationException ex)
                {
                    Logger.LogError(ex, "Reconcile failed");
                }
            }
        }
        """,
        LogError);

    [Fact]
    public Task LogError_UsesTheForeachLoggerAroundTheCatch() => FixAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        static class Fanout
        {
            public static void Publish(IEnumerable<ILogger> sinks, string venue)
            {
                foreach (var sink in sinks)
                {
                    try
                    {
                        Console.WriteLine(venue);
                    }
                    {|RDY401:catch (InvalidOperationException)|}
                    {
                    }
                }
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        static class Fanout
        {
            public static void Publish(IEnumerable<ILogger> sinks, string venue)
            {
                foreach (var sink in sinks)
                {
                    try
                    {
                        Console.WriteLine(venue);
                    }
                    catch (InvalidOperationException ex)
                    {
                        sink.LogError(ex, "Publish failed");
                    }
                }
            }
        }
        """,
        LogError);

    [Fact]
    public Task LogError_AddsTheLoggingUsing_WhenTheLoggerIsFullyQualified() => FixAsync(
        """
        using System;

        class Journal(Microsoft.Extensions.Logging.ILogger<Journal> logger)
        {
            public void Flush()
            {
                try
                {
                    Console.Out.Flush();
                }
                {|RDY401:catch (Exception)|}
                {
                }
            }

            public void Close()
            {
                try
                {
                    Console.Out.Close();
                }
                {|RDY401:catch|}
                {
                }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        class Journal(Microsoft.Extensions.Logging.ILogger<Journal> logger)
        {
            public void Flush()
            {
                try
                {
                    Console.Out.Flush();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Flush failed");
                }
            }

            public void Close()
            {
                try
                {
                    Console.Out.Close();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Close failed");
                }
            }
        }
        """,
        LogError);

    [Fact]
    public Task LogError_IsNotOffered_InStaticCodeWithAnInstanceLogger()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            class Settings
            {
                private readonly ILogger _logger = null!;

                public static int ParsePort(string text)
                {
                    try
                    {
                        return int.Parse(text);
                    }
                    {|RDY401:catch (Exception)|}
                    {
                        return 443;
                    }
                }
            }
            """;
        return FixAsync(source, source, LogError);
    }

    [Fact]
    public Task LogError_IsNotOffered_WithTwoLoggersOfTheSameKind()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            class Settings
            {
                private readonly ILogger _audit = null!;
                private readonly ILogger _trace = null!;

                public int ParsePort(string text)
                {
                    try
                    {
                        return int.Parse(text);
                    }
                    {|RDY401:catch (Exception)|}
                    {
                        return 443;
                    }
                }
            }
            """;
        return FixAsync(source, source, LogError);
    }

    [Fact]
    public Task LogError_IsNotOffered_WithoutMicrosoftExtensionsLogging()
    {
        const string source = """
            using System;

            interface ILogger
            {
                void LogError(Exception ex, string message);
            }

            class Settings(ILogger logger)
            {
                public int ParsePort(string text)
                {
                    try
                    {
                        return int.Parse(text);
                    }
                    {|RDY401:catch (Exception)|}
                    {
                        return 443;
                    }
                }
            }
            """;
        return FixAsync(source, source, LogError, withLogging: false);
    }

    [Fact]
    public Task Rethrow_IsOffered_WithoutMicrosoftExtensionsLogging() => FixAsync(
        """
        using System;

        class Settings
        {
            public int ParsePort(string text)
            {
                try
                {
                    return int.Parse(text);
                }
                {|RDY401:catch (Exception)|}
                {
                    return 443;
                }
            }
        }
        """,
        """
        using System;

        class Settings
        {
            public int ParsePort(string text)
            {
                try
                {
                    return int.Parse(text);
                }
                catch (Exception)
                {
                    throw;
                }
            }
        }
        """,
        Rethrow,
        withLogging: false);
}
