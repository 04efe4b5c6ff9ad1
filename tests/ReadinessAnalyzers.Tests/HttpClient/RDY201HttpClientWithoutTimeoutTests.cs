using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HttpClientAnalyzer, ReadinessAnalyzers.CodeFixes.HttpClientCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.HttpClient;

public sealed class RDY201HttpClientWithoutTimeoutTests
{
    [Fact]
    public Task ClientsCreatedWithoutTimeout_GetOneInTheirInitializer() => Verify.CodeFixAsync(
        """
        using System;
        using System.Net.Http;

        class ExchangeRestClient
        {
            private readonly HttpClient _orders = {|RDY201:new HttpClient()|};
            private readonly HttpClient _public;
            private readonly HttpClient _signed;
            private readonly HttpClient _private;
            private readonly HttpClient _snapshots;

            ExchangeRestClient(HttpMessageHandler handler)
            {
                // order entry
                _public = {|RDY201:new HttpClient(handler)|} { BaseAddress = new Uri("https://api.venue.test") };
                _signed = {|RDY201:new HttpClient(handler, disposeHandler: false)|}
                {
                    BaseAddress = new Uri("https://api.venue.test"), // signed endpoints
                    MaxResponseContentBufferSize = 1 << 20
                };
                _private = {|RDY201:new HttpClient(handler)|}
                {
                    BaseAddress = new Uri("https://api.venue.test"),
                };
                _snapshots = {|RDY201:new HttpClient(handler)|} { BaseAddress = new Uri("https://api.venue.test"), };
            }
        }
        """,
        """
        using System;
        using System.Net.Http;

        class ExchangeRestClient
        {
            private readonly HttpClient _orders = new HttpClient() { Timeout = TimeSpan.FromMilliseconds(500) };
            private readonly HttpClient _public;
            private readonly HttpClient _signed;
            private readonly HttpClient _private;
            private readonly HttpClient _snapshots;

            ExchangeRestClient(HttpMessageHandler handler)
            {
                // order entry
                _public = new HttpClient(handler) { BaseAddress = new Uri("https://api.venue.test"), Timeout = TimeSpan.FromMilliseconds(500) };
                _signed = new HttpClient(handler, disposeHandler: false)
                {
                    BaseAddress = new Uri("https://api.venue.test"), // signed endpoints
                    MaxResponseContentBufferSize = 1 << 20,
                    Timeout = TimeSpan.FromMilliseconds(500)
                };
                _private = new HttpClient(handler)
                {
                    BaseAddress = new Uri("https://api.venue.test"),
                    Timeout = TimeSpan.FromMilliseconds(500),
                };
                _snapshots = new HttpClient(handler) { BaseAddress = new Uri("https://api.venue.test"), Timeout = TimeSpan.FromMilliseconds(500), };
            }
        }
        """);

    [Fact]
    public Task TargetTypedNewAndMissingUsing_AreFixed() => Verify.CodeFixAsync(
        """
        using System.Net.Http;

        class Feed
        {
            private static readonly HttpClient s_http = {|RDY201:new()|};
            private readonly HttpClient _empty = {|RDY201:new HttpClient|} { };
        }
        """,
        """
        using System;
        using System.Net.Http;

        class Feed
        {
            private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromMilliseconds(500) };
            private readonly HttpClient _empty = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        }
        """);

