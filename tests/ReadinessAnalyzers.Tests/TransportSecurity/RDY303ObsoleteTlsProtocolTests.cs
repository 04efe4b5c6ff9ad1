using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.TransportSecurityAnalyzer, ReadinessAnalyzers.CodeFixes.TransportSecurityCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.TransportSecurity;

public sealed class RDY303ObsoleteTlsProtocolTests
{
    [Fact]
    public Task PinnedObsoleteProtocols_BecomeTls12And13() => Verify.CodeFixAsync(
        """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;

        class Connections
        {
            HttpClientHandler Rest() => new HttpClientHandler
            {
                SslProtocols = {|RDY303:SslProtocols.Tls11|}, // legacy venue
            };

            void Legacy(SslStream stream)
            {
                ServicePointManager.SecurityProtocol = {|RDY303:SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12|};
                ServicePointManager.SecurityProtocol |= {|RDY303:SecurityProtocolType.Tls11|};
                stream.AuthenticateAsClient("fix.exchange.example", null, {|RDY303:(SslProtocols)192|}, false);
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|RDY303:SslProtocols.Ssl3|} };
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;

        class Connections
        {
            HttpClientHandler Rest() => new HttpClientHandler
            {
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13, // legacy venue
            };

            void Legacy(SslStream stream)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
                stream.AuthenticateAsClient("fix.exchange.example", null, SslProtocols.Tls12 | SslProtocols.Tls13, false);
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            }
        }
        """);

    [Fact]
    public Task Message_NamesEveryObsoleteMember()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Security.Authentication;

                class Venue
                {
                    SslProtocols Protocols(SslProtocols extra = {|#0:SslProtocols.Tls | SslProtocols.Tls11|}) => extra;
                }
                """,
            FixedCode = """
                using System.Security.Authentication;

                class Venue
                {
                    SslProtocols Protocols(SslProtocols extra = SslProtocols.Tls12 | SslProtocols.Tls13) => extra;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ObsoleteTlsProtocol).WithLocation(0)
            .WithArguments("SslProtocols.Tls | SslProtocols.Tls11"));
        return test.RunAsync();
    }

    [Fact]
    public Task ModernProtocolsAndTestsOfTheProtocolSet_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class Connections
        {
            HttpClientHandler Rest() => new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            HttpClientHandler Os() => new HttpClientHandler { SslProtocols = SslProtocols.None };

            string Describe(SslProtocols protocol)
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls11;
                if (protocol == SslProtocols.Tls || (protocol & SslProtocols.Tls11) != 0 || protocol.HasFlag(SslProtocols.Ssl3))
                {
                    return "legacy";
                }

                return protocol switch
                {
                    SslProtocols.Tls13 => "1.3",
                    SslProtocols.Tls11 => "1.1",
                    _ => "other",
                };
            }
        }
        """);

    [Fact]
    public Task TopLevelStatementsAndGenerics_AreFixed()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Security.Authentication;

                ServicePointManager.SecurityProtocol = {|RDY303:SecurityProtocolType.Tls11|};

                sealed class Pool<TConnection>
                {
                    public SslProtocols Protocols => {|RDY303:SslProtocols.Tls | SslProtocols.Tls12|};
                }
                """,
            FixedCode = """
                using System.Net;
                using System.Security.Authentication;

                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;

                sealed class Pool<TConnection>
                {
                    public SslProtocols Protocols => SslProtocols.Tls12 | SslProtocols.Tls13;
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task QualifiedNames_AreKeptWithoutNewUsings() => Verify.CodeFixAsync(
        """
        class Legacy
        {
            void Configure(System.Net.Http.HttpClientHandler a, System.Net.Http.HttpClientHandler b, System.Net.Http.HttpClientHandler c)
            {
                a.SslProtocols = {|RDY303:System.Security.Authentication.SslProtocols.Tls|};
                b.SslProtocols = {|RDY303:System.Security.Authentication.SslProtocols.Tls11|};
                c.SslProtocols = {|RDY303:System.Security.Authentication.SslProtocols.Ssl3 | System.Security.Authentication.SslProtocols.Tls12|};
                System.Net.ServicePointManager.SecurityProtocol = {|RDY303:System.Net.SecurityProtocolType.Tls|};
            }
        }
        """,
        """
        class Legacy
        {
            void Configure(System.Net.Http.HttpClientHandler a, System.Net.Http.HttpClientHandler b, System.Net.Http.HttpClientHandler c)
            {
                a.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                b.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                c.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
                System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.Tls12 | System.Net.SecurityProtocolType.Tls13;
            }
        }
        """);
}
