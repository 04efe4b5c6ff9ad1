using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ReadinessAnalyzers.Infrastructure;
using Xunit;
using VerifyConfiguration = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.HardcodedConfigurationAnalyzer, ReadinessAnalyzers.CodeFixes.HardcodedConfigurationCodeFixProvider>;
using VerifyTransport = ReadinessAnalyzers.Tests.CodeFixVerifier<
    ReadinessAnalyzers.TransportSecurityAnalyzer, ReadinessAnalyzers.CodeFixes.TransportSecurityCodeFixProvider>;

namespace ReadinessAnalyzers.Tests.Infrastructure;

public sealed class RuleSwitchTests
{
#pragma warning disable RS2008 // test doubles' ids never ship, so they have no release to track
    private static readonly DiagnosticDescriptor s_onByDefault = new(
        "RDY900", "On", "On '{0}'", "Readiness.Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor s_offByDefault = new(
        "RDY901", "Off", "Off '{0}'", "Readiness.Test", DiagnosticSeverity.Warning, isEnabledByDefault: false);
#pragma warning restore RS2008

    [Fact]
    public void WithoutSettings_TheDescriptorsDefaultDecides()
    {
        var compilation = Compilation(new Options());

        Assert.True(RuleSwitch.IsOn(compilation, s_onByDefault, CancellationToken.None));
        Assert.False(RuleSwitch.IsOn(compilation, s_offByDefault, CancellationToken.None));
    }

