using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>
/// Packs src/Package once (see <see cref="PackageFixture"/>), then restores the package from a local
/// feed into throw-away consumer projects outside the repository and drives the real dotnet CLI:
/// build, build -warnaserror, dotnet format, the presets and the nupkg layout.
/// </summary>
public sealed partial class PackageEndToEndTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string QuotePoller = ConsumerProject.QuotePollerFile;
    private const string OrderPlacer = ConsumerProject.OrderPlacerFile;

    /// <summary>RULES.md: every id the presets cover, with its default severity in .editorconfig terms.</summary>
    private static readonly IReadOnlyDictionary<string, string> s_catalog = new Dictionary<string, string>
    {
        ["RDY101"] = "warning", ["RDY102"] = "warning", ["RDY103"] = "warning", ["RDY104"] = "warning",
        ["RDY105"] = "warning", ["RDY106"] = "warning", ["RDY107"] = "warning", ["RDY108"] = "suggestion",
        ["RDY201"] = "warning", ["RDY202"] = "warning", ["RDY203"] = "suggestion", ["RDY204"] = "warning",
        ["RDY301"] = "error", ["RDY302"] = "error", ["RDY303"] = "warning", ["RDY304"] = "warning",
        ["RDY305"] = "warning", ["RDY306"] = "warning",
        ["RDY401"] = "warning", ["RDY402"] = "warning", ["RDY403"] = "warning", ["RDY404"] = "suggestion",
        ["RDY501"] = "warning", ["RDY502"] = "warning", ["RDY503"] = "warning", ["RDY504"] = "suggestion",
    };

    /// <summary>RULES.md: the ids the Minimal preset keeps on.</summary>
    private static readonly HashSet<string> s_minimalIds =
        ["RDY101", "RDY102", "RDY103", "RDY104", "RDY105", "RDY106", "RDY107", "RDY108", "RDY301", "RDY302"];

    private static readonly string[] s_severityOrder = ["none", "silent", "suggestion", "warning", "error"];

    /// <summary>An organisation-wide baseline below the presets' level -1 that lowers both implemented rules.</summary>
    private const string LowerLevelBaseline = """
        is_global = true
        global_level = -2

        dotnet_diagnostic.RDY101.severity = suggestion
        dotnet_diagnostic.RDY102.severity = suggestion
        """;

    [Fact]
    public async Task Build_ReportsRDY101AndRDY102Warnings_WithHelpLinksInConsoleAndSarif()
    {
        var consumer = package.CreateConsumer("build");

        var (build, sarif) = await consumer.BuildWithSarifAsync();

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.True(
            Directory.Exists(Path.Combine(package.PackagesDirectory, "readinessanalyzers", package.PackageVersion, "analyzers", "dotnet", "cs")),
            "The package was not restored into the fresh NUGET_PACKAGES folder.\n" + build.Describe());
        AssertReported(build, "warning", "RDY101", QuotePoller);
        AssertReported(build, "warning", "RDY102", OrderPlacer);

        Assert.True(sarif.ResultsFor("RDY101").SequenceEqual([new SarifLog.Finding("RDY101", "warning", QuotePoller)]), sarif.ToString());
        Assert.True(sarif.ResultsFor("RDY102").SequenceEqual([new SarifLog.Finding("RDY102", "warning", OrderPlacer)]), sarif.ToString());
        Assert.Equal(HelpLink("RDY101"), sarif.HelpUris["RDY101"]);
        Assert.Equal(HelpLink("RDY102"), sarif.HelpUris["RDY102"]);
    }

    [Fact]
    public async Task BuildWithWarnAsError_Fails_WithRDY101AndRDY102AsTheOnlyErrors()
    {
        var consumer = package.CreateConsumer("warnaserror");

        var build = await consumer.BuildAsync("-warnaserror");

        Assert.True(build.ExitCode != 0, build.Describe());
        AssertReported(build, "error", "RDY101", QuotePoller);
        AssertReported(build, "error", "RDY102", OrderPlacer);
        var otherErrors = Lines(build).Where(l => l.Contains(": error ", StringComparison.Ordinal)
                                                  && !l.Contains("error RDY101:", StringComparison.Ordinal)
                                                  && !l.Contains("error RDY102:", StringComparison.Ordinal));
        Assert.True(!otherErrors.Any(), build.Describe());
    }

    [Fact]
    public async Task DotnetFormatOneRuleIdPerRun_RewritesSleepAndResult_ThenWarnAsErrorBuildSucceeds()
    {
        var consumer = package.CreateConsumer("format");

        // One id per run. `--diagnostics RDY101 RDY102` in a single run is unreliable on this SDK: when an
        // analyzer reports several ids, dotnet format asks the fixer for the equivalence key of the first
        // diagnostic of any of them and then Fix-Alls the other id with that key, which matches nothing
        // ("Unable to fix RDY102. Code fix ... didn't return a Fix All action"), depending on hash order.
        foreach (var id in new[] { "RDY101", "RDY102" })
        {
            var format = await consumer.DotnetAsync("format", "analyzers", consumer.ProjectPath, "--diagnostics", id, "--severity", "warn");
            Assert.True(format.ExitCode == 0, format.Describe());
            Assert.DoesNotContain("Unable to fix", format.AllOutput, StringComparison.Ordinal);
        }

        var poller = consumer.Read(QuotePoller);
        Assert.Contains("await Task.Delay(100); // back off before the next poll", poller, StringComparison.Ordinal);
        Assert.DoesNotContain("Thread.Sleep", poller, StringComparison.Ordinal);
        var placer = consumer.Read(OrderPlacer);
        Assert.Contains("var orderId = await venue.SubmitLimitOrderAsync(symbol, quantity, limitPrice);", placer, StringComparison.Ordinal);
        Assert.DoesNotContain(".Result", placer, StringComparison.Ordinal);

        var build = await consumer.BuildAsync("-warnaserror");
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotContain("RDY101", build.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("RDY102", build.AllOutput, StringComparison.Ordinal);
    }

    // RDY101 and RDY102 are warnings already, so a preset is made observable with a baseline .globalconfig
    // at global_level -2 that lowers both to suggestion. Default mode leaves the baseline in force (SARIF
    // level note); a preset at level -1 outranks it and sets both back to warning. That proves the preset
    // file reaches the compiler, at a level above -2, with RDY101/RDY102 at warning. What Minimal turns
    // off, and what Strict raises, are rules not written yet: the next test checks those entries.
    [Theory]
    [InlineData("Strict")]
    [InlineData("Minimal")]
    public async Task Preset_ReachesCompilerAboveALowerLevelGlobalConfig_RDY101AndRDY102BackToWarning(string mode)
    {
        var consumer = package.CreateConsumer("preset-" + mode, analysisMode: "Default");
        consumer.Write(".globalconfig", LowerLevelBaseline);

        var (baselineBuild, baseline) = await consumer.BuildWithSarifAsync();
        Assert.True(baselineBuild.ExitCode == 0, baselineBuild.Describe());
        Assert.True(baseline.ResultsFor("RDY101").Single().Level == "note", "Default mode: " + baseline);
        Assert.True(baseline.ResultsFor("RDY102").Single().Level == "note", "Default mode: " + baseline);
        Assert.DoesNotContain("warning RDY10", baselineBuild.AllOutput, StringComparison.Ordinal);

        consumer.SetAnalysisMode(mode);
        var (presetBuild, preset) = await consumer.BuildWithSarifAsync("--no-incremental");

        Assert.True(presetBuild.ExitCode == 0, presetBuild.Describe());
        Assert.True(preset.ResultsFor("RDY101").Single().Level == "warning", mode + " mode: " + preset);
        Assert.True(preset.ResultsFor("RDY102").Single().Level == "warning", mode + " mode: " + preset);
        AssertReported(presetBuild, "warning", "RDY101", QuotePoller);
        AssertReported(presetBuild, "warning", "RDY102", OrderPlacer);
    }

    [Fact]
    public void PresetGlobalConfigs_InPackage_SetEveryCatalogIdAsRulesMdSpecifies()
    {
        // The implemented descriptors must agree with the catalog the presets were written from.
        foreach (var descriptor in ImplementedDescriptors())
        {
            Assert.True(s_catalog.TryGetValue(descriptor.Id, out var expected), descriptor.Id + " is missing from the preset catalog");
            Assert.Equal(expected, ToEditorConfigSeverity(descriptor.DefaultSeverity));
        }

        var defaults = ReadGlobalConfig("buildTransitive/ReadinessAnalyzers.Default.globalconfig");
        Assert.DoesNotContain(defaults, e => e.Key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal));

        var strict = Severities(ReadGlobalConfig("buildTransitive/ReadinessAnalyzers.Strict.globalconfig"));
        Assert.Equal(s_catalog.Keys.Order(), strict.Keys.Order());
        foreach (var (id, defaultSeverity) in s_catalog)
        {
            // At least warning, never below the default: info rules are raised, the rest keep their default.
            var expected = Rank(defaultSeverity) < Rank("warning") ? "warning" : defaultSeverity;
            Assert.True(strict[id] == expected, $"Strict: {id} = {strict[id]}, expected {expected}");
        }

        var minimal = Severities(ReadGlobalConfig("buildTransitive/ReadinessAnalyzers.Minimal.globalconfig"));
        Assert.Equal(s_catalog.Keys.Order(), minimal.Keys.Order());
        foreach (var (id, defaultSeverity) in s_catalog)
        {
            var expected = s_minimalIds.Contains(id) ? defaultSeverity : "none";
            Assert.True(minimal[id] == expected, $"Minimal: {id} = {minimal[id]}, expected {expected}");
        }

        var targets = package.ReadPackageText("buildTransitive/ReadinessAnalyzers.targets");
        foreach (var mode in new[] { "Default", "Strict", "Minimal" })
        {
            Assert.Contains($"ReadinessAnalyzers.{mode}.globalconfig", targets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownMode_WarnsRDY0001_AndRulesKeepTheirDefaults()
    {
        var consumer = package.CreateConsumer("unknown-mode", analysisMode: "Strickt");

        var build = await consumer.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Matches(new Regex(@"warning RDY0001: ReadinessAnalysisMode 'Strickt' is not one of Default, Strict or Minimal"), build.AllOutput);
        AssertReported(build, "warning", "RDY101", QuotePoller);
        AssertReported(build, "warning", "RDY102", OrderPlacer);
    }

    [Fact]
    public async Task EditorConfigSeverityNone_SilencesRDY101EvenInStrictMode_RDY102StillReported()
    {
        var consumer = package.CreateConsumer("editorconfig", analysisMode: "Strict");
        consumer.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.RDY101.severity = none
            """);

        var (build, sarif) = await consumer.BuildWithSarifAsync();

        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.DoesNotContain("RDY101", build.AllOutput, StringComparison.Ordinal);
        Assert.Empty(sarif.ResultsFor("RDY101"));
        Assert.True(sarif.ResultsFor("RDY102").SequenceEqual([new SarifLog.Finding("RDY102", "warning", OrderPlacer)]), sarif.ToString());
        AssertReported(build, "warning", "RDY102", OrderPlacer);
    }

    [Fact]
    public void Nupkg_AnalyzersUnderAnalyzersDotnetCs_NoLibFolder_NoDependencies_ReadmeAndLicenseInside()
    {
        using (var zip = package.OpenPackage())
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            var listing = string.Join("\n", entries);
            Assert.True(entries.Contains("analyzers/dotnet/cs/ReadinessAnalyzers.dll"), listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/ReadinessAnalyzers.CodeFixes.dll"), listing);
            Assert.True(entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Count() == 2, listing);
            Assert.True(!entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)), listing);
            Assert.True(entries.Contains("buildTransitive/ReadinessAnalyzers.targets"), listing);
            Assert.True(entries.Contains("build/ReadinessAnalyzers.targets"), listing);
            Assert.True(entries.Contains("buildTransitive/ReadinessAnalyzers.Report.targets"), listing);
            Assert.True(entries.Contains("tools/report/ReadinessAnalyzers.Report.dll"), listing);
            Assert.True(entries.Contains("tools/report/ReadinessAnalyzers.Report.runtimeconfig.json"), listing);
            Assert.True(entries.Contains("tools/report/System.CommandLine.dll"), listing);
            Assert.True(entries.Contains("README.md"), listing);
            Assert.True(entries.Contains("LICENSE"), listing);
        }

        var metadata = package.ReadNuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal(PackageFixture.PackageId, Element("id"));
        Assert.Equal("true", Element("developmentDependency"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Equal("README.md", Element("readme"));
        Assert.Equal("MIT", Element("license"));
        Assert.False(string.IsNullOrWhiteSpace(Element("description")));
        Assert.False(string.IsNullOrWhiteSpace(Element("tags")));
        Assert.Contains("RDY101", Element("releaseNotes") ?? "", StringComparison.Ordinal);

        Assert.StartsWith("# ", package.ReadPackageText("README.md"), StringComparison.Ordinal);
        var license = package.ReadPackageText("LICENSE");
        Assert.Contains("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("ReadinessAnalyzers contributors", license, StringComparison.Ordinal);
    }

    [Fact]
    public void PackagedAssemblies_ReferenceRoslyn480OrOlder_SoTheyLoadInTheDotNet8Sdk()
    {
        var floor = new Version(4, 8, 0, 0);
        foreach (var assembly in new[] { "ReadinessAnalyzers.dll", "ReadinessAnalyzers.CodeFixes.dll" })
        {
            using var zip = package.OpenPackage();
            using var stream = new MemoryStream();
            using (var entry = zip.GetEntry("analyzers/dotnet/cs/" + assembly)!.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var roslyn = reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle))
                .Where(reference => reader.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(reference => (Name: reader.GetString(reference.Name), reference.Version))
                .ToList();

            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, reference => Assert.True(reference.Version <= floor, $"{assembly} references {reference.Name} {reference.Version}"));
        }
    }

    private static string HelpLink(string id) => Rules.HelpLinkBase + id + ".md";

    /// <summary>A console line like <c>QuotePoller.cs(14,13): warning RDY101: … (help link) [project]</c>.</summary>
    private static void AssertReported(DotnetCli.Result build, string severity, string id, string file)
    {
        var line = new Regex($@"{Regex.Escape(file)}\(\d+,\d+\): {severity} {id}: .+ \({Regex.Escape(HelpLink(id))}\)");
        Assert.True(line.IsMatch(build.AllOutput), $"expected '{severity} {id}' in {file} with its help link\n" + build.Describe());
    }

    private static string[] Lines(DotnetCli.Result result)
        => result.AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<DiagnosticDescriptor> ImplementedDescriptors()
        => typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static string ToEditorConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    private static int Rank(string severity)
    {
        var rank = Array.IndexOf(s_severityOrder, severity);
        Assert.True(rank >= 0, "unknown severity " + severity);
        return rank;
    }

    /// <summary>The key/value pairs of a global config after checking it is global at level -1.</summary>
    private List<KeyValuePair<string, string>> ReadGlobalConfig(string entryName)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var raw in package.ReadPackageText(entryName).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            Assert.False(line.StartsWith('['), $"{entryName}: sections are not expected in a global config ({line})");
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{entryName}: not a key = value line ({line})");
            entries.Add(new(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        Assert.Contains(new KeyValuePair<string, string>("is_global", "true"), entries);
        Assert.Contains(new KeyValuePair<string, string>("global_level", "-1"), entries);
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct().Count());
        return entries;
    }

    private static Dictionary<string, string> Severities(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var severities = new Dictionary<string, string>();
        foreach (var (key, value) in entries)
        {
            var match = Regex.Match(key, @"^dotnet_diagnostic\.(RDY\d{3})\.severity$");
            if (match.Success)
            {
                Rank(value); // a known severity word
                severities.Add(match.Groups[1].Value, value);
            }
        }

        return severities;
    }
}
