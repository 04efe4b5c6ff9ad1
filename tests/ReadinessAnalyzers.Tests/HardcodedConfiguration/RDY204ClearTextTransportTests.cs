using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HardcodedConfigurationAnalyzer, ReadinessAnalyzers.CodeFixes.HardcodedConfigurationCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.HardcodedConfiguration;

// Most literals here sit where RDY203 does not look (a parameter or local with another name), so that
// RDY204 speaks alone; the stacked case has its own test.
public sealed class RDY204ClearTextTransportTests
{
    [Fact]
    public Task ClearTextLiterals_UseTls() => Verify.CodeFixAsync(
        """
        using System;

        class Feed
        {
            void Connect(Action<string> open, int venue)
            {
                open({|RDY204:"http://api.venue.example/api/v3/time"|}); // REST
                open(Environment.GetEnvironmentVariable("STREAM") ?? {|RDY204:"ws://stream.venue.example:9443/ws"|});
                open({|RDY204:"HTTP://API.VENUE.EXAMPLE"|});
                open({|RDY204:@"http://api.venue.example"|});
                open({|RDY204:"http://api.venue.example:80/api"|});
                open(Environment.GetEnvironmentVariable("GATEWAY") ?? {|RDY204:"ws://10.0.4.17:8080"|});
                open({|RDY204:$"http://api.venue.example/depth?venue={venue}"|});
                open({|RDY204:"http://user@api.venue.example"|});
            }
        }
        """,
        """
        using System;

        class Feed
        {
            void Connect(Action<string> open, int venue)
            {
                open("https://api.venue.example/api/v3/time"); // REST
                open(Environment.GetEnvironmentVariable("STREAM") ?? "wss://stream.venue.example:9443/ws");
                open("HTTPS://API.VENUE.EXAMPLE");
                open(@"https://api.venue.example");
                open("https://api.venue.example/api");
                open(Environment.GetEnvironmentVariable("GATEWAY") ?? "wss://10.0.4.17:8080");
                open($"https://api.venue.example/depth?venue={venue}");
                open("https://user@api.venue.example");
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheOriginAndTheSecureScheme()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class Feed
                {
                    void Connect(System.Action<string> open) => open({|#0:"http://user:pw@api.venue.example:8080/api?listenKey=abc"|});
                }
                """,
            FixedCode = """
                class Feed
                {
                    void Connect(System.Action<string> open) => open({|#0:"https://user:pw@api.venue.example:8080/api?listenKey=abc"|});
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ClearTextTransport).WithLocation(0)
            .WithArguments("http://api.venue.example:8080", "https://"));

        // The password in the URL is RDY301's finding, before the fix and after it.
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HardcodedSecret).WithLocation(0).WithArguments("URL credential", "55"));
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HardcodedSecret).WithLocation(0).WithArguments("URL credential", "56"));
        return test.RunAsync();
    }

    // The sample engine's MarketDataUrl: both rules on one literal, each with its own severity and fix.
    [Fact]
    public Task ClearTextEndpointInAConstNamedUrl_IsBothHardcodedAndClearText()
    {
        var test = new Verify.Test
        {
            TestCode = """
                public sealed class ExchangeSettings
                {
                    public const string MarketDataUrl = {|#0:"ws://stream.exchange.example:9443/ws"|};
                }
                """,
            FixedCode = """
                using System;

                public sealed class ExchangeSettings
                {
                    public static readonly string MarketDataUrl = Environment.GetEnvironmentVariable("MARKET_DATA_URL") ?? "wss://stream.exchange.example:9443/ws";
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ClearTextTransport).WithLocation(0)
            .WithArguments("ws://stream.exchange.example:9443", "wss://"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.HardcodedEndpoint).WithLocation(0)
            .WithArguments("ws://stream.exchange.example:9443"));
        // One fix per rule, each with its own equivalence key: Fix All takes one pass for each.
        test.NumberOfFixAllIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task FallbackBehindConfiguration_IsStillClearText() => Verify.CodeFixAsync(
        """
        using System;

        class Feed
        {
            private readonly string _streamUrl = Environment.GetEnvironmentVariable("STREAM_URL") ?? {|RDY204:"ws://stream.venue.example/ws"|};
        }
        """,
        """
        using System;

        class Feed
        {
            private readonly string _streamUrl = Environment.GetEnvironmentVariable("STREAM_URL") ?? "wss://stream.venue.example/ws";
        }
        """);

    [Fact]
    public Task LoopbackWildcardSchemasAndSecureSchemes_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Xml;
        using System.Xml.Linq;
        using System.Xml.Serialization;

        class Feed
        {
            void Connect(Action<string> open, XmlDocument document, XmlSerializerNamespaces namespaces)
            {
                open("http://localhost:8080/api");
                open("ws://LOCALHOST:8765");
                open("http://replay.localhost:8080");
                open("http://127.0.0.1:8080");
                open("ws://127.0.0.53:53");
                open("http://[::1]:8080");
                open("http://169.254.169.254/latest/meta-data/");
                open("http://www.fixprotocol.org/FIXML-5-0-SP2");
                open("http://go.microsoft.com/fwlink/?LinkId=1");
                open("http://0.0.0.0:5000");
                open("http://*:5000");
                open("http://+:80/");
                open("https://api.venue.example");
                open(Environment.GetEnvironmentVariable("STREAM") ?? "wss://stream.venue.example");
                open("api/v3/order");
                open("http://");
                open("http://{0}/api");
                open("see http://api.venue.example for the status page");
                var schema = XNamespace.Get("http://www.w3.org/2001/XMLSchema");
                var soap = "http://schemas.xmlsoap.org/soap/envelope/";
                var element = document.CreateElement("x", "order", "http://venue.example/fix/orders");
                namespaces.Add("fix", "http://venue.example/fix");
            }
        }
        """);

    [Fact]
    public Task AttributeArgumentsProxiesAndComparisons_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.ComponentModel;
        using System.Net;

        /// <summary>Mirrors <c>http://api.venue.example</c>.</summary>
        [Description("http://api.venue.example")]
        class Feed
        {
            private readonly WebProxy _proxy = new WebProxy("http://proxy.corp.example:3128");
            private readonly string _proxyAddress = "http://proxy.corp.example:3128";
            private readonly string _xmlNamespace = "http://venue.example/fix";
            private readonly string _corsOrigin = "http://dashboard.corp.example";

            bool IsLegacy(string url)
                => url.StartsWith("http://api.venue.example", StringComparison.Ordinal)
                   || url == "ws://stream.venue.example"
                   || url switch { "http://old.venue.example" => true, _ => false };
        }
        """);