    [Fact]
    public Task Message_NamesTheDefault100Seconds()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _http = {|#0:new HttpClient()|};
                }
                """,
            FixedCode = """
                using System;
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _http = new HttpClient() { Timeout = TimeSpan.FromMilliseconds(500) };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientWithoutTimeout).WithLocation(0)
            .WithArguments("new HttpClient", "never sets Timeout", "for the default 100 s", 500));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheOverBudgetValue()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _http = new HttpClient { {|#0:Timeout = TimeSpan.FromSeconds(30)|} };
                }
                """,
            FixedCode = """
                using System;
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientWithoutTimeout).WithLocation(0)
            .WithArguments("HttpClient.Timeout", "is set to 30 s", "for 30 s", 500));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheInfiniteTimeout()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Threading;

                class Venue
                {
                    void Configure(HttpClient http)
                    {
                        {|#0:http.Timeout = Timeout.InfiniteTimeSpan|};
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Net.Http;
                using System.Threading;

                class Venue
                {
                    void Configure(HttpClient http)
                    {
                        http.Timeout = TimeSpan.FromMilliseconds(500);
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientWithoutTimeout).WithLocation(0)
            .WithArguments("HttpClient.Timeout", "is set to Timeout.InfiniteTimeSpan", "indefinitely", 500));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheRegistration()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                class ExchangeClient
                {
                    public ExchangeClient(HttpClient http) { }
                }

                static class Startup
                {
                    static void Register(IServiceCollection services)
                    {
                        services.{|#0:AddHttpClient<ExchangeClient>()|};
                        services.{|#1:AddHttpClient("binance")|};
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                class ExchangeClient
                {
                    public ExchangeClient(HttpClient http) { }
                }

                static class Startup
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<ExchangeClient>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
                        services.AddHttpClient("binance").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
                    }
                }
                """,
        };
        test.TestState.Sources.Add((HttpClientFactoryStubs.Path, HttpClientFactoryStubs.Source));
        test.FixedState.Sources.Add((HttpClientFactoryStubs.Path, HttpClientFactoryStubs.Source));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientWithoutTimeout).WithLocation(0)
            .WithArguments("AddHttpClient<ExchangeClient>", "never sets Timeout", "for the default 100 s", 500));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HttpClientWithoutTimeout).WithLocation(1)
            .WithArguments("AddHttpClient(\"binance\")", "never sets Timeout", "for the default 100 s", 500));
        return test.RunAsync();
    }

    [Fact]
    public Task TimeoutAssignedToTheSameInstance_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        partial class Venue
        {
            private readonly HttpClient _fromField = new HttpClient();
            private HttpClient Snapshots { get; } = new HttpClient();
            private static readonly HttpClient s_shared = new HttpClient();
            private readonly HttpClient _inConstructor;
            private readonly HttpClient _throughThis;

            static Venue() => s_shared.Timeout = TimeSpan.FromMilliseconds(250);

            Venue()
            {
                _fromField.Timeout = TimeSpan.FromMilliseconds(300);
                Snapshots.Timeout = TimeSpan.FromMilliseconds(300);
                _inConstructor = new HttpClient();
                _inConstructor.Timeout = TimeSpan.FromMilliseconds(400);
                this._throughThis = new HttpClient(new HttpClientHandler());
                this._throughThis.Timeout = TimeSpan.FromMilliseconds(400);
            }

            async Task<string> PingAsync()
            {
                using var http = {|RDY202:new HttpClient()|};
                http.Timeout = TimeSpan.FromMilliseconds(200);
                return await http.GetStringAsync("ping");
            }
        }
        """);

    [Fact]
    public Task TimeoutSetInAnotherPartOfAPartialClass_IsNotReported()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/Venue.Fields.cs", """
            using System.Net.Http;

            partial class Venue
            {
                private readonly HttpClient _http = new HttpClient();
            }
            """));
        test.TestState.Sources.Add(("/0/Venue.cs", """
            using System;

            partial class Venue
            {
                Venue() => _http.Timeout = TimeSpan.FromMilliseconds(300);
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task TimeoutOnAnotherInstanceOrInAnotherMethod_IsReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class Venue
        {
            private readonly HttpClient _orders = {|RDY201:new HttpClient()|};
            private HttpClient _quotes;

            Venue()
            {
                var http = {|RDY201:new HttpClient()|};
                var other = new HttpClient { Timeout = TimeSpan.FromMilliseconds(100) };
                other.Timeout = TimeSpan.FromMilliseconds(200);
                _quotes = {|RDY201:new HttpClient()|};
            }

            void Configure() => _orders.Timeout = TimeSpan.FromMilliseconds(300);
        }
        """);

    [Fact]
    public Task ClientPassedToAHelperThatSetsItsTimeout_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class Venue
        {
            private readonly HttpClient _http;
            private readonly VenueApi _api;

            Venue()
            {
                _http = new HttpClient();
                Configure(_http);
                var local = new HttpClient();
                _api = new VenueApi(local);
                _api = new VenueApi(new HttpClient());
            }

            static void Configure(HttpClient client) => client.Timeout = TimeSpan.FromMilliseconds(300);
        }

        class VenueApi
        {
            private readonly HttpClient _http;

            public VenueApi(HttpClient http)
            {
                _http = http;
                _http.Timeout = TimeSpan.FromMilliseconds(400);
            }
        }

        class OrderApi : VenueApi
        {
            public OrderApi() : base(new HttpClient()) { }
        }

        class QuoteApi
        {
            public QuoteApi(HttpClient http) { }

            static QuoteApi Create() => new QuoteApi({|RDY201:new HttpClient()|});
        }
        """);

    [Fact]
    public Task OverBudgetAndInfiniteValues_AreReplacedByTheBudget() => Verify.CodeFixAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading;

        class Venue
        {
            private const int SnapshotTimeoutMs = 2_000;
            private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(5);

            void Configure(HttpClient a, HttpClient b, HttpClient c, HttpClient d, HttpClient e, HttpClient f, HttpClient g, HttpClient h, HttpClient i)
            {
                {|RDY201:a.Timeout = TimeSpan.FromSeconds(2)|}; // snapshots
                {|RDY201:b.Timeout = TimeSpan.FromMilliseconds(501)|};
                {|RDY201:c.Timeout = new TimeSpan(0, 0, 1)|};
                {|RDY201:d.Timeout = TimeSpan.FromMilliseconds(SnapshotTimeoutMs)|};
                {|RDY201:e.Timeout = s_slow|};
                {|RDY201:f.Timeout = Timeout.InfiniteTimeSpan|};
                {|RDY201:g.Timeout = TimeSpan.FromMilliseconds(Timeout.Infinite)|};
                {|RDY201:h.Timeout = TimeSpan.FromMilliseconds(400) + TimeSpan.FromMilliseconds(200)|};
                {|RDY201:i.Timeout = TimeSpan.FromMinutes(1)|};
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading;

        class Venue
        {
            private const int SnapshotTimeoutMs = 2_000;
            private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(5);

            void Configure(HttpClient a, HttpClient b, HttpClient c, HttpClient d, HttpClient e, HttpClient f, HttpClient g, HttpClient h, HttpClient i)
            {
                a.Timeout = TimeSpan.FromMilliseconds(500); // snapshots
                b.Timeout = TimeSpan.FromMilliseconds(500);
                c.Timeout = TimeSpan.FromMilliseconds(500);
                d.Timeout = TimeSpan.FromMilliseconds(500);
                e.Timeout = TimeSpan.FromMilliseconds(500);
                f.Timeout = TimeSpan.FromMilliseconds(500);
                g.Timeout = TimeSpan.FromMilliseconds(500);
                h.Timeout = TimeSpan.FromMilliseconds(500);
                i.Timeout = TimeSpan.FromMilliseconds(500);
            }
        }
        """);

    [Fact]
    public Task EveryTimeSpanUnit_IsConvertedToMilliseconds() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class Venue
        {
            void Configure(HttpClient a, HttpClient b, HttpClient c, HttpClient d, HttpClient e, HttpClient f, HttpClient g, HttpClient h)
            {
                {|RDY201:a.Timeout = TimeSpan.FromTicks(5_010_000)|};
                b.Timeout = TimeSpan.FromTicks(5_000_000);
                {|RDY201:c.Timeout = TimeSpan.FromMicroseconds(500_001)|};
                d.Timeout = TimeSpan.FromMicroseconds(499_000);
                {|RDY201:e.Timeout = new TimeSpan(0, 0, 0, 0, 501)|};
                {|RDY201:f.Timeout = TimeSpan.FromHours(0.001)|};
                {|RDY201:g.Timeout = TimeSpan.FromDays(0.0001)|};
                h.Timeout = TimeSpan.FromMinutes(0.008);
            }
        }
        """);

    [Fact]
    public Task ValuesWithinBudgetOrNotConstant_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class Venue
        {
            private readonly TimeSpan _configured;
            private readonly int _timeoutMs;

            void Configure(HttpClient a, HttpClient b, HttpClient c, HttpClient d, HttpClient e, HttpClient f, HttpClient g)
            {
                a.Timeout = TimeSpan.FromMilliseconds(500);
                b.Timeout = TimeSpan.FromMilliseconds(300);
                c.Timeout = new TimeSpan(0, 0, 0, 0, 400);
                d.Timeout = _configured;
                e.Timeout = TimeSpan.FromMilliseconds(_timeoutMs);
                f.Timeout = TimeSpan.FromSeconds(0.25);
                var fromLocal = TimeSpan.FromMilliseconds(450);
                g.Timeout = fromLocal;
            }
        }
        """);

    [Fact]
    public Task LocalThatIsReassigned_IsNotEvaluated() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class Venue
        {
            void Configure(HttpClient http, bool slow)
            {
                var timeout = TimeSpan.FromMilliseconds(300);
                if (slow)
                {
                    timeout = TimeSpan.FromSeconds(5);
                }

                http.Timeout = timeout;
                var fixedTimeout = TimeSpan.FromSeconds(5);
                {|RDY201:http.Timeout = fixedTimeout|};
            }
        }
        """);

    [Fact]
    public Task ConfiguredBudget_IsUsedForReportsAndFix()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _ok = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                    private readonly HttpClient _slow = new HttpClient { {|RDY201:Timeout = TimeSpan.FromSeconds(3)|} };
                    private readonly HttpClient _none = {|RDY201:new HttpClient()|};
                }
                """,
            FixedCode = """
                using System;
                using System.Net.Http;

                class Venue
                {
                    private readonly HttpClient _ok = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                    private readonly HttpClient _slow = new HttpClient { Timeout = TimeSpan.FromMilliseconds(2000) };
                    private readonly HttpClient _none = new HttpClient() { Timeout = TimeSpan.FromMilliseconds(2000) };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            readiness.http_timeout_budget_ms = 2000
            """));
        // Two kinds of change (add a Timeout, replace one): Fix All runs once per equivalence key.
        test.NumberOfFixAllIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task InjectedClient_IsNotReportedWhereItIsUsed() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class ExchangeClient(HttpClient http)
        {
            public Task<string> TimeAsync() => http.GetStringAsync("api/v3/time");
        }

        class Router
        {
            private readonly HttpClient _http;

            public Router(HttpClient http, Func<HttpClient> factory)
            {
                _http = http;
                var named = factory();
            }
        }
        """);

    [Fact]
    public Task InjectedClientGivenAnOverBudgetTimeout_IsReportedAtTheAssignment() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class ExchangeClient
        {
            public ExchangeClient(HttpClient http)
            {
                {|RDY201:http.Timeout = TimeSpan.FromSeconds(30)|};
            }
        }
        """);

    [Fact]
    public Task DerivedClient_IsJudgedByItsOwnConstructor() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        class VenueHttpClient : HttpClient
        {
            public VenueHttpClient() => Timeout = TimeSpan.FromMilliseconds(300);
        }

        class Venue
        {
            private readonly HttpClient _http = new VenueHttpClient();
        }
        """);

    [Fact]
    public Task RegistrationsWithoutTimeout_AreReported() => HttpClientFactoryStubs.CodeFixAsync(
        """
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        class ExchangeClient
        {
            public ExchangeClient(HttpClient http) { }
        }

        interface IVenue { }

        class Venue : IVenue
        {
            public Venue(HttpClient http) { }
        }

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                services.{|RDY201:AddHttpClient("binance", c => c.BaseAddress = new Uri("https://api.binance.test"))|};
                services.{|RDY201:AddHttpClient<ExchangeClient>((sp, c) => c.DefaultRequestHeaders.Add("X-Venue", "1"))|}
                    .SetHandlerLifetime(TimeSpan.FromMinutes(5));
                services.{|RDY201:AddHttpClient<IVenue, Venue>()|};
            }

            static IHttpClientBuilder AddOkx(this IServiceCollection services)
                => services.{|RDY201:AddHttpClient("okx")|};
        }
        """,
        """
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        class ExchangeClient
        {
            public ExchangeClient(HttpClient http) { }
        }

        interface IVenue { }

        class Venue : IVenue
        {
            public Venue(HttpClient http) { }
        }

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                services.AddHttpClient("binance", c => c.BaseAddress = new Uri("https://api.binance.test")).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
                services.AddHttpClient<ExchangeClient>((sp, c) => c.DefaultRequestHeaders.Add("X-Venue", "1")).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500))
                    .SetHandlerLifetime(TimeSpan.FromMinutes(5));
                services.AddHttpClient<IVenue, Venue>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
            }

            static IHttpClientBuilder AddOkx(this IServiceCollection services)
                => services.AddHttpClient("okx").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(500));
        }
        """);

    [Fact]
    public Task RegistrationsThatSetTimeout_AreNotReported() => HttpClientFactoryStubs.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        class ExchangeClient
        {
            private readonly HttpClient _http;

            public ExchangeClient(HttpClient http)
            {
                _http = http;
                _http.Timeout = TimeSpan.FromMilliseconds(400);
            }
        }

        class QuoteClient
        {
            public QuoteClient(HttpClient http) { }
        }

        static class Startup
        {
            static void Register(IServiceCollection services, Action<HttpClient> configure)
            {
                services.AddHttpClient();
                services.AddHttpClient("binance", c => c.Timeout = TimeSpan.FromMilliseconds(300));
                services.AddHttpClient("okx", (sp, c) =>
                {
                    c.BaseAddress = new Uri("https://www.okx.test");
                    c.Timeout = TimeSpan.FromMilliseconds(300);
                });
                services.AddHttpClient<QuoteClient>().ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMilliseconds(250));
                services.AddHttpClient("bybit")
                    .SetHandlerLifetime(TimeSpan.FromMinutes(5))
                    .ConfigureHttpClient((sp, c) => c.Timeout = TimeSpan.FromMilliseconds(250));
                services.AddHttpClient<ExchangeClient>();
                services.AddHttpClient("kraken", configure);
                services.AddHttpClient("coinbase", Configure);
                services.AddHttpClient<QuoteClient, QuoteClient>(http => new QuoteClient(Configured(http)));

                var deribit = services.AddHttpClient("deribit");
                deribit.ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMilliseconds(300));

                services.AddHttpClient("bitstamp");
                services.AddHttpClient("bitstamp", c => c.Timeout = TimeSpan.FromMilliseconds(300));
            }

            static void Configure(HttpClient client) => client.Timeout = TimeSpan.FromMilliseconds(300);

            static HttpClient Configured(HttpClient client)
            {
                client.Timeout = TimeSpan.FromMilliseconds(300);
                return client;
            }
        }
        """);

    [Fact]
    public Task DefaultsForEveryClient_CoverTheRegistrations() => HttpClientFactoryStubs.AnalyzerAsync(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                services.ConfigureHttpClientDefaults(b => b.ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMilliseconds(400)));
                services.AddHttpClient("binance");
            }
        }
        """);

    [Fact]
    public Task RegistrationOverBudget_IsReportedAtTheAssignmentOnly() => HttpClientFactoryStubs.CodeFixAsync(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                services.AddHttpClient("binance", c => {|RDY201:c.Timeout = TimeSpan.FromSeconds(10)|});
                services.AddHttpClient("okx").ConfigureHttpClient(c => {|RDY201:c.Timeout = TimeSpan.FromSeconds(100)|});
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                services.AddHttpClient("binance", c => c.Timeout = TimeSpan.FromMilliseconds(500));
                services.AddHttpClient("okx").ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMilliseconds(500));
            }
        }
        """);

    [Fact]
    public Task BuilderHandedOn_IsNotReported() => HttpClientFactoryStubs.AnalyzerAsync(
        """
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Register(IServiceCollection services)
            {
                Policies.Apply(services.AddHttpClient("binance"));
                var okx = services.AddHttpClient("okx");
                Policies.Apply(okx);
            }
        }

        static class Policies
        {
            public static void Apply(IHttpClientBuilder builder) { }
        }
        """);

    [Fact]
    public Task RegistrationWhereConfigureHttpClientDoesNotBind_IsReportedWithoutFix()
    {
        // Without the namespace's using directive, .ConfigureHttpClient would not bind: no fix.
        var source = """
            static class Startup
            {
                static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.{|RDY201:AddHttpClient(services, "binance")|};
                }
            }
            """;
        return HttpClientFactoryStubs.CodeFixAsync(source, source);
    }

    [Fact]
    public Task LambdasLocalFunctionsGenericsAndExpressionBodies_AreCovered() => Verify.CodeFixAsync(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Pool<TVenue> where TVenue : class
        {
            private readonly Lazy<HttpClient> _lazy = new(() => {|RDY201:new HttpClient()|});
            private readonly Func<HttpClient> _factory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

            HttpClient Create() => {|RDY201:new HttpClient()|};

            Task<string> PollAsync()
            {
                return Fetch();

                async Task<string> Fetch()
                {
                    var http = {|RDY202:CreateLocal()|};
                    http.Timeout = TimeSpan.FromMilliseconds(300);
                    return await http.GetStringAsync("ping");
                }

                static HttpClient CreateLocal() => {|RDY201:new HttpClient()|};
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Pool<TVenue> where TVenue : class
        {
            private readonly Lazy<HttpClient> _lazy = new(() => new HttpClient() { Timeout = TimeSpan.FromMilliseconds(500) });
            private readonly Func<HttpClient> _factory = () => new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

            HttpClient Create() => new HttpClient() { Timeout = TimeSpan.FromMilliseconds(500) };

            Task<string> PollAsync()
            {
                return Fetch();

                async Task<string> Fetch()
                {
                    var http = {|RDY202:CreateLocal()|};
                    http.Timeout = TimeSpan.FromMilliseconds(300);
                    return await http.GetStringAsync("ping");
                }

                static HttpClient CreateLocal() => new HttpClient() { Timeout = TimeSpan.FromMilliseconds(500) };
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_AreCovered()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;

                var configured = new HttpClient();
                configured.Timeout = TimeSpan.FromMilliseconds(300);
                var bare = new HttpClient();
                {|RDY201:bare.Timeout = TimeSpan.FromSeconds(15)|};
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task BrokenCode_NeverThrows() => BrokenCode.AssertNoAnalyzerExceptionAsync(
        new HttpClientAnalyzer(),
        """
        using System; using System.Net.Http;
        class A { HttpClient _h = new HttpClient(; void M() { _h.Timeout = ; } }
        """,
        """
        using System; using System.Net.Http;
        class A { void M(HttpClient h) { h.Timeout = TimeSpan.FromSeconds(; h.Timeout = TimeSpan.FromMilliseconds(x); h.Timeout = new TimeSpan(1, 2); } }
        """,
        """
        using System; using System.Net.Http;
        class A { HttpClient C() => new HttpClient { Timeout = TimeSpan.FromSeconds( }; static HttpClient F() { return } void M() { using var h = F(); using var g = new HttpClient { Timeout = , }; } }
        """,
        """
        using System; using System.Net.Http; using Microsoft.Extensions.DependencyInjection;
        class A { void M(IServiceCollection s) { s.AddHttpClient<>(); s.AddHttpClient("x", c => c.Timeout = ); var b = s.AddHttpClient("y"); b. } }
        """ + HttpClientFactoryStubs.Source,
        """
        using System; using System.Net.Http;
        class A { static readonly TimeSpan T = T + T; readonly HttpClient _h = new() { Timeout = T }; HttpClient P => new HttpClient(new HttpClient( { }
        """);
}
