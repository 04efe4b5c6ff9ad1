using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HardcodedConfigurationAnalyzer, ReadinessAnalyzers.CodeFixes.HardcodedConfigurationCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.HardcodedConfiguration;

// The endpoints here are https:// and wss:// so that only RDY203 speaks (RDY204 has its own tests).
public sealed class RDY203HardcodedEndpointTests
{
    [Fact]
    public Task ConstNamedLikeAnEndpoint_BecomesStaticReadonlyReadFromTheEnvironment() => Verify.CodeFixAsync(
        """
        using System;

        public sealed class ExchangeSettings
        {
            public const string RestBaseUrl = {|RDY203:"https://api.exchange.example"|};
            private const string MarketDataEndpoint = {|RDY203:"wss://stream.exchange.example:9443/ws"|}; // public stream
            internal const string VenueHost = {|RDY203:@"https://venue.example"|};

            public Uri Rest => new Uri(RestBaseUrl);
            public string Depth => RestBaseUrl + "/api/v3/depth";
        }
        """,
        """
        using System;

        public sealed class ExchangeSettings
        {
            public static readonly string RestBaseUrl = Environment.GetEnvironmentVariable("REST_BASE_URL") ?? "https://api.exchange.example";
            private static readonly string MarketDataEndpoint = Environment.GetEnvironmentVariable("MARKET_DATA_ENDPOINT_URL") ?? "wss://stream.exchange.example:9443/ws"; // public stream
            internal static readonly string VenueHost = Environment.GetEnvironmentVariable("VENUE_HOST_URL") ?? @"https://venue.example";

            public Uri Rest => new Uri(RestBaseUrl);
            public string Depth => RestBaseUrl + "/api/v3/depth";
        }
        """);