    [Fact]
    public Task TestProjects_AreNotReported() => Verify.AnalyzerAsync(
        """
        public class FeedTests
        {
            private const string StreamUrl = "ws://stream.venue.example";

            [NUnit.Framework.Test]
            public void Connects() { }
        }

        namespace NUnit.Framework
        {
            public sealed class TestAttribute : System.Attribute { }
        }
        """);

    [Fact]
    public Task LambdasLocalFunctionsAndTopLevelStatements_AreCovered()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                Func<string> feed = () => {|RDY204:"http://feed.venue.example"|};
                Console.WriteLine(Local());

                static string Local() => {|RDY204:"http://local.venue.example"|};
                """,
            FixedCode = """
                using System;

                Func<string> feed = () => "https://feed.venue.example";
                Console.WriteLine(Local());

                static string Local() => "https://local.venue.example";
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task RawAndInterpolatedVerbatimStrings_UseTls() => Verify.CodeFixAsync(
        """"
        using System;

        class Feed
        {
            void Connect(Action<string> open, int venue)
            {
                open({|RDY204:"""http://api.venue.example/api"""|});
                open({|RDY204:$@"http://api.venue.example/{venue}"|});
            }
        }
        """",
        """"
        using System;

        class Feed
        {
            void Connect(Action<string> open, int venue)
            {
                open("""https://api.venue.example/api""");
                open($@"https://api.venue.example/{venue}");
            }
        }
        """");
}
