using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.TransportSecurityAnalyzer, ReadinessAnalyzers.CodeFixes.TransportSecurityCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.TransportSecurity;

public sealed class RDY302CertificateValidationDisabledTests
{
    [Fact]
    public Task AcceptAllAssignments_AreRemoved() => Verify.CodeFixAsync(
        """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;

        class VenueClient
        {
            HttpClient Create(bool isTestnet, bool verbose)
            {
                var handler = new HttpClientHandler();
                if (isTestnet)
                {
                    handler.ServerCertificateCustomValidationCallback = {|RDY302:(_, _, _, _) => true|};
                }

                if (verbose) handler.ServerCertificateCustomValidationCallback = {|RDY302:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};

                // colo hosts present self-signed certificates
                ServicePointManager.ServerCertificateValidationCallback = {|RDY302:delegate { return true; }|};
                ServicePointManager.ServerCertificateValidationCallback += {|RDY302:(sender, certificate, chain, errors) => errors == SslPolicyErrors.None || true|};
                return new HttpClient(handler);
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;

        class VenueClient
        {
            HttpClient Create(bool isTestnet, bool verbose)
            {
                var handler = new HttpClientHandler();

                // colo hosts present self-signed certificates
                return new HttpClient(handler);
            }
        }
        """);

    [Fact]
    public Task InitializerMembers_AreRemoved() => Verify.CodeFixAsync(
        """
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;

        class VenueClient
        {
            static bool AcceptAll(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                System.Console.WriteLine(errors);
                return true;
            }

            HttpClientHandler Rest() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|RDY302:AcceptAll|},
                SslProtocols = SslProtocols.Tls12,
            };

            SocketsHttpHandler Stream() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    TargetHost = "stream.exchange.example",
                    RemoteCertificateValidationCallback = {|RDY302:(sender, certificate, chain, errors) =>
                    {
                        System.Console.WriteLine(errors);
                        return true;
                    }|},
                },
            };
        }
        """,
        """
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;

        class VenueClient
        {
            static bool AcceptAll(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                System.Console.WriteLine(errors);
                return true;
            }

            HttpClientHandler Rest() => new HttpClientHandler
            {
                SslProtocols = SslProtocols.Tls12,
            };

            SocketsHttpHandler Stream() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    TargetHost = "stream.exchange.example",
                },
            };
        }
        """);

    [Fact]
    public Task Message_NamesTheCallbackMember()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class VenueClient
                {
                    void Configure(HttpClientHandler handler)
                    {
                        handler.ServerCertificateCustomValidationCallback = {|#0:(_, _, _, _) => true|};
                    }
                }
                """,
            FixedCode = """
                using System.Net.Http;

                class VenueClient
                {
                    void Configure(HttpClientHandler handler)
                    {
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.CertificateValidationDisabled).WithLocation(0)
            .WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback"));
        return test.RunAsync();
    }

    [Fact]
    public Task ArgumentsLocalsAndLocalFunctions_AreReportedWithoutAFix()
    {
        const string Source = """
            using System.IO;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            class FeedConnection
            {
                SslStream Open(Stream stream)
                {
                    RemoteCertificateValidationCallback trustAll = {|RDY302:static (_, _, _, _) => true|};
                    var first = new SslStream(stream, false, trustAll);
                    var second = new SslStream(stream, false, {|RDY302:Accept|});
                    return new SslStream(stream, leaveInnerStreamOpen: false, userCertificateValidationCallback: {|RDY302:(s, c, ch, e) => { return true; }|});

                    static bool Accept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                }
            }
            """;
        return Verify.CodeFixAsync(Source, Source);
    }

    [Fact]
    public Task CallbacksWithRealLogic_AreNotReported() => Verify.AnalyzerAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class PinnedClient
        {
            static readonly HashSet<string> s_pinned = new(StringComparer.OrdinalIgnoreCase) { "A1B2C3" };

            HttpClientHandler Create(bool isTestnet) => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, errors) => errors == SslPolicyErrors.None,
            };

            SslStream Open(Stream stream) => new SslStream(stream, false, Validate);

            static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                return errors == SslPolicyErrors.RemoteCertificateChainErrors
                    && certificate is not null
                    && s_pinned.Contains(certificate.GetCertHashString());
            }

            void Configure(HttpClientHandler handler, bool isTestnet)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => isTestnet || errors == SslPolicyErrors.None;
                Func<string, bool> anyOrigin = _ => true;
            }
        }
        """);

    [Fact]
    public Task TopLevelStatementsGenericsAndPartialClasses_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = {|RDY302:(_, _, _, _) => true|};

                sealed partial class Feed<TMessage>
                {
                    public HttpClientHandler Handler() => new() { ServerCertificateCustomValidationCallback = {|RDY302:Accept|} };
                }

                sealed partial class Feed<TMessage>
                {
                    private static bool Accept(HttpRequestMessage m, System.Security.Cryptography.X509Certificates.X509Certificate2? c,
                        System.Security.Cryptography.X509Certificates.X509Chain? ch, System.Net.Security.SslPolicyErrors e) => true;
                }
                """,
            FixedCode = """
                using System.Net.Http;

                var handler = new HttpClientHandler();

                sealed partial class Feed<TMessage>
                {
                    public HttpClientHandler Handler() => new() { };
                }

                sealed partial class Feed<TMessage>
                {
                    private static bool Accept(HttpRequestMessage m, System.Security.Cryptography.X509Certificates.X509Certificate2? c,
                        System.Security.Cryptography.X509Certificates.X509Chain? ch, System.Net.Security.SslPolicyErrors e) => true;
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