    [Fact]
    public void GlobalConfigNone_TurnsTheRuleOff_AndAnyOtherSeverityOn()
    {
        var off = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Suppress } });
        var on = Compilation(new Options { Global = { ["RDY901"] = ReportDiagnostic.Info } });
        var byDefault = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Default, ["RDY901"] = ReportDiagnostic.Default } });

        Assert.False(RuleSwitch.IsOn(off, s_onByDefault, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(on, s_offByDefault, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(byDefault, s_onByDefault, CancellationToken.None));
        Assert.False(RuleSwitch.IsOn(byDefault, s_offByDefault, CancellationToken.None));
    }

    [Fact]
    public void OneFileTurningTheRuleOn_KeepsItOn()
    {
        var options = new Options { Global = { ["RDY900"] = ReportDiagnostic.Suppress } };
        options.PerTree["Venue.cs"] = ReportDiagnostic.Warn;
        var compilation = Compilation(options, "Engine.cs", "Venue.cs");

        Assert.True(RuleSwitch.IsOn(compilation, s_onByDefault, CancellationToken.None));

        options.PerTree["Venue.cs"] = ReportDiagnostic.Default; // severity = default: the descriptor's, which is on
        Assert.True(RuleSwitch.IsOn(Compilation(options, "Engine.cs", "Venue.cs"), s_onByDefault, CancellationToken.None));

        options.PerTree["Venue.cs"] = ReportDiagnostic.Suppress;
        Assert.False(RuleSwitch.IsOn(Compilation(options, "Engine.cs", "Venue.cs"), s_onByDefault, CancellationToken.None));
    }

    [Fact]
    public void CommandLineSettings_CountLikeAnyOther()
    {
        var nowarn = Compilation(new Options(), specific: ReportDiagnostic.Suppress);
        var neutral = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Suppress } }, specific: ReportDiagnostic.Default);
        var warnAsError = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Suppress } }, specific: ReportDiagnostic.Error);
        var nowarnButGlobalWarning = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Warn } }, specific: ReportDiagnostic.Suppress);

        Assert.False(RuleSwitch.IsOn(nowarn, s_onByDefault, CancellationToken.None));
        Assert.False(RuleSwitch.IsOn(neutral, s_onByDefault, CancellationToken.None)); // Default sets nothing (the test harness passes it for every rule)
        Assert.True(RuleSwitch.IsOn(warnAsError, s_onByDefault, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(nowarnButGlobalWarning, s_onByDefault, CancellationToken.None)); // kept on: wasted time, never lost findings
    }

    [Fact]
    public void EitherOfTwoRulesOn_IsOn()
    {
        var compilation = Compilation(new Options { Global = { ["RDY900"] = ReportDiagnostic.Suppress } });

        Assert.False(RuleSwitch.IsOn(compilation, s_onByDefault, s_offByDefault, CancellationToken.None));
        Assert.True(RuleSwitch.IsOn(Compilation(new Options()), s_offByDefault, s_onByDefault, CancellationToken.None));
    }

    // The Minimal preset's shape: the endpoint rules off, the secret rule on. The secret is still
    // reported, and so is the clear-text URL in the one file whose .editorconfig section turns RDY204 back on.
    [Fact]
    public async Task AFamilyWithOneRuleTurnedOff_StillReportsItsOtherRules()
    {
        var test = new VerifyConfiguration.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Feed.cs", """
                        class Feed
                        {
                            private const string ApiSecret = {|RDY301:"9f8e7d6c5b4a39281706f5e4d3c2b1a0"|};
                            string Url() => "http://api.venue.example/v3/depth";
                        }
                        """),
                    ("/0/Legacy.cs", """
                        class Legacy
                        {
                            string Url() => {|RDY204:"http://api.venue.example/v1/depth"|};
                        }
                        """),
                },
                AnalyzerConfigFiles =
                {
                    ("/.globalconfig", """
                        is_global = true
                        dotnet_diagnostic.RDY203.severity = none
                        dotnet_diagnostic.RDY204.severity = none
                        """),
                    ("/.editorconfig", """
                        root = true

                        [Legacy.cs]
                        dotnet_diagnostic.RDY204.severity = warning
                        """),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task TheSecretRuleTurnedOff_LeavesTheClearTextRuleOn()
    {
        var test = new VerifyConfiguration.Test
        {
            TestCode = """
                class Feed
                {
                    private const string ApiSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
                    string Url() => {|RDY204:"http://api.venue.example/v3/depth"|};
                }
                """,
            FixedCode = """
                class Feed
                {
                    private const string ApiSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
                    string Url() => "https://api.venue.example/v3/depth";
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.RDY301.severity = none
            dotnet_diagnostic.RDY203.severity = none
            """));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.RDY301.severity = none
            dotnet_diagnostic.RDY203.severity = none
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task CorsTurnedOff_LeavesTheTlsRulesOn()
    {
        var test = new VerifyTransport.Test
        {
            TestCode = """
                using System.Net.Http;

                class Venue
                {
                    HttpClientHandler Handler() => new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback = {|RDY302:(_, _, _, _) => true|},
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.RDY305.severity = none
            dotnet_diagnostic.RDY303.severity = none
            """));
        await test.RunAsync();
    }

    private static CSharpCompilation Compilation(Options options, params string[] paths)
        => Compilation(options, null, paths);

    private static CSharpCompilation Compilation(Options options, ReportDiagnostic? specific, params string[] paths)
    {
        if (paths.Length == 0)
        {
            paths = ["Engine.cs"];
        }

        var trees = new List<SyntaxTree>();
        foreach (var path in paths)
        {
            trees.Add(CSharpSyntaxTree.ParseText("class C { }", path: path));
        }

        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(options);
        if (specific is { } value)
        {
            compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(
                ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("RDY900", value));
        }

        return CSharpCompilation.Create("Engine", trees, options: compilationOptions);
    }

    // Severities as a global config (Global) and .editorconfig sections (PerTree, for RDY900 by file name) set them.
    private sealed class Options : SyntaxTreeOptionsProvider
    {
        public Dictionary<string, ReportDiagnostic> Global { get; } = new();

        public Dictionary<string, ReportDiagnostic> PerTree { get; } = new();

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return diagnosticId == "RDY900" && PerTree.TryGetValue(tree.FilePath, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => Global.TryGetValue(diagnosticId, out severity);
    }
}
