using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HttpClientAnalyzer, ReadinessAnalyzers.CodeFixes.HttpClientCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.HttpClient;

// Every client below sets a timeout within budget, so only RDY202 speaks (RDY201 has its own tests).
public sealed class RDY202HttpClientPerCallTests
{
    [Fact]
    public Task ClientsCreatedInAMethodBody_AreReportedWithoutFix()
    {
        var source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class ExchangeRestClient
            {
                async Task<string> GetTimeAsync()
                {
                    using var http = {|RDY202:new HttpClient()|};
                    http.Timeout = TimeSpan.FromMilliseconds(300);
                    return await http.GetStringAsync("https://api.venue.test/api/v3/time");
                }

                async Task<string> GetDepthAsync()
                {
                    using (var http = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) })
                    {
                        return await http.GetStringAsync("https://api.venue.test/api/v3/depth");
                    }
                }

                Task<string> GetTickerAsync()
                    => {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) }.GetStringAsync("https://api.venue.test/api/v3/ticker");

                async Task<string> GetBalanceAsync()
                {
                    var http = {|RDY202:new HttpClient(new HttpClientHandler())|};
                    http.Timeout = TimeSpan.FromMilliseconds(300);
                    var body = await http.GetStringAsync("https://api.venue.test/api/v3/account");
                    http.Dispose();
                    return body;
                }

                Task<string> GetFundingAsync() => Send({|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) });

                async Task<string> GetFillsAsync()
                {
                    using var api = new VenueApi({|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) });
                    return await api.FillsAsync();
                }

                async Task<string> GetPositionsAsync()
                {
                    using var http = {|RDY202:new VenueHttpClient()|};
                    return await http.GetStringAsync("https://api.venue.test/api/v3/positions");
                }

                static Task<string> Send(HttpClient http) => http.GetStringAsync("https://api.venue.test/api/v3/funding");
            }

            sealed class VenueApi(HttpClient http) : IDisposable
            {
                public Task<string> FillsAsync() => http.GetStringAsync("fills");
                public void Dispose() => http.Dispose();
            }

            sealed class VenueHttpClient : HttpClient
            {
                public VenueHttpClient() => Timeout = TimeSpan.FromMilliseconds(300);
            }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task Message_NamesTheMethod()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                class ExchangeRestClient
                {
                    async Task<TimeSpan> GetClockOffsetAsync()
                    {
                        using var http = {|#0:new HttpClient()|};
                        http.Timeout = TimeSpan.FromMilliseconds(300);
                        await http.GetStringAsync("https://api.venue.test/api/v3/time");
                        return TimeSpan.Zero;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientPerCall).WithLocation(0).WithArguments("GetClockOffsetAsync"));
        return test.RunAsync();
    }

    [Fact]
    public Task ClientsCreatedOnce_AreNotReported() => HttpClientFactoryStubs.AnalyzerAsync(
        """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using Microsoft.Extensions.DependencyInjection;

        class ExchangeRestClient
        {
            private static readonly HttpClient s_shared = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            private readonly HttpClient _field = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            private HttpClient Snapshots { get; } = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            private readonly Lazy<HttpClient> _lazy = new(() => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });
            private readonly HttpClient _fromConstructor;
            private static readonly HttpClient s_fromStaticConstructor;
            private HttpClient _lazyInit;
            private HttpClient _cached;
            private HttpClient _started;
            private readonly ConcurrentDictionary<string, HttpClient> _byVenue = new();
            private readonly Dictionary<string, HttpClient> _pool = new();
            private readonly List<HttpClient> _all = new();

            static ExchangeRestClient() => s_fromStaticConstructor = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            ExchangeRestClient()
            {
                _fromConstructor = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                using var warmUp = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            }

            HttpClient LazyInit() => LazyInitializer.EnsureInitialized(ref _lazyInit, () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });

            HttpClient Cached() => _cached ??= new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            void Start()
            {
                _started = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                var local = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                _pool["binance"] = local;
                _all.Add(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });
            }

            HttpClient ForVenue(string venue)
                => _byVenue.GetOrAdd(venue, _ => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });

            static void Register(IServiceCollection services)
            {
                services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });
                services.AddSingleton(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) });
            }
        }
        """);

    [Fact]
    public Task EntryPoints_AreNotReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;

                using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                var time = await http.GetStringAsync("https://api.venue.test/api/v3/time");
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task StaticMain_IsNotReportedButItsLambdasAre() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static async Task Main()
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                Func<Task<string>> poll = async () =>
                {
                    using var perPoll = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
                    return await perPoll.GetStringAsync("https://api.venue.test/api/v3/time");
                };
                await poll();
            }
        }
        """);

    // A factory method is judged where it is called: once (initializer, constructor) is fine, per call is not.
    [Fact]
    public Task FactoryMethods_AreJudgedAtTheirCalls() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class ExchangeRestClient
        {
            private static readonly HttpClient s_shared = Create();
            private readonly HttpClient _http;

            ExchangeRestClient() => _http = Create();

            static HttpClient Create() => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            static HttpClient CreateSigned()
            {
                var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                http.DefaultRequestHeaders.Add("X-KEY", "k");
                return http;
            }

            async Task<string> GetTimeAsync()
            {
                using var http = {|RDY202:Create()|};
                return await http.GetStringAsync("https://api.venue.test/api/v3/time");
            }

            async Task<string> GetAccountAsync()
            {
                using var http = {|RDY202:CreateSigned()|};
                return await http.GetStringAsync("https://api.venue.test/api/v3/account");
            }

            HttpClient Cached() => s_shared;
        }
        """);

    [Fact]
    public Task GetterCreatingAClientOnEveryAccess_IsReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class ExchangeRestClient
        {
            private HttpClient Http => {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
            private HttpClient Shared { get; } = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        }
        """);

    [Fact]
    public Task LambdasAndLocalFunctions_AreJudgedByThemselves() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        class Poller<TQuote>
        {
            private readonly Timer _timer;
            private readonly Func<HttpClient> _factory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            Poller()
            {
                _timer = new Timer(async _ =>
                {
                    using var http = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
                    await http.GetStringAsync("https://api.venue.test/api/v3/time");
                });
            }

            async Task PollAsync()
            {
                await Fetch();

                async Task Fetch()
                {
                    using var http = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
                    await http.GetStringAsync("https://api.venue.test/api/v3/time");
                }
            }
        }
        """);

    [Fact]
    public Task ClientReusedByALoopAfterItsCreation_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        class TickerWorker
        {
            async Task ExecuteAsync(CancellationToken ct)
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                while (!ct.IsCancellationRequested)
                {
                    await http.GetStringAsync("https://api.venue.test/api/v3/ticker", ct);
                    await Task.Delay(1000, ct);
                }
            }

            async Task BackfillAsync(string[] symbols, CancellationToken ct)
            {
                var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
                foreach (var symbol in symbols)
                {
                    await http.GetStringAsync("https://api.venue.test/api/v3/klines?symbol=" + symbol, ct);
                }
            }
        }
        """);

    [Fact]
    public Task ClientCreatedInsideALoop_IsReportedEvenInMain() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static async Task Main(string[] symbols)
            {
                foreach (var symbol in symbols)
                {
                    using var http = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
                    await http.GetStringAsync("https://api.venue.test/api/v3/ticker?symbol=" + symbol);
                }
            }

            static async Task PollAsync()
            {
                while (true)
                {
                    using var http = {|RDY202:new HttpClient|} { Timeout = TimeSpan.FromMilliseconds(300) };
                    await http.GetStringAsync("https://api.venue.test/api/v3/time");
                }
            }
        }
        """);
}