    [Fact]
    public Task Message_NamesSchemeAndHostOnly()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Webhooks
                {
                    private static readonly string AlertUrl = {|#0:"https://hooks.chat.example/services/T000/B000/XXXX?token=abc"|};
                }
                """,
            FixedCode = """
                using System;

                class Webhooks
                {
                    private static readonly string AlertUrl = Environment.GetEnvironmentVariable("ALERT_URL") ?? "https://hooks.chat.example/services/T000/B000/XXXX?token=abc";
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HardcodedEndpoint).WithLocation(0).WithArguments("https://hooks.chat.example"));
        return test.RunAsync();
    }

    [Fact]
    public Task FieldsPropertiesAndLocalsNamedLikeEndpoints_AreWrapped() => Verify.CodeFixAsync(
        """
        using System;
        using System.Collections.Generic;

        class VenueOptions
        {
            private readonly string _restBaseUrl = {|RDY203:"https://api.venue.example"|};
            private static readonly string s_streamUri = {|RDY203:"wss://stream.venue.example/ws"|};
            public string FuturesHost { get; init; } = {|RDY203:"https://fapi.venue.example"|};
            public string TestnetUrl => {|RDY203:"https://testnet.venue.example"|};
            public string[] FallbackEndpoints { get; } = { {|RDY203:"https://api1.venue.example"|}, {|RDY203:"https://api2.venue.example"|} };
            private readonly Dictionary<string, string> _venueUrls = new() { ["okx"] = {|RDY203:"https://www.okx.example"|} };

            string Resolve(bool testnet)
            {
                var snapshotUrl = {|RDY203:"https://data.venue.example/snapshots"|};
                return testnet ? _restBaseUrl : snapshotUrl;
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;

        class VenueOptions
        {
            private readonly string _restBaseUrl = Environment.GetEnvironmentVariable("REST_BASE_URL") ?? "https://api.venue.example";
            private static readonly string s_streamUri = Environment.GetEnvironmentVariable("STREAM_URL") ?? "wss://stream.venue.example/ws";
            public string FuturesHost { get; init; } = Environment.GetEnvironmentVariable("FUTURES_HOST_URL") ?? "https://fapi.venue.example";
            public string TestnetUrl => Environment.GetEnvironmentVariable("TESTNET_URL") ?? "https://testnet.venue.example";
            public string[] FallbackEndpoints { get; } = { Environment.GetEnvironmentVariable("VENUE_API1_URL") ?? "https://api1.venue.example", Environment.GetEnvironmentVariable("VENUE_API2_URL") ?? "https://api2.venue.example" };
            private readonly Dictionary<string, string> _venueUrls = new() { ["okx"] = Environment.GetEnvironmentVariable("OKX_URL") ?? "https://www.okx.example" };

            string Resolve(bool testnet)
            {
                var snapshotUrl = Environment.GetEnvironmentVariable("SNAPSHOT_URL") ?? "https://data.venue.example/snapshots";
                return testnet ? _restBaseUrl : snapshotUrl;
            }
        }
        """);

    [Fact]
    public Task LiteralsUsedAsUriOrRequestUri_AreNamedAfterTheirHost() => Verify.CodeFixAsync(
        """
        using System;
        using System.Net.Http;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class ExchangeClient
        {
            private readonly HttpClient _http = new() { BaseAddress = new Uri({|RDY203:"https://api.binance.example"|}) };

            async Task RunAsync(ClientWebSocket socket, CancellationToken ct)
            {
                await socket.ConnectAsync(new Uri({|RDY203:"wss://stream.binance.example:9443/ws"|}), ct);
                var time = await _http.GetStringAsync({|RDY203:"https://api.binance.example/api/v3/time"|}, ct);
                using var request = new HttpRequestMessage(HttpMethod.Get, {|RDY203:"https://fapi.binance.example/fapi/v1/ping"|});
                await _http.SendAsync(request, ct);
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        class ExchangeClient
        {
            private readonly HttpClient _http = new() { BaseAddress = new Uri(Environment.GetEnvironmentVariable("BINANCE_API_URL") ?? "https://api.binance.example") };

            async Task RunAsync(ClientWebSocket socket, CancellationToken ct)
            {
                await socket.ConnectAsync(new Uri((Environment.GetEnvironmentVariable("BINANCE_STREAM_URL") ?? "wss://stream.binance.example:9443") + "/ws"), ct);
                var time = await _http.GetStringAsync((Environment.GetEnvironmentVariable("BINANCE_API_URL") ?? "https://api.binance.example") + "/api/v3/time", ct);
                using var request = new HttpRequestMessage(HttpMethod.Get, (Environment.GetEnvironmentVariable("BINANCE_FAPI_URL") ?? "https://fapi.binance.example") + "/fapi/v1/ping");
                await _http.SendAsync(request, ct);
            }
        }
        """);

    [Fact]
    public Task InterpolatedRequestUri_KeepsItsPathAndHoles() => Verify.CodeFixAsync(
        """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Depth
        {
            Task<string> GetAsync(HttpClient http, string symbol, int limit)
                => http.GetStringAsync({|RDY203:$"https://api.binance.example/api/v3/depth?symbol={symbol}&limit={limit}"|});
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Depth
        {
            Task<string> GetAsync(HttpClient http, string symbol, int limit)
                => http.GetStringAsync((Environment.GetEnvironmentVariable("BINANCE_API_URL") ?? "https://api.binance.example") + $"/api/v3/depth?symbol={symbol}&limit={limit}");
        }
        """);

    [Fact]
    public Task ConstWithAnyNameUsedAsAnEndpointInTheSameFile_IsReported() => Verify.CodeFixAsync(
        """
        using System;
        using System.Net.Http;

        class Venues
        {
            private const string Binance = {|RDY203:"https://api.binance.example"|};
            private const string Notes = "https://wiki.example/trading-notes";
            private static readonly string Okx = {|RDY203:"https://www.okx.example"|};

            void Configure(HttpClient http, HttpClient okx)
            {
                http.BaseAddress = new Uri(Binance);
                okx.BaseAddress = new Uri(Okx);
                Console.WriteLine(Notes);
            }
        }
        """,
        """
        using System;
        using System.Net.Http;

        class Venues
        {
            private static readonly string Binance = Environment.GetEnvironmentVariable("BINANCE_URL") ?? "https://api.binance.example";
            private const string Notes = "https://wiki.example/trading-notes";
            private static readonly string Okx = Environment.GetEnvironmentVariable("OKX_URL") ?? "https://www.okx.example";

            void Configure(HttpClient http, HttpClient okx)
            {
                http.BaseAddress = new Uri(Binance);
                okx.BaseAddress = new Uri(Okx);
                Console.WriteLine(Notes);
            }
        }
        """);

    [Fact]
    public Task ConstNeededAsAConstant_IsReportedWithoutFix()
    {
        var source = """
            using System;
            using System.ComponentModel;

            class VenueOptions
            {
                public const string DefaultBaseUrl = {|RDY203:"https://api.venue.example"|};

                [DefaultValue(DefaultBaseUrl)]
                public string BaseUrl { get; set; }

                static bool IsDefault(string url) => url switch
                {
                    DefaultBaseUrl => true,
                    _ => false,
                };

                void Connect(string streamUrl = {|RDY203:"wss://stream.venue.example"|}) { }
            }
            """;
        return Verify.CodeFixAsync(source, source);
    }

    [Fact]
    public Task LocalConst_LosesConstWhenNothingNeedsIt() => Verify.CodeFixAsync(
        """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clock
        {
            async Task<string> TimeAsync(HttpClient http)
            {
                const string timeUrl = {|RDY203:"https://api.venue.example/api/v3/time"|};
                return await http.GetStringAsync(timeUrl);
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clock
        {
            async Task<string> TimeAsync(HttpClient http)
            {
                string timeUrl = Environment.GetEnvironmentVariable("TIME_URL") ?? "https://api.venue.example/api/v3/time";
                return await http.GetStringAsync(timeUrl);
            }
        }
        """);

    [Fact]
    public Task GenericallyNamedLocal_IsNamedAfterTheHost() => Verify.CodeFixAsync(
        """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clock
        {
            async Task<string> TimeAsync(HttpClient http)
            {
                var url = {|RDY203:"https://api.venue.example/api/v3/time"|};
                return await http.GetStringAsync(url);
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clock
        {
            async Task<string> TimeAsync(HttpClient http)
            {
                var url = (Environment.GetEnvironmentVariable("VENUE_API_URL") ?? "https://api.venue.example") + "/api/v3/time";
                return await http.GetStringAsync(url);
            }
        }
        """);

    [Fact]
    public Task WhatIsNotAHardcodedEndpoint_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.ComponentModel;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;
        using System.Xml.Linq;

        /// <summary>Talks to <see href="https://api.venue.example">the venue</see>: https://api.venue.example/docs</summary>
        class ExchangeClient
        {
            [Description("https://api.venue.example")]
            public string Name { get; set; }

            private const string DocsUrl = "https://docs.venue.example/api";
            private const string LicenseUrl = "https://venue.example/terms";
            private const string RelativeUrl = "api/v3/order";
            private const string LocalUrl = "https://localhost:5001";
            private const string LoopbackUrl = "wss://127.0.0.1:8765/ws";
            private const string Ipv6LoopbackUrl = "https://[::1]:8443";
            private const string TemplateUrl = "https://{0}.venue.example";
            private static readonly XNamespace Atom = XNamespace.Get("https://www.w3.org/2005/Atom");
            private readonly string _baseUrl = Environment.GetEnvironmentVariable("VENUE_URL") ?? "https://api.venue.example";
            private readonly WebProxy _proxy = new WebProxy("https://proxy.corp.example:8443");

            async Task RunAsync(HttpClient http, string url)
            {
                var note = "https://api.venue.example";
                Console.WriteLine(note);
                if (url.StartsWith("https://api.venue.example", StringComparison.Ordinal) || url == "wss://stream.venue.example")
                {
                    await http.GetStringAsync("api/v3/time");
                }

                var message = "see https://api.venue.example/status for details";
                throw new InvalidOperationException("https://api.venue.example");
            }
        }
        """);

    [Fact]
    public Task DefaultOfASettingReadByItsKey_IsNotReported() => Verify.AnalyzerAsync(
        """
        using System.Collections.Generic;

        static class Config
        {
            public static string Get(string key, string defaultValue = "") => defaultValue;
        }

        static class Settings
        {
            public static T GetValue<T>(this IDictionary<string, string> settings, string key, T defaultValue) => defaultValue;
            public static string Lookup(string key, string fallback) => fallback;
            public static string Pick(string defaultUrl, string otherUrl) => defaultUrl;
        }

        class BinanceFactory
        {
            public static readonly string WebSocketUrlKeyName = "binance-dwebsocket-url";

            Dictionary<string, string> BrokerageData(IDictionary<string, string> settings) => new()
            {
                { "binance-api-url", Config.Get("binance-api-url", "https://api.binance.com") },
                { WebSocketUrlKeyName, Config.Get(WebSocketUrlKeyName, "wss://dstream.binance.com/ws") },
                { "binance-websocket-url", settings.GetValue("binance-websocket-url", "wss://stream.binance.com:9443/ws") },
                { "binance-orders-url", Settings.Lookup("binance-orders-url", "wss://ws-api.binance.com:9443/ws-api/v3") },
            };

            string WithoutAKey(string url) => Settings.Pick(url, url);

            string NotADefault() => Settings.Pick(defaultUrl: Config.Get("x"), otherUrl: Config.Get("y"));

            // A default-named parameter with no setting key beside it: an endpoint like any other.
            readonly string _apiUrl = Settings.Pick({|RDY203:"https://api.binance.us"|}, Config.Get("binance-us"));
        }
        """);

    // Rate-limit rules match the host a request goes to; they connect to nothing.
    [Fact]
    public Task HostGivenToAFilterOrMatcher_IsNotReported() => Verify.AnalyzerAsync(
        """
        sealed class HostFilter(string host) { public string Host { get; } = host; }
        sealed class HostMatcher(string host) { public string Host { get; } = host; }
        sealed class SocketEndpoint(string url) { public string Url { get; } = url; }

        class RateLimits
        {
            readonly object[] _rules = { new HostFilter("wss://stream.binance.com"), new HostMatcher("https://fapi.binance.com") };
            readonly SocketEndpoint _feed = new SocketEndpoint({|RDY203:"wss://fstream.binance.com"|});
        }
        """);

    [Fact]
    public Task TestProjects_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Net.Http;

        public class ExchangeClientTests
        {
            private const string BaseUrl = "https://api.venue.example";

            [Xunit.Fact]
            public void UsesBaseAddress()
            {
                var http = new HttpClient { BaseAddress = new Uri("wss://stream.venue.example") };
            }
        }

        namespace Xunit
        {
            public sealed class FactAttribute : Attribute { }
        }
        """);

    [Fact]
    public Task ProjectMarkedAsTestProject_IsNotReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Fixture
                {
                    private const string BaseUrl = "https://api.venue.example";
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            build_property.IsTestProject = true
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task SwitchArmsTopLevelStatementsAndGenerics_AreCovered()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                Console.WriteLine(Venues<int>.GetStreamUrl(1));
                var statusEndpoint = {|RDY203:"https://status.venue.example"|};

                static partial class Venues<T>
                {
                    public static string GetStreamUrl(int venue) => venue switch
                    {
                        1 => {|RDY203:"wss://stream.binance.example/ws"|},
                        _ => {|RDY203:"wss://ws.okx.example/ws/v5/public"|},
                    };
                }

                static partial class Venues<T>
                {
                    private static readonly Func<string> s_feed = () => {|RDY203:"wss://feed.venue.example"|};
                }
                """,
            FixedCode = """
                using System;

                Console.WriteLine(Venues<int>.GetStreamUrl(1));
                var statusEndpoint = Environment.GetEnvironmentVariable("STATUS_ENDPOINT_URL") ?? "https://status.venue.example";

                static partial class Venues<T>
                {
                    public static string GetStreamUrl(int venue) => venue switch
                    {
                        1 => (Environment.GetEnvironmentVariable("BINANCE_STREAM_URL") ?? "wss://stream.binance.example") + "/ws",
                        _ => (Environment.GetEnvironmentVariable("OKX_WS_URL") ?? "wss://ws.okx.example") + "/ws/v5/public",
                    };
                }

                static partial class Venues<T>
                {
                    private static readonly Func<string> s_feed = () => Environment.GetEnvironmentVariable("VENUE_FEED_URL") ?? "wss://feed.venue.example";
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task FormatTemplatesUsedAsRequestUris_AreReported() => Verify.CodeFixAsync(
        """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Klines
        {
            Task<string> GetAsync(HttpClient http, string symbol, string interval)
                => http.GetStringAsync(string.Format({|RDY203:"https://api.binance.example/api/v3/klines?symbol={0}&interval={1}"|}, symbol, interval));
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Klines
        {
            Task<string> GetAsync(HttpClient http, string symbol, string interval)
                => http.GetStringAsync(string.Format((Environment.GetEnvironmentVariable("BINANCE_API_URL") ?? "https://api.binance.example") + "/api/v3/klines?symbol={0}&interval={1}", symbol, interval));
        }
        """);

    [Fact]
    public Task LinksForPeopleAndPlaceholderBases_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;

        class ApiInfo
        {
            public Contact Contact { get; } = new Contact { Url = new Uri("https://desk.venue.example/contact") };
            private static readonly Uri s_base = new Uri("https://dummy");

            static Uri Resolve(string relative) => new Uri(s_base, relative);
        }

        class Contact
        {
            public Uri Url { get; set; }
        }
        """);

    [Fact]
    public Task BrokenCode_NeverThrows() => BrokenCode.AssertNoAnalyzerExceptionAsync(
        new HardcodedConfigurationAnalyzer(),
        """
        class A { const string Url = "https://api.venue.example
        """,
        """
        class A { string M(int v) => $"https://api.venue.example/{ ; const string B = "wss://x.example" + ; }
        """,
        """
        using System;
        class A { Uri U = new Uri("http://api.venue.example", ; void M() { var url = "http://"; var u2 = "http://[::1"; var u3 = "https://:80/"; var u4 = "ws://a.example:port/"; } }
        """,
        """
        class A { [Obsolete("https://x.example")] void M(string url = "https://api.venue.example" { switch (url) { case "http://a.example": break; } } }
        """);

    // The simplifier of Roslyn 4.8 keeps the parentheses inside a collection expression; they are harmless.
    [Fact]
    public Task CollectionExpressions_AreFollowedToTheirSymbol() => Verify.CodeFixAsync(
        """
        using System.Collections.Generic;

        class Failover
        {
            private static readonly string[] FallbackUrls = [{|RDY203:"https://api1.venue.example"|}, {|RDY203:"https://api2.venue.example"|}];
            private static readonly List<string> Notes = ["https://wiki.venue.example/failover"];
        }
        """,
        """
        using System;
        using System.Collections.Generic;

        class Failover
        {
            private static readonly string[] FallbackUrls = [(Environment.GetEnvironmentVariable("VENUE_API1_URL") ?? "https://api1.venue.example"), (Environment.GetEnvironmentVariable("VENUE_API2_URL") ?? "https://api2.venue.example")];
            private static readonly List<string> Notes = ["https://wiki.venue.example/failover"];
        }
        """);
}
