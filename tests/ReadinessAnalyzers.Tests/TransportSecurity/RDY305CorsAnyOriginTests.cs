using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.TransportSecurityAnalyzer, ReadinessAnalyzers.CodeFixes.TransportSecurityCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.TransportSecurity;

public sealed class RDY305CorsAnyOriginTests
{
    // ASP.NET Core is not in the .NET 8 reference assemblies: the CORS builder with its real signatures.
    private const string CorsStandIns = """
        #nullable enable
        namespace Microsoft.AspNetCore.Cors.Infrastructure
        {
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder AllowAnyOrigin() => this;
                public CorsPolicyBuilder WithOrigins(params string[] origins) => this;
                public CorsPolicyBuilder SetIsOriginAllowed(System.Func<string, bool> isOriginAllowed) => this;
                public CorsPolicyBuilder SetIsOriginAllowedToAllowWildcardSubdomains() => this;
                public CorsPolicyBuilder AllowAnyHeader() => this;
                public CorsPolicyBuilder AllowAnyMethod() => this;
                public CorsPolicyBuilder AllowCredentials() => this;
            }

            public class CorsOptions
            {
                public void AddPolicy(string name, System.Action<CorsPolicyBuilder> configurePolicy) { }
                public void AddDefaultPolicy(System.Action<CorsPolicyBuilder> configurePolicy) { }
            }
        }
        """;

    private static Task AnalyzeAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.Sources.Add(("CorsStandIns.cs", CorsStandIns));
        return test.RunAsync();
    }

    [Fact]
    public Task PoliciesOpenToEveryOrigin_AreReported() => AnalyzeAsync(
        """
        using System;
        using Microsoft.AspNetCore.Cors.Infrastructure;

        static class DashboardCors
        {
            private const string AnyOrigin = "*";

            public static void Configure(CorsOptions options)
            {
                options.AddPolicy("dashboard", policy => policy.{|RDY305:AllowAnyOrigin()|}.AllowAnyHeader().AllowAnyMethod());
                options.AddPolicy("wildcard", policy => policy.{|RDY305:WithOrigins("*")|});
                options.AddPolicy("mixed", policy => policy.{|RDY305:WithOrigins("https://desk.example", AnyOrigin)|});
                options.AddPolicy("array", policy => policy.{|RDY305:WithOrigins(new[] { "*" })|});
                options.AddPolicy("lambda", policy => policy.{|RDY305:SetIsOriginAllowed(_ => true)|}.AllowCredentials());
                options.AddPolicy("block", policy => policy.{|RDY305:SetIsOriginAllowed(origin => { Console.WriteLine(origin); return true; })|});
                options.AddDefaultPolicy(policy => policy.{|RDY305:SetIsOriginAllowed(AllowAll)|});
            }

            private static bool AllowAll(string origin) => true;
        }
        """);

    [Fact]
    public Task WildcardHeadersSetByHand_AreReported() => AnalyzeAsync(
        """
        using System.Collections.Generic;
        using System.Net.Http;

        static class Handlers
        {
            public static void Write(HttpResponseMessage response, Dictionary<string, string> headers)
            {
                response.Headers.{|RDY305:TryAddWithoutValidation("Access-Control-Allow-Origin", "*")|};
                {|RDY305:headers["access-control-allow-origin"] = "*"|};
            }
        }
        """);

    [Fact]
    public Task Message_NamesTheCall()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Cors.Infrastructure;

                static class Api
                {
                    public static void Configure(CorsPolicyBuilder policy) => policy.{|#0:AllowAnyOrigin()|};
                }
                """,
        };
        test.TestState.Sources.Add(("CorsStandIns.cs", CorsStandIns));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.CorsAnyOrigin).WithLocation(0).WithArguments("AllowAnyOrigin()"));
        return test.RunAsync();
    }

    [Fact]
    public Task ExplicitOriginsAndRealOriginChecks_AreNotReported() => AnalyzeAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.AspNetCore.Cors.Infrastructure;

        static class DeskCors
        {
            public static void Configure(CorsOptions options, string[] configuredOrigins, HttpResponseMessage response)
            {
                options.AddPolicy("desk", policy => policy.WithOrigins("https://desk.example", "https://risk.example").AllowCredentials());
                options.AddPolicy("configured", policy => policy.WithOrigins(configuredOrigins));
                options.AddPolicy("subdomains", policy => policy.WithOrigins("https://*.desk.example").SetIsOriginAllowedToAllowWildcardSubdomains());
                options.AddPolicy("local", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "localhost"));
                response.Headers.TryAddWithoutValidation("Access-Control-Allow-Origin", "https://desk.example");
                response.Headers.TryAddWithoutValidation("Access-Control-Allow-Headers", "*");
                var all = new List<string> { "*" };
            }
        }
        """);

    [Fact]
    public Task TopLevelStatementsAndGenericHosts_AreReported()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Cors.Infrastructure;

                var cors = new CorsOptions();
                cors.AddPolicy("ui", p => p.{|RDY305:AllowAnyOrigin()|});

                sealed class Host<TStartup>
                {
                    public void Configure(CorsPolicyBuilder policy) => policy.{|RDY305:SetIsOriginAllowed(static origin => true)|};
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("CorsStandIns.cs", CorsStandIns));
        return test.RunAsync();
    }
}
